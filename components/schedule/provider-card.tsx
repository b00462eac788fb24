import Link from 'next/link';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { ProviderWithSessionTypes } from '@/lib/schedule';
import { formatMoney } from '@/lib/money';

/** A practitioner and their 1:1 session types, each linking to its free slots. */
export function ProviderCard({ provider }: { provider: ProviderWithSessionTypes }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h3">
          <Link href={`/schedule/providers/${provider.id}`} className="hover:underline">
            {provider.name}
          </Link>
        </CardTitle>
        <CardDescription>{provider.headline}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {provider.bio ? <p className="text-sm">{provider.bio}</p> : null}
        {provider.session_types.length ? (
          <ul className="flex flex-col gap-2">
            {provider.session_types.map((t) => (
              <li key={t.id}>
                <Link
                  href={`/schedule/providers/${provider.id}?type=${t.id}`}
                  className="flex items-center justify-between gap-3 rounded-lg border border-border px-3 py-2 text-sm hover:bg-muted"
                >
                  <span>
                    {t.name} <span className="text-muted-foreground">· {t.duration_minutes} min</span>
                  </span>
                  <span className="font-medium">{formatMoney(t.price)}</span>
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
