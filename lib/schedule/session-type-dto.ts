import type { SessionType } from '@/db/schema';
import { money, type Money } from '@/lib/money';

export interface SessionTypeDto {
  id: string;
  provider_id: string;
  name: string;
  description: string;
  duration_minutes: number;
  buffer_minutes: number;
  price: Money;
  fee_bps: number;
  /** What is charged at booking when set; the rest is settled with the provider. */
  deposit: Money | null;
  active: boolean;
}

export function sessionTypeDto(row: SessionType): SessionTypeDto {
  return {
    id: row.id,
    provider_id: row.providerId,
    name: row.name,
    description: row.description,
    duration_minutes: row.durationMinutes,
    buffer_minutes: row.bufferMinutes,
    price: money(row.priceAmount, row.currency),
    fee_bps: row.feeBps,
    deposit: row.depositAmount === null ? null : money(row.depositAmount, row.currency),
    active: row.active,
  };
}
