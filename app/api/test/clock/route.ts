import { z } from 'zod';
import { clockOffset, now, setClockOffset } from '@/lib/clock';
import { env } from '@/lib/env';
import { apiRoute } from '@/lib/http';
import { AppError } from '@/lib/errors';
import { DAY_MS } from '@/lib/time';

const body = z.strictObject({
  // Milliseconds to add to real time; 0 puts the clock back.
  offset_ms: z.number().int().min(-10 * 365 * DAY_MS).max(10 * 365 * DAY_MS),
});

function enabled(): void {
  // Outside test runs this route does not exist.
  if (env().TEST_CLOCK !== 'enabled') throw new AppError('not_found', 'No such API endpoint.');
}

// GET /api/test/clock -> {now, offset_ms}
export const GET = apiRoute({ access: 'public' }, async () => {
  enabled();
  return { now: now().toISOString(), offset_ms: clockOffset() };
});

// POST /api/test/clock {offset_ms} -> {now, offset_ms}
export const POST = apiRoute({ access: 'public', body }, async ({ body: input }) => {
  enabled();
  setClockOffset(input.offset_ms);
  return { now: now().toISOString(), offset_ms: clockOffset() };
});
