import { PollRefresh } from '@/components/poll-refresh';

/**
 * Re-renders the purchase page every second until the webhook has granted
 * the credit (the page stops rendering this once it has). Coming back from
 * Stripe proves nothing; only the server's answer does.
 */
export function PurchaseRefresh() {
  return (
    <PollRefresh
      testId="purchase-slow"
      slowMessage="This is taking longer than usual. There is no need to pay again: your classes appear on your credits page as soon as the payment arrives."
    />
  );
}
