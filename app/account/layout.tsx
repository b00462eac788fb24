import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { getCurrentUser, REQUEST_PATH_HEADER, requirePageRole } from '@/lib/auth';

// /account/profile (profile, password, export, deletion) is every role's; the rest of /account is the client's.
const EVERY_ROLE = '/account/profile';

export default async function AccountLayout({ children }: { children: ReactNode }) {
  const path = (await headers()).get(REQUEST_PATH_HEADER) ?? '';
  if (path === EVERY_ROLE || path.startsWith(`${EVERY_ROLE}?`)) {
    if (!(await getCurrentUser())) redirect(`/signin?callbackUrl=${encodeURIComponent(EVERY_ROLE)}`);
  } else {
    await requirePageRole('client', '/account');
  }
  return children;
}
