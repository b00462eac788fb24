'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';

/**
 * A thin bar at the top while a link's page is on its way. Pages shown by id
 * have no loading skeleton (a skeleton would send the 200 before the page
 * knows whether the record exists, and a missing one must be a 404), so this
 * is what says "your click was taken" on the way to them.
 */
export function NavigationProgress() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  // The address a link was followed from; once another address is rendered, the navigation is over.
  const [leaving, setLeaving] = useState<string | null>(null);
  const pending = leaving !== null && leaving === `${pathname}?${search}`;

  useEffect(() => {
    function onClick(event: MouseEvent) {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== '_self') || link.hasAttribute('download')) return;
      const to = new URL(link.href, window.location.href);
      // Another site, or a file from the API (a CSV, a calendar entry): no page of ours is on its way.
      if (to.origin !== window.location.origin || to.pathname.startsWith('/api/')) return;
      if (to.pathname === window.location.pathname && to.search === window.location.search) return;
      setLeaving(`${window.location.pathname}?${new URLSearchParams(window.location.search).toString()}`);
    }
    // Capture: next/link prevents the default in its own handler, which runs before a bubbling listener here.
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, []);

  // Never stuck: a navigation that failed or went nowhere stops showing after a while.
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => setLeaving(null), 15_000);
    return () => clearTimeout(timer);
  }, [pending]);

  if (!pending) return null;
  return (
    <div role="progressbar" aria-label="Loading the page" className="fixed inset-x-0 top-0 z-50 h-1 overflow-hidden bg-primary/20">
      <div className="h-full w-1/3 animate-pulse bg-primary" />
    </div>
  );
}
