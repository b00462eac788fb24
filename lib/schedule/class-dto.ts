import type { ClassRow } from '@/db/schema';
import { money, type Money } from '@/lib/money';

export interface ClassDto {
  id: string;
  title: string;
  description: string;
  starts_at: string;
  ends_at: string;
  duration_minutes: number;
  capacity: number;
  seats_taken: number;
  seats_left: number;
  price: Money;
  fee_bps: number;
  location: string | null;
  online_url: string | null;
  /** The teacher; time_zone is the zone the class's local time is shown in. */
  provider: { id: string; name: string; headline: string; time_zone: string };
  series_id: string | null;
  cancelled: boolean;
  /** When the class was delivered (by its practitioner, or automatically after it ended); null until then. */
  completed_at: string | null;
}

export function classDto(row: ClassRow, provider: ClassDto['provider']): ClassDto {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    starts_at: row.startsAt.toISOString(),
    ends_at: new Date(row.startsAt.getTime() + row.durationMinutes * 60_000).toISOString(),
    duration_minutes: row.durationMinutes,
    capacity: row.capacity,
    seats_taken: row.seatsTaken,
    seats_left: Math.max(0, row.capacity - row.seatsTaken),
    price: money(row.priceAmount, row.currency),
    fee_bps: row.feeBps,
    location: row.location,
    online_url: row.onlineUrl,
    provider,
    series_id: row.seriesId,
    cancelled: row.cancelledAt !== null,
    completed_at: row.completedAt ? row.completedAt.toISOString() : null,
  };
}
