import { Leaf } from 'lucide-react';
import Link from 'next/link';
import { getCurrentUser, navFor, roleLabel, type NavItem } from '@/lib/auth';
import { getSetting } from '@/lib/settings';
import { MobileNav } from './mobile-nav';
import { NavLinks } from './nav-links';
import { UserMenu } from './user-menu';

const scheduleItem: NavItem = { href: '/schedule', label: 'Schedule' };

const signedOutNav: NavItem[] = [
  scheduleItem,
  { href: '/signin', label: 'Sign in' },
  { href: '/signup', label: 'Create account' },
];

export async function SiteHeader() {
  const user = await getCurrentUser();
  // Clients book, so their navigation leads to the schedule too (a practitioner's "Schedule" is their own diary).
  const items = !user ? signedOutNav : user.role === 'client' ? [...navFor.client.slice(0, 1), scheduleItem, ...navFor.client.slice(1)] : navFor[user.role];
  // A provider's menu names their role with the practice's word for it.
  const roleName = user ? (user.role === 'provider' ? await getSetting('provider_label') : roleLabel[user.role]) : '';
  return (
    <header className="sticky top-0 z-30 border-b border-border bg-background/90 backdrop-blur">
      <div className="mx-auto flex h-16 max-w-6xl items-center gap-4 px-4 sm:px-6">
        <Link href="/" className="flex shrink-0 items-center gap-2 rounded-lg text-lg font-semibold text-primary">
          <Leaf aria-hidden="true" className="size-5" />
          Wellbook
        </Link>
        {/* The admin list is long: past the width it scrolls inside the header instead of widening the page. */}
        <nav aria-label="Main" className="ml-auto hidden min-w-0 overflow-x-auto xl:block">
          <NavLinks items={items} />
        </nav>
        <div className="ml-auto flex shrink-0 items-center gap-2 xl:ml-0">
          {user ? <UserMenu user={{ name: user.name, email: user.email }} roleName={roleName} /> : null}
          <MobileNav items={items} />
        </div>
      </div>
    </header>
  );
}
