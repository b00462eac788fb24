import type { Metadata } from 'next';
import { LocalDateTime } from '@/components/local-date';
import { PackageActiveToggle } from '@/components/packages/package-active-toggle';
import { PackageForm, type ScopeClassGroup } from '@/components/packages/package-form';
import { PageHeader } from '@/components/page-header';
import { EmptyTable } from '@/components/payments/empty-table';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePageRole } from '@/lib/auth';
import { now } from '@/lib/clock';
import { formatBps, formatMoney } from '@/lib/money';
import { listPackages, type PackageDto } from '@/lib/packages';
import { listClasses, type ClassDto, listProviders } from '@/lib/schedule';
import { getSetting } from '@/lib/settings';
import { DAY_MS } from '@/lib/time';

export const metadata: Metadata = { title: 'Packages' };

const SCOPE_LOOKAHEAD_DAYS = 90;

/** Upcoming classes grouped by weekly series (single classes together), for the scope picker. */
function groupClasses(classes: ClassDto[]): ScopeClassGroup[] {
  const groups = new Map<string, ScopeClassGroup>();
  const when = (iso: string) => new Date(iso).toISOString().slice(0, 16).replace('T', ' ');
  for (const c of classes) {
    const key = c.series_id ?? 'single';
    const group = groups.get(key) ?? { label: c.series_id ? `${c.title} with ${c.provider.name} (weekly)` : 'Single classes', seriesId: c.series_id, classes: [] };
    group.classes.push({ id: c.id, label: `${c.series_id ? '' : `${c.title} · `}${when(c.starts_at)} UTC` });
    groups.set(key, group);
  }
  return [...groups.values()];
}

function scopeLabel(p: PackageDto): string {
  const classes = { all: 'All classes', selected: `${p.scope.class_ids.length} selected classes or series`, none: 'No classes' }[p.scope.classes];
  const types = p.scope.session_type_ids.length;
  return types ? `${classes}; ${types} session ${types === 1 ? 'type' : 'types'}` : classes;
}

export default async function AdminPackagesPage() {
  // Pages render alongside their layout, so the page checks the role too before reading anything.
  await requirePageRole('admin', '/admin/packages');
  const at = now();
  const [packages, classes, providers, currency] = await Promise.all([
    listPackages({ includeRetired: true }),
    listClasses({ from: at, to: new Date(at.getTime() + SCOPE_LOOKAHEAD_DAYS * DAY_MS) }),
    listProviders(),
    getSetting('default_currency'),
  ]);
  const classGroups = groupClasses(classes);
  const sessionTypes = providers.flatMap((p) => p.session_types.map((t) => ({ id: t.id, label: `${t.name} with ${p.name}` })));

  return (
    <>
      <PageHeader title="Packages" description="Class passes on sale, and retired ones. A change of terms never reaches credits already sold." />
      <div className="grid gap-6 lg:grid-cols-5">
        <div className="flex flex-col gap-4 lg:col-span-3">
          {packages.length === 0 ? <EmptyTable>No packages yet. Create the first with the form.</EmptyTable> : null}
          {packages.map((p) => (
            <Card key={p.id} data-testid="admin-package" className={p.active ? undefined : 'opacity-80'}>
              <CardHeader>
                <div className="flex flex-wrap items-center justify-between gap-3">
                  <CardTitle>{p.name}</CardTitle>
                  {p.active ? <Badge>On sale</Badge> : <Badge variant="muted">Retired</Badge>}
                </div>
                <CardDescription>
                  {p.class_count} classes · {formatMoney(p.price)} ({formatMoney(p.price_per_class)} a class) · valid {p.validity_days} days · fee {formatBps(p.platform_fee_bps)}
                </CardDescription>
              </CardHeader>
              <CardContent className="flex flex-col gap-3 text-sm">
                {p.description ? <p>{p.description}</p> : null}
                <p className="text-muted-foreground">
                  Pays for: {scopeLabel(p)} · changed <LocalDateTime iso={p.updated_at} withYear />
                </p>
                <PackageActiveToggle id={p.id} name={p.name} active={p.active} />
                <details>
                  <summary className="cursor-pointer font-medium text-primary underline-offset-4 hover:underline">Edit</summary>
                  <div className="mt-4">
                    <PackageForm existing={p} defaultCurrency={currency} classGroups={classGroups} sessionTypes={sessionTypes} />
                  </div>
                </details>
              </CardContent>
            </Card>
          ))}
        </div>
        <Card className="self-start lg:col-span-2">
          <CardHeader>
            <CardTitle>New package</CardTitle>
            <CardDescription>On sale as soon as it is created.</CardDescription>
          </CardHeader>
          <CardContent>
            <PackageForm defaultCurrency={currency} classGroups={classGroups} sessionTypes={sessionTypes} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
