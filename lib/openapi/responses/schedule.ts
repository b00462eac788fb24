import { z } from 'zod';
import type { AvailabilityDto, ExceptionDto, ClassDto, ProviderWithSessionTypes, SessionTypeDto, FreeSlot } from '@/lib/schedule';
import { describes } from '../registry';
import { id, instant, money } from './common';

const timeZone = z.string().describe('IANA zone, like "Europe/London".');
const localTime = z.string().describe('"HH:MM", local to the provider\'s zone.');

export const classSchema = describes<ClassDto>()(
  z.object({
    id,
    title: z.string(),
    description: z.string(),
    starts_at: instant,
    ends_at: instant,
    duration_minutes: z.int(),
    capacity: z.int(),
    seats_taken: z.int(),
    seats_left: z.int(),
    price: money,
    fee_bps: z.int().describe('The platform fee in basis points (1500 = 15%).'),
    location: z.string().nullable(),
    online_url: z.string().nullable(),
    provider: z.object({ id, name: z.string(), headline: z.string(), time_zone: timeZone }).describe('The teacher; the class\'s local time is shown in their zone.'),
    series_id: id.nullable().describe('Shared by the classes of one weekly series.'),
    cancelled: z.boolean(),
    completed_at: instant.nullable().describe('When the class was delivered (completed by its practitioner, or automatically after it ended); null until then.'),
  }),
);

export const sessionType = describes<SessionTypeDto>()(
  z.object({
    id,
    provider_id: id,
    name: z.string(),
    description: z.string(),
    duration_minutes: z.int(),
    buffer_minutes: z.int().describe('Kept free after each session before the next may start.'),
    price: money,
    fee_bps: z.int(),
    deposit: money.nullable().describe('When set, what is charged at booking instead of the price.'),
    active: z.boolean(),
  }),
);

export const provider = describes<ProviderWithSessionTypes>()(
  z.object({
    id,
    name: z.string(),
    headline: z.string(),
    bio: z.string(),
    time_zone: timeZone,
    session_types: z
      .array(z.object({ id, name: z.string(), description: z.string(), duration_minutes: z.int(), price: money, deposit: money.nullable() }))
      .describe('Active ones only.'),
  }),
);

export const slot = describes<FreeSlot>()(z.object({ starts_at: instant.describe('Send this as `starts_at` to book it.'), ends_at: instant }));

export const availability = describes<AvailabilityDto>()(
  z.object({
    time_zone: timeZone,
    rules: z.array(z.object({ weekday: z.int().describe('ISO weekday: 1 = Monday … 7 = Sunday.'), start: localTime, end: localTime })),
  }),
);

export const availabilityException = describes<ExceptionDto>()(
  z.object({
    id,
    date: z.string().describe('Local date, YYYY-MM-DD.'),
    start: localTime.nullable().describe('null (with `end` null): off all day.'),
    end: localTime.nullable(),
    note: z.string(),
  }),
);

export const scheduleSchemas = {
  Class: classSchema,
  SessionType: sessionType,
  Provider: provider,
  Slot: slot,
  Availability: availability,
  AvailabilityException: availabilityException,
};
