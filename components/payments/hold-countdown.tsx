'use client';

import { useEffect, useState } from 'react';

/**
 * Seconds left on a payment hold. The page passes the server's "now" so the
 * count does not depend on the reader's clock being right (or on the test
 * clock); the browser's own clock only measures the time elapsed since.
 */
export function useHoldSecondsLeft(holdExpiresAt: string, serverNow: string): number {
  const initial = Math.max(0, Math.floor((new Date(holdExpiresAt).getTime() - new Date(serverNow).getTime()) / 1000));
  const [secondsLeft, setSecondsLeft] = useState(initial);
  useEffect(() => {
    if (initial <= 0) return;
    const started = performance.now();
    const timer = window.setInterval(() => {
      const left = Math.max(0, initial - Math.floor((performance.now() - started) / 1000));
      setSecondsLeft(left);
      if (left === 0) window.clearInterval(timer);
    }, 250);
    return () => window.clearInterval(timer);
  }, [initial]);
  return secondsLeft;
}

function mmss(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/** "Your place is held for 14:32", then "Your hold has expired". */
export function HoldCountdown({ secondsLeft }: { secondsLeft: number }) {
  if (secondsLeft <= 0) {
    return (
      <p role="status" data-testid="hold-countdown" className="text-sm font-medium text-destructive">
        Your hold has expired
      </p>
    );
  }
  return (
    // Not a live region: announcing every second would drown a screen reader.
    <p data-testid="hold-countdown" className="text-sm text-muted-foreground">
      Your place is held for{' '}
      <time className="font-medium tabular-nums text-foreground" dateTime={`PT${secondsLeft}S`}>
        {mmss(secondsLeft)}
      </time>
    </p>
  );
}

/** The countdown on its own, for pay pages whose form does not show it (M-Pesa). */
export function HoldCountdownLine({ hold }: { hold: { expiresAt: string; serverNow: string } }) {
  return <HoldCountdown secondsLeft={useHoldSecondsLeft(hold.expiresAt, hold.serverNow)} />;
}
