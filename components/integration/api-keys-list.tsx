import { LocalDateTime } from '@/components/local-date';
import { DataTable, type Column } from '@/components/data-table';
import { EmptyTable } from '@/components/payments/empty-table';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { ApiKeyCallDto, ApiKeyDto } from '@/lib/auth';
import { RevokeApiKeyDialog } from './revoke-api-key-dialog';

/** Every key with its status and its latest calls; the key itself is never here, only its first characters. */
export function ApiKeysList({ keys, calls }: { keys: ApiKeyDto[]; calls: Record<string, ApiKeyCallDto[]> }) {
  if (keys.length === 0) return <EmptyTable>No API keys yet. Create one for each system that calls the integration API.</EmptyTable>;
  return (
    <ul className="flex flex-col gap-4">
      {keys.map((key) => (
        <li key={key.id}>
          <ApiKeyCard apiKey={key} calls={calls[key.id] ?? []} />
        </li>
      ))}
    </ul>
  );
}

function ApiKeyCard({ apiKey, calls }: { apiKey: ApiKeyDto; calls: ApiKeyCallDto[] }) {
  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div className="flex flex-col gap-1.5">
          <CardTitle className="flex items-center gap-2">
            {apiKey.name}
            <Badge variant={apiKey.status === 'active' ? 'default' : 'muted'}>{apiKey.status === 'active' ? 'Active' : 'Revoked'}</Badge>
          </CardTitle>
          <CardDescription>
            <code className="font-mono">{apiKey.prefix}…</code> · created <LocalDateTime iso={apiKey.created_at} withYear />
            {apiKey.created_by ? ` by ${apiKey.created_by.name}` : ''} · last used {apiKey.last_used_at ? <LocalDateTime iso={apiKey.last_used_at} withYear /> : 'never'}
            {apiKey.revoked_at ? (
              <>
                {' '}
                · revoked <LocalDateTime iso={apiKey.revoked_at} withYear />
              </>
            ) : null}
          </CardDescription>
        </div>
        {apiKey.status === 'active' ? <RevokeApiKeyDialog id={apiKey.id} name={apiKey.name} /> : null}
      </CardHeader>
      <CardContent>
        <RecentCalls name={apiKey.name} calls={calls} />
      </CardContent>
    </Card>
  );
}

const callColumns: readonly Column<ApiKeyCallDto>[] = [
  { header: 'Time', className: 'whitespace-nowrap', cell: (c) => <LocalDateTime iso={c.created_at} withYear /> },
  { header: 'Method', className: 'font-mono text-xs', cell: (c) => c.method },
  { header: 'Path', className: 'font-mono text-xs break-all', cell: (c) => c.path },
  { header: 'Status', cell: (c) => <Badge variant={c.status < 400 ? 'outline' : 'destructive'}>{c.status}</Badge> },
];

function RecentCalls({ name, calls }: { name: string; calls: ApiKeyCallDto[] }) {
  if (calls.length === 0) return <p className="text-sm text-muted-foreground">No calls with this key yet.</p>;
  return <DataTable caption={`Recent calls with ${name}`} columns={callColumns} rows={calls} rowKey={(c) => c.id} />;
}
