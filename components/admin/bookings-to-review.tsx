import Link from 'next/link';
import { LocalDate } from '@/components/local-date';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { BookingDto } from '@/lib/bookings';

export interface UserBookings {
  user: { id: string; name: string; email: string };
  bookings: BookingDto[];
}

function what(b: BookingDto): string {
  return b.class?.title ?? b.session_type?.name ?? 'Session';
}

/** Deactivated users' upcoming bookings, each linking to its booking page, where an admin cancels with refunds by policy. */
export function BookingsToReview({ groups }: { groups: UserBookings[] }) {
  if (!groups.length) return null;
  return (
    <section aria-labelledby="bookings-to-review" className="flex flex-col gap-4">
      <h2 id="bookings-to-review" className="text-xl font-semibold">
        Upcoming bookings of deactivated users
      </h2>
      <p className="text-sm text-muted-foreground">Deactivating leaves bookings as they are. Open each one to cancel it: the client is refunded by the cancellation policy.</p>
      {groups.map(({ user, bookings }) => (
        <Card key={user.id}>
          <CardHeader>
            <CardTitle>{user.name}</CardTitle>
            <CardDescription className="break-all">{user.email}</CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="flex flex-col gap-2 text-sm">
              {bookings.map((b) => (
                <li key={b.id} className="flex flex-wrap gap-x-2">
                  <Link href={`/admin/bookings/${b.id}`} className="font-medium text-primary underline-offset-4 hover:underline">
                    {what(b)}
                  </Link>
                  <span>
                    <LocalDate iso={b.starts_at} options={{ dateStyle: 'medium', timeStyle: 'short' }} />
                  </span>
                  <span className="text-muted-foreground">
                    {b.client.id === user.id ? `with ${b.provider.name}` : `for ${b.client.name}`} · {b.status.replace('_', ' ')}
                  </span>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      ))}
    </section>
  );
}
