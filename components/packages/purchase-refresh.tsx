'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

const POLL_MS = 1_000;
const SLOW_AFTER_MS = 30_000;
/** After this, keep asking but less often: the webhook or the reconciliation job may still land. */
const GIVE_UP_FAST_AFTER_MS = 120_000;

/**
 * Re-renders the purchase page every second until the webhook has granted
 * the credit (the page stops rendering this once it has). Coming back from
 * Stripe proves nothing; only the server's answer does.
 */
export function PurchaseRefresh() {
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
    <p className="text-sm text-muted-foreground" data-testid="purchase-slow">
      This is taking longer than usual. There is no need to pay again: your classes appear on your credits page as soon as the payment arrives.
    </p>
  ) : null;
}
