import type { ReactNode } from 'react';
import { requirePageRole } from '@/lib/auth';

export default async function ProviderLayout({ children }: { children: ReactNode }) {
  await requirePageRole('provider', '/provider');
  return children;
}
