import type { ReactNode } from 'react';
import { NavLinks } from '@/components/nav-links';
import { adminSections, requirePageRole } from '@/lib/auth';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requirePageRole('admin', '/admin');
  return (
    <>
      <nav aria-label="Admin sections" className="-mt-2 mb-6 border-b border-border pb-3">
        <NavLinks items={adminSections} wrap />
      </nav>
      {children}
    </>
  );
}
