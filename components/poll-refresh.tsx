'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

const POLL_MS = 1_000;
const SLOW_AFTER_MS = 30_000;
/** After this, keep asking but less often: the webhook or the reconciliation job may still land. */
const GIVE_UP_FAST_AFTER_MS = 120_000;

/**
 * Re-renders the page every second while it shows this, waiting for something
 * only the server can confirm (a webhook has arrived); the page stops
 * rendering it once it has. After a while `slowMessage` says what to expect.
 */
export function PollRefresh({ slowMessage, testId }: { slowMessage: string; testId?: string }) {
  const router = useRouter();
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const started = Date.now();
    let timer: number | undefined;
    function tick() {
      const elapsed = Date.now() - started;
      if (elapsed >= SLOW_AFTER_MS) setSlow(true);
      router.refresh();
      timer = window.setTimeout(tick, elapsed >= GIVE_UP_FAST_AFTER_MS ? POLL_MS * 10 : POLL_MS);
    }
    timer = window.setTimeout(tick, POLL_MS);
    return () => window.clearTimeout(timer);
  }, [router]);
  return slow ? (
    <p className="text-sm text-muted-foreground" data-testid={testId}>
      {slowMessage}
    </p>
  ) : null;
}
