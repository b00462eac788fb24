import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LocalDateTime } from '@/components/local-date';
import { templateLabel } from '@/components/mail/labels';
import { ResendMessageDialog } from '@/components/mail/resend-dialog';
import { OutboxStateBadge } from '@/components/mail/status-badge';
import { PageHeader } from '@/components/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePageRole } from '@/lib/auth';
import { isAppError } from '@/lib/errors';
import { getMessage, type MessagePreviewDto } from '@/lib/mail';

export const metadata: Metadata = { title: 'Message' };

async function loadMessage(id: string): Promise<MessagePreviewDto> {
  try {
    return await getMessage(id);
  } catch (err) {
    if (isAppError(err) && err.code === 'not_found') notFound();
    throw err;
  }
}

function dataUrl(contentType: string, content: string): string {
  return `data:${contentType.split(';')[0]};charset=utf-8,${encodeURIComponent(content)}`;
}

export default async function AdminMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  await requirePageRole('admin', `/admin/mail/${encodeURIComponent(id)}`);
  const m = await loadMessage(id);
  const r = m.rendered;
  return (
    <>
      <PageHeader
        title={r.subject}
        description={`${templateLabel(m.template)} to ${m.recipient}`}
        actions={
          <Link href="/admin/mail" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
            All mail
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Headers</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm" data-testid="mail-headers">
              {Object.entries(r.headers).map(([k, v]) => (
                <div key={k} className="contents">
                  <dt className="font-medium">{k}</dt>
                  <dd className="font-mono text-xs break-all">{v}</dd>
                </div>
              ))}
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Delivery</CardTitle>
            <CardDescription>
              <OutboxStateBadge state={m.state} />
            </CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-3 text-sm">
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
              <dt className="font-medium">Attempts</dt>
              <dd>{m.attempts}</dd>
              <dt className="font-medium">Created</dt>
              <dd>
                <LocalDateTime iso={m.created_at} withYear />
              </dd>
              <dt className="font-medium">Sent</dt>
              <dd>{m.sent_at ? <LocalDateTime iso={m.sent_at} withYear /> : '—'}</dd>
              {m.next_attempt_at && m.state !== 'sent' ? (
                <>
                  <dt className="font-medium">Next attempt</dt>
                  <dd>
                    <LocalDateTime iso={m.next_attempt_at} withYear />
                  </dd>
                </>
              ) : null}
              <dt className="font-medium">Last error</dt>
              <dd className="break-words" data-testid="mail-last-error">
                {m.last_error ?? '—'}
              </dd>
            </dl>
            {m.state === 'failed' ? <ResendMessageDialog id={m.id} recipient={m.recipient} /> : null}
          </CardContent>
        </Card>
        <Card className="lg:col-span-3">
          <CardHeader>
            <CardTitle>HTML part</CardTitle>
            <CardDescription>Shown in a sandbox: no scripts, no forms, no navigation.</CardDescription>
          </CardHeader>
          <CardContent>
            <iframe title="HTML part" srcDoc={r.html} sandbox="" className="h-[32rem] w-full rounded-lg border border-border bg-white" />
          </CardContent>
        </Card>
        <Card className="lg:col-span-3">
          <CardHeader>
            <CardTitle>Text part</CardTitle>
          </CardHeader>
          <CardContent>
            <pre className="overflow-x-auto rounded-lg border border-border bg-muted/50 p-4 text-xs whitespace-pre-wrap" data-testid="mail-text">
              {r.text}
            </pre>
          </CardContent>
        </Card>
        <Card className="lg:col-span-3">
          <CardHeader>
            <CardTitle>Attachments</CardTitle>
            {r.attachments.length === 0 ? <CardDescription>None.</CardDescription> : null}
          </CardHeader>
          {r.attachments.length ? (
            <CardContent className="flex flex-col gap-6">
              {r.attachments.map((a, i) => (
                <section key={`${a.filename}-${i}`} className="flex flex-col gap-2" aria-label={a.filename} data-testid="mail-attachment">
                  <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1 text-sm">
                    <span className="font-medium">{a.filename}</span>
                    <span className="font-mono text-xs text-muted-foreground">{a.content_type}</span>
                    <a href={dataUrl(a.content_type, a.content)} download={a.filename} className="font-medium text-primary underline-offset-4 hover:underline">
                      Download
                    </a>
                  </div>
                  {/calendar|\.ics$/i.test(`${a.content_type} ${a.filename}`) || a.content_type.startsWith('text/') ? (
                    <pre className="max-h-96 overflow-auto rounded-lg border border-border bg-muted/50 p-4 text-xs">{a.content}</pre>
                  ) : null}
                </section>
              ))}
            </CardContent>
          ) : null}
        </Card>
      </div>
    </>
  );
}
