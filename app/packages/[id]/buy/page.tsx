import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { PageHeader } from '@/components/page-header';
import { CheckoutForm } from '@/components/payments/checkout-form';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePageRole } from '@/lib/auth/session';
import { isAppError } from '@/lib/http/errors';
import { formatMoney } from '@/lib/money';
import { getPackage } from '@/lib/packages/queries';
import { startPackagePurchase } from '@/lib/packages/purchase';
import { browserStripeConfig } from '@/lib/payments/stripe-client';

export const metadata: Metadata = { title: 'Buy a class pass' };
export const dynamic = 'force-dynamic';

const linkClass = 'text-sm font-medium text-primary underline-offset-4 hover:underline';

/** Why this pass cannot be bought now, with the way back. */
function CannotBuy({ children }: { children: ReactNode }) {
  return (
    <>
      <PageHeader title="Buy a class pass" />
      <Card className="max-w-xl">
        <CardContent className="flex flex-col gap-4 pt-6">
          <Alert data-testid="cannot-buy">{children}</Alert>
          <Link href="/packages" className={linkClass}>
            Back to the class passes
          </Link>
        </CardContent>
      </Card>
    </>
  );
}

export default async function BuyPackagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Visitors are sent to sign in and brought back here; other roles get a 403.
  const client = await requirePageRole('client', `/packages/${encodeURIComponent(id)}/buy`);
  const pkg = await getPackage(id, { includeRetired: true });
  if (!pkg) notFound();
  if (!pkg.active) return <CannotBuy>This class pass is no longer on sale.</CannotBuy>;

  let started: Awaited<ReturnType<typeof startPackagePurchase>>;
  try {
    const h = await headers();
    const origin = `${h.get('x-forwarded-proto') ?? 'http'}://${h.get('host') ?? 'localhost'}`;
    started = await startPackagePurchase(pkg.id, client, origin);
  } catch (err) {
    // Expected refusals (payments not configured, the pass retired meanwhile) are shown as they are.
    if (isAppError(err)) return <CannotBuy>{err.message}</CannotBuy>;
    throw err;
  }
  // Hosted Checkout (the checkout_mode setting): Stripe's own page takes the card.
  if (started.mode === 'hosted') redirect(started.checkout_url);
  const resultPath = `/account/credits/purchases/${encodeURIComponent(started.purchase_id)}`;
  // Already paid at Stripe (another tab, or a webhook on its way): wait for the credit, never charge twice.
  if (started.status === 'succeeded' || started.status === 'processing') redirect(`${resultPath}?payment_intent=${encodeURIComponent(started.payment_intent_id)}`);

  const stripeConfig = browserStripeConfig();
  const amount = formatMoney(started.amount);
  return (
    <>
      <PageHeader
        title="Buy a class pass"
        description="Your classes are added to your credits as soon as the payment is confirmed."
        actions={
          <Link href="/packages" className={linkClass}>
            Back to the class passes
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-5">
        <Card className="lg:col-span-2" data-testid="checkout-summary">
          <CardHeader>
            <CardTitle>{pkg.name}</CardTitle>
            <CardDescription>
              {pkg.class_count} classes, valid for {pkg.validity_days} days from today
            </CardDescription>
          </CardHeader>
          <CardContent>
            <dl className="flex flex-col gap-3 text-sm">
              <div>
                <dt className="font-medium text-muted-foreground">Per class</dt>
                <dd>{formatMoney(pkg.price_per_class)}</dd>
              </div>
              <div>
                <dt className="font-medium text-muted-foreground">To pay</dt>
                <dd className="text-2xl font-semibold" data-testid="checkout-amount">
                  {amount}
                </dd>
              </div>
            </dl>
          </CardContent>
        </Card>
        <Card className="lg:col-span-3">
          <CardHeader>
            <CardTitle>Card details</CardTitle>
            <CardDescription>Payments are handled by Stripe; your card number never reaches our servers.</CardDescription>
          </CardHeader>
          <CardContent>
            {stripeConfig.publishableKey ? (
              <CheckoutForm
                clientSecret={started.client_secret}
                amountLabel={amount}
                resultPath={resultPath}
                hold={null}
                stripeConfig={{ publishableKey: stripeConfig.publishableKey, stripeJsUrl: stripeConfig.stripeJsUrl }}
              />
            ) : (
              <Alert variant="error">Card payments are not configured on this server.</Alert>
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
