'use client';

import { Menu, X } from 'lucide-react';
import { useId, useRef } from 'react';
import type { NavItem } from '@/lib/auth';
import { NavLinks } from './nav-links';
import { Button } from './ui/button';

/**
 * Small screens: the same links in a panel that opens from the menu button. A
 * native modal <dialog> (the page behind is inert, Escape closes it, focus
 * goes back to the button) rather than Radix's Dialog, which would add to
 * every page's first-load JavaScript (scripts/page-weight.ts).
 */
export function MobileNav({ items }: { items: NavItem[] }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const close = () => dialog.current?.close();
  return (
    <>
      <Button variant="ghost" size="icon" className="xl:hidden" aria-label="Open menu" aria-haspopup="dialog" onClick={() => dialog.current?.showModal()}>
        <Menu aria-hidden="true" />
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        // A click on the backdrop lands on the <dialog> itself: close, as a sheet does.
        onClick={(event) => {
          if (event.target === dialog.current) close();
        }}
        className="fixed inset-y-0 right-0 left-auto m-0 h-dvh max-h-none w-72 max-w-[85vw] border-l border-border bg-background p-0 text-foreground shadow-xl backdrop:bg-foreground/30 xl:hidden"
      >
        <div className="flex flex-col gap-4 p-4">
          <div className="flex items-center justify-between">
            <h2 id={titleId} className="text-base font-semibold">
              Menu
            </h2>
            <Button variant="ghost" size="icon" aria-label="Close menu" onClick={close}>
              <X aria-hidden="true" />
            </Button>
          </div>
          <nav aria-label="Main">
            <NavLinks items={items} direction="column" onNavigate={close} />
          </nav>
        </div>
      </dialog>
    </>
  );
}
