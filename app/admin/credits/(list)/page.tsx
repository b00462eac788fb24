import type { Metadata } from 'next';
import Link from 'next/link';
import { Pagination } from '@/components/admin/pagination';
import { AdminClientsCreditsTable } from '@/components/credits/admin-clients-table';
import { PageHeader } from '@/components/page-header';
import { EmptyTable, linkClass } from '@/components/payments/empty-table';
import { singleParam, type SearchParams } from '@/components/search-params';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { requirePageRole } from '@/lib/auth';
import { clientsWithCredits } from '@/lib/credits';
import { listUsers } from '@/lib/users';

export const metadata: Metadata = { title: 'Credits' };

const PAGE_SIZE = 20;

/** Anything unexpected in the query string falls back to the first page of everyone. */
function parseQuery(params: SearchParams): { page: number; search?: string } {
  const rawPage = singleParam(params, 'page') ?? '';
  return {
    page: /^[1-9]\d{0,5}$/.test(rawPage) ? Number(rawPage) : 1,
    search: singleParam(params, 'search')?.trim().slice(0, 100) || undefined,
  };
}

export default async function AdminCreditsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  await requirePageRole('admin', '/admin/credits');
  const { page, search } = parseQuery(await searchParams);
  let result = await clientsWithCredits({ search, page, pageSize: PAGE_SIZE });
  const pageCount = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  // A page past the end (a hand-edited URL, or fewer matches now) shows the last page instead.
  if (result.page > pageCount) result = await clientsWithCredits({ search, page: pageCount, pageSize: PAGE_SIZE });
  // A search also finds clients without credits yet, so an admin can grant them some.
  const withCredits = new Set(result.clients.map((c) => c.client.id));
  const others = search ? (await listUsers({ role: 'client', search, page: 1, pageSize: 10 })).users.filter((u) => !withCredits.has(u.id)) : [];

  return (
    <>
      <PageHeader title="Credits" description="Clients’ class credits, with every change and who made it." />
      <div className="flex flex-col gap-6">
        <form method="get" action="/admin/credits" role="search" aria-label="Search clients" className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <div className="flex flex-1 flex-col gap-2">
            <label htmlFor="credits-search" className="text-sm font-medium">
              Search
            </label>
            <Input id="credits-search" name="search" type="search" placeholder="Name or e-mail" defaultValue={search} maxLength={100} />
          </div>
          <div className="flex gap-2">
            <Button type="submit">Search</Button>
            {search ? (
              <Button asChild variant="ghost">
                <Link href="/admin/credits">Clear</Link>
              </Button>
            ) : null}
          </div>
        </form>
        <p className="text-sm text-muted-foreground" aria-live="polite">
          {result.total === 1 ? '1 client with credits' : `${result.total} clients with credits`}
          {search ? ' match your search' : ''}
        </p>
        {result.clients.length ? (
          <AdminClientsCreditsTable rows={result.clients} />
        ) : (
          <EmptyTable>{search ? 'No client with credits matches.' : 'No client has any credits yet.'}</EmptyTable>
        )}
        <Pagination basePath="/admin/credits" query={search ? { search } : {}} page={result.page} pageCount={pageCount} />
        {search ? (
          <Card>
            <CardHeader>
              <CardTitle>Clients without credits</CardTitle>
              <CardDescription>Matching clients who have no credits yet: open one to grant a complimentary credit.</CardDescription>
            </CardHeader>
            <CardContent>
              {others.length ? (
                <ul className="flex flex-col gap-2 text-sm">
                  {others.map((u) => (
                    <li key={u.id}>
                      <Link href={`/admin/credits/${u.id}`} className={linkClass}>
                        {u.name}
                      </Link>{' '}
                      <span className="break-all text-muted-foreground">({u.email})</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-muted-foreground">None.</p>
              )}
            </CardContent>
          </Card>
        ) : null}
      </div>
    </>
  );
}
