import type { Metadata } from 'next';
import { AdminListPage, loadListPage } from '@/components/admin/admin-list';
import { singleParam, type SearchParams } from '@/components/search-params';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { webhookOutcomes } from '@/components/webhooks/labels';
import { BackfillForm } from '@/components/webhooks/webhook-actions';
import { WebhooksFilter } from '@/components/webhooks/webhooks-filter';
import { WebhooksTable } from '@/components/webhooks/webhooks-table';
import { requirePageRole } from '@/lib/auth';
import { listWebhookEvents } from '@/lib/payments';

export const metadata: Metadata = { title: 'Webhooks' };

const PAGE_SIZE = 25;

export default async function AdminWebhooksPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  await requirePageRole('admin', '/admin/webhooks');
  const params = await searchParams;
  const outcome = webhookOutcomes.find((o) => o === singleParam(params, 'outcome'));
  const type = singleParam(params, 'type')?.trim().slice(0, 100) || undefined;
  const rawPage = singleParam(params, 'page') ?? '';
  const page = /^[1-9]\d{0,5}$/.test(rawPage) ? Number(rawPage) : 1;
  const values = { type, outcome };
  const { result, pageCount } = await loadListPage((p) => listWebhookEvents({ type, outcome, page: p, page_size: PAGE_SIZE }), page, PAGE_SIZE);

  return (
    <AdminListPage
      title="Webhooks"
      description="Every verified event Stripe sent, newest first: what became of it and how often it was delivered. Open one to see its payload or replay it."
      filter={
        <div className="flex flex-col gap-6">
          <Card>
            <CardHeader>
              <CardTitle>Missed events</CardTitle>
              <CardDescription>
                If Stripe could not reach the app, ask it for the events of a recent window: each one the app never received is handled now, exactly once.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <BackfillForm />
            </CardContent>
          </Card>
          <WebhooksFilter values={values} />
        </div>
      }
      values={values}
      total={result.total}
      noun={['event', 'events']}
      page={result.page}
      pageCount={pageCount}
      basePath="/admin/webhooks"
    >
      <WebhooksTable events={result.webhook_events} />
    </AdminListPage>
  );
}
