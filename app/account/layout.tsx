import type { ReactNode } from 'react';
import { requirePageRole } from '@/lib/auth/session';

export default async function AccountLayout({ children }: { children: ReactNode }) {
  await requirePageRole('client', '/account');
  return children;
}
