'use client';

import { ChevronDown, LogOut, UserRound } from 'lucide-react';
import Link from 'next/link';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { signOutAction } from '@/app/(auth)/actions';
import type { PublicUser } from '@/lib/users';
import { Badge } from './ui/badge';
import { Button } from './ui/button';

interface UserMenuProps {
  user: Pick<PublicUser, 'name' | 'email'>;
  roleName: string;
}

/**
 * The signed-in user's menu: who they are and "Sign out". A small menu of its
 * own rather than Radix's DropdownMenu, which would put its positioning engine
 * into the first-load JavaScript of every page (scripts/page-weight.ts).
 */
export function UserMenu({ user, roleName }: UserMenuProps) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const first = useRef<HTMLAnchorElement>(null);

  useEffect(() => {
    if (!open) return;
    first.current?.focus();
    const closeOutside = (event: PointerEvent | FocusEvent) => {
      if (event.target instanceof Node && !root.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    document.addEventListener('focusin', closeOutside);
    return () => {
      document.removeEventListener('pointerdown', closeOutside);
      document.removeEventListener('focusin', closeOutside);
    };
  }, [open]);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      trigger.current?.focus();
    }
  }

  return (
    <div ref={root} className="relative" onKeyDown={onKeyDown}>
      <Button
        ref={trigger}
        variant="outline"
        aria-label={`Account menu for ${user.name}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
        className="max-w-56"
      >
        {/* The initial is drawn by CSS, so the visible text is the name alone and the label contains it. */}
        <span
          aria-hidden="true"
          data-initial={initial(user.name)}
          className="grid size-6 place-items-center rounded-full bg-secondary text-xs font-semibold text-secondary-foreground before:content-[attr(data-initial)]"
        />
        <span className="hidden truncate sm:inline">{user.name}</span>
        <ChevronDown aria-hidden="true" />
      </Button>
      {open ? (
        <div
          id={menuId}
          role="menu"
          aria-label={`Account menu for ${user.name}`}
          className="absolute right-0 z-50 mt-2 min-w-56 max-w-[calc(100vw-2rem)] rounded-lg border border-border bg-card p-1 text-sm shadow-lg"
        >
          <div className="flex flex-col gap-1 px-2 py-1.5">
            <span className="font-medium">{user.name}</span>
            <span className="truncate text-xs text-muted-foreground">{user.email}</span>
            <Badge variant="muted" className="mt-1 self-start">
              {roleName}
            </Badge>
          </div>
          <div role="separator" className="-mx-1 my-1 h-px bg-border" />
          <Link ref={first} href="/account/profile" role="menuitem" onClick={() => setOpen(false)} className={itemClass}>
            <UserRound aria-hidden="true" />
            Profile and account
          </Link>
          <form action={signOutAction}>
            <button
              type="submit"
              role="menuitem"
              className={itemClass}
            >
              <LogOut aria-hidden="true" />
              Sign out
            </button>
          </form>
        </div>
      ) : null}
    </div>
  );
}

const itemClass = 'flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left outline-none hover:bg-muted focus-visible:bg-muted [&_svg]:size-4';

function initial(name: string): string {
  return name.trim().charAt(0).toUpperCase() || '?';
}
