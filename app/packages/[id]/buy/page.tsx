import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { PageHeader } from '@/components/page-header';
import { startPackageCheckoutAction } from '@/app/payments/checkout-actions';
import { startPackageMpesaAction } from '@/app/payments/mpesa-actions';
import { MpesaPhoneForm } from '@/components/payments/mpesa-phone-form';
import { StartCheckout } from '@/components/payments/start-checkout';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePageRole } from '@/lib/auth';
import { formatMoney } from '@/lib/money';
import { getPackage } from '@/lib/packages';
import { browserStripeConfig, mpesaConfigured } from '@/lib/payments';

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
  await requirePageRole('client', `/packages/${encodeURIComponent(id)}/buy`);
  const pkg = await getPackage(id, { includeRetired: true });
  if (!pkg) notFound();
  if (!pkg.active) return <CannotBuy>This class pass is no longer on sale.</CannotBuy>;

  const stripeConfig = browserStripeConfig();
  const amount = formatMoney(pkg.price);
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
        {pkg.price.currency === 'kes' ? (
          // Kenyan shillings are paid by M-Pesa (STK Push) only.
          <Card className="lg:col-span-3">
            <CardHeader>
              <CardTitle>Pay with M-Pesa</CardTitle>
              <CardDescription>We send a request to your phone and you approve it with your M-Pesa PIN.</CardDescription>
            </CardHeader>
            <CardContent>
              {mpesaConfigured() ? (
                <MpesaPhoneForm send={startPackageMpesaAction.bind(null, pkg.id)} amountLabel={amount} />
              ) : (
                <Alert variant="error">M-Pesa payments are not configured on this server.</Alert>
              )}
            </CardContent>
          </Card>
        ) : (
          <Card className="lg:col-span-3">
            <CardHeader>
              <CardTitle>Card details</CardTitle>
              <CardDescription>Payments are handled by Stripe; your card number never reaches our servers.</CardDescription>
            </CardHeader>
            <CardContent>
              {stripeConfig.publishableKey ? (
                // The purchase and its payment are started (or resumed) from the browser, by an action: a render never creates one.
                <StartCheckout
                  start={startPackageCheckoutAction.bind(null, pkg.id)}
                  amountLabel={amount}
                  hold={null}
                  stripeConfig={{ publishableKey: stripeConfig.publishableKey, stripeJsUrl: stripeConfig.stripeJsUrl }}
                />
              ) : (
                <Alert variant="error">Card payments are not configured on this server.</Alert>
              )}
            </CardContent>
          </Card>
        )}
      </div>
    </>
  );
}
