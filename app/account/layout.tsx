import type { ReactNode } from 'react';
import { requirePageRole } from '@/lib/auth';

export default async function AccountLayout({ children }: { children: ReactNode }) {
  await requirePageRole('client', '/account');
  return children;
}
