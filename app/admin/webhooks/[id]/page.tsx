import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LocalDateTime } from '@/components/local-date';
import { PageHeader } from '@/components/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ReplayWebhookDialog } from '@/components/webhooks/webhook-actions';
import { WebhookOutcomeBadge } from '@/components/webhooks/webhooks-table';
import { requirePageRole } from '@/lib/auth';
import { isAppError } from '@/lib/errors';
import { getWebhookEvent } from '@/lib/payments';

export const metadata: Metadata = { title: 'Webhook event' };

async function load(id: string) {
  try {
    return await getWebhookEvent(id);
  } catch (err) {
    if (isAppError(err) && err.code === 'not_found') notFound();
    throw err;
  }
}

export default async function AdminWebhookEventPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  await requirePageRole('admin', `/admin/webhooks/${encodeURIComponent(id)}`);
  const e = await load(id);
  return (
    <>
      <PageHeader
        title={e.type}
        description={`Event ${e.id}`}
        actions={
          <Link href="/admin/webhooks" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
            All events
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card>
          <CardHeader>
            <CardTitle>What became of it</CardTitle>
            <CardDescription>
              <WebhookOutcomeBadge outcome={e.outcome} />
            </CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4 text-sm">
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
              <dt className="font-medium">First received</dt>
              <dd>
                <LocalDateTime iso={e.received_at} withYear />
              </dd>
              <dt className="font-medium">Last received</dt>
              <dd>
                <LocalDateTime iso={e.last_received_at} withYear />
              </dd>
              <dt className="font-medium">Processed</dt>
              <dd>{e.processed_at ? <LocalDateTime iso={e.processed_at} withYear /> : '—'}</dd>
              <dt className="font-medium">Deliveries</dt>
              <dd>{e.delivery_count === 0 ? '0 (found by a backfill)' : e.delivery_count}</dd>
              <dt className="font-medium">Replays</dt>
              <dd>{e.replay_count}</dd>
              <dt className="font-medium">Account</dt>
              <dd className="font-mono text-xs break-all">{e.account ?? 'The platform'}</dd>
              <dt className="font-medium">Error</dt>
              <dd className="break-words" data-testid="webhook-error">
                {e.error ?? '—'}
              </dd>
            </dl>
            <ReplayWebhookDialog id={e.id} type={e.type} />
          </CardContent>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Payload</CardTitle>
            <CardDescription>Stripe’s event as received. It holds no card numbers.</CardDescription>
          </CardHeader>
          <CardContent>
            <pre tabIndex={0} aria-label="Event payload" className="max-h-[40rem] overflow-auto rounded-lg border border-border bg-muted/50 p-4 text-xs focus-visible:outline-2 focus-visible:outline-ring" data-testid="webhook-payload">
              {JSON.stringify(e.payload, null, 2)}
            </pre>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
