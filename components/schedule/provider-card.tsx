import Link from 'next/link';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { PractitionerOffer } from '@/lib/schedule';
import { formatMoney } from '@/lib/money';
import { formatDateTime } from '@/lib/time-format';

/**
 * A practitioner and their 1:1 session types, each linking to its free times,
 * with how many free times the week shown has and the first of them.
 */
export function ProviderCard({ provider, zone, week }: { provider: PractitionerOffer; zone: string; week?: string }) {
  return (
    <Card className="h-full">
      <CardHeader>
        <CardTitle as="h3">
          <Link href={`/schedule/providers/${provider.id}`} className="hover:underline">
            {provider.name}
          </Link>
        </CardTitle>
        <CardDescription>{provider.headline}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {provider.session_types.length ? (
          <ul className="flex flex-col gap-2">
            {provider.session_types.map((t) => (
              <li key={t.id}>
                <Link
                  href={`/schedule/providers/${provider.id}?type=${t.id}${week ? `&week=${week}` : ''}`}
                  className="flex flex-col gap-1 rounded-lg border border-border px-3 py-2 text-sm hover:bg-muted"
                >
                  <span className="flex items-center justify-between gap-3">
                    <span>
                      {t.name} <span className="text-muted-foreground">· {t.duration_minutes} min</span>
                    </span>
                    <span className="font-medium">{formatMoney(t.price)}</span>
                  </span>
                  <span className="text-xs text-muted-foreground" data-testid="session-free-times">
                    {t.next_free ? `${t.free_count} free ${t.free_count === 1 ? 'time' : 'times'} · first ${formatDateTime(t.next_free, zone)}` : 'No free times this week'}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted-foreground">No 1:1 sessions offered yet.</p>
        )}
      </CardContent>
    </Card>
  );
}
