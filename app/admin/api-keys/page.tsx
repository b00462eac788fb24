import type { Metadata } from 'next';
import { ApiKeysList } from '@/components/integration/api-keys-list';
import { CreateApiKeyForm } from '@/components/integration/create-api-key-form';
import { PageHeader } from '@/components/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePageRole, listApiKeys, recentCallsByKey } from '@/lib/auth';

export const metadata: Metadata = { title: 'API keys' };

const RECENT_CALLS = 10;

export default async function AdminApiKeysPage() {
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  await requirePageRole('admin', '/admin/api-keys');
  const keys = await listApiKeys();
  const calls = await recentCallsByKey(
    keys.map((k) => k.id),
    RECENT_CALLS,
  );
  return (
    <>
      <PageHeader title="API keys" description="Keys let a payment system call the integration API (credits, payment confirmation). Every call is logged." />
      <div className="flex flex-col gap-8">
        <Card>
          <CardHeader>
            <CardTitle>Create a key</CardTitle>
            <CardDescription>Name it after the system that will use it. The key is shown once.</CardDescription>
          </CardHeader>
          <CardContent>
            <CreateApiKeyForm />
          </CardContent>
        </Card>
        <section aria-labelledby="api-keys-heading" className="flex flex-col gap-4">
          <h2 id="api-keys-heading" className="text-xl font-semibold">
            Keys
          </h2>
          <ApiKeysList keys={keys} calls={Object.fromEntries(calls)} />
        </section>
      </div>
    </>
  );
}
