'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { NavItem } from '@/lib/auth';

// An area's first page (the dashboard) is current on itself only, not on every page below it.
const AREA_ROOTS = new Set(['/account', '/provider', '/admin']);

/** The item for the current page: the longest href that is the path or one of its parents. */
function activeHref(items: NavItem[], pathname: string): string | undefined {
  return items
    .filter((item) => pathname === item.href || (!AREA_ROOTS.has(item.href) && pathname.startsWith(`${item.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
}

export function NavLinks({
  items,
  direction = 'row',
  wrap = false,
  onNavigate,
}: {
  items: NavItem[];
  direction?: 'row' | 'column';
  /** A row that wraps onto more lines rather than running past the screen. */
  wrap?: boolean;
  onNavigate?: () => void;
}) {
  const pathname = usePathname();
  const current = activeHref(items, pathname);
  return (
    <ul className={`flex gap-1 ${direction === 'column' ? 'flex-col' : 'items-center'}${wrap ? ' flex-wrap' : ''}`}>
      {items.map((item) => {
        const isCurrent = item.href === current;
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={isCurrent ? 'page' : undefined}
              onClick={onNavigate}
              className={`block whitespace-nowrap rounded-lg px-2.5 py-2 text-sm font-medium transition-colors ${
                isCurrent ? 'bg-secondary text-secondary-foreground' : 'text-muted-foreground hover:bg-muted hover:text-foreground'
              }`}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
