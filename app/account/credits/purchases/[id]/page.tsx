import { CircleCheck, LoaderCircle } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { usesLabel } from '@/components/credits/labels';
import { LocalDate } from '@/components/local-date';
import { PageHeader } from '@/components/page-header';
import { PurchaseRefresh } from '@/components/packages/purchase-refresh';
import { buttonVariants } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { requirePageRole } from '@/lib/auth';
import { isAppError } from '@/lib/errors';
import { getPurchaseFor } from '@/lib/packages';

export const metadata: Metadata = { title: 'Class pass purchase' };
export const dynamic = 'force-dynamic';

const linkClass = 'text-sm font-medium text-primary underline-offset-4 hover:underline';

/**
 * Where the checkout lands after paying for a class pass. The query string
 * (payment_intent, redirect_status) proves nothing: the page shows the
 * purchase as the webhook leaves it, and waits until the credit is granted.
 */
export default async function PurchasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const client = await requirePageRole('client', `/account/credits/purchases/${encodeURIComponent(id)}`);
  const found = await getPurchaseFor(id, client).catch((err: unknown) => {
    // Someone else's purchase, or none: the same 404.
    if (isAppError(err) && err.code === 'not_found') return null;
    throw err;
  });
  if (!found) notFound();
  const { purchase, credit } = found;

  let body;
  if (credit) {
    body = (
      <>
        <p className="flex items-center gap-2 text-lg font-medium" data-testid="purchase-outcome">
          <CircleCheck aria-hidden="true" className="size-5 text-primary" />
          {usesLabel(credit.total_classes)} added
        </p>
        <p className="text-sm text-muted-foreground">
          {credit.package_name}: use {credit.total_classes === 1 ? 'it' : 'them'} by <LocalDate iso={credit.expires_at} />. Choose “Use a credit” when you book.
        </p>
        <div className="flex flex-wrap gap-4">
          <Link href="/schedule" className={buttonVariants()}>
            Book a class
          </Link>
          <Link href="/account/credits" className={`${linkClass} self-center`}>
            My credits
          </Link>
        </div>
      </>
    );
  } else if (purchase.status === 'failed' || purchase.status === 'abandoned') {
    body = (
      <>
        <p className="text-lg font-medium" data-testid="purchase-outcome">
          {purchase.status === 'failed' ? 'The payment did not go through, so no classes were added.' : 'This purchase was not completed, so no classes were added.'}
        </p>
        <p className="text-sm text-muted-foreground">Nothing was charged for it. You can try again.</p>
        <Link href={purchase.status === 'failed' ? `/packages/${encodeURIComponent(purchase.package.id)}/buy` : '/packages'} className={linkClass}>
          {purchase.status === 'failed' ? 'Try another card' : 'Back to the class passes'}
        </Link>
      </>
    );
  } else {
    body = (
      <>
        <p className="flex items-center gap-2 text-lg font-medium" data-testid="purchase-outcome">
          <LoaderCircle aria-hidden="true" className="size-5 animate-spin" />
          Processing your payment…
        </p>
        <PurchaseRefresh />
        <Link href="/account/credits" className={linkClass}>
          My credits
        </Link>
      </>
    );
  }

  return (
    <>
      <PageHeader title="Class pass" description={purchase.package.name} />
      <Card className="max-w-xl">
        <CardContent className="pt-6">
          <div role="status" aria-live="polite" data-testid="purchase-result" className="flex flex-col gap-4">
            {body}
          </div>
        </CardContent>
      </Card>
    </>
  );
}
