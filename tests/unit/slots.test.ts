import { describe, expect, it } from 'vitest';
import {
  computeFreeSlots,
  findOverlappingRules,
  localBoundary,
  localDatesBetween,
  parseLocalTime,
  resolveLocalTime,
  sameLocalTimeWeeksLater,
  slotsInWindow,
  windowsForDates,
  type FreeSlotsInput,
} from '@/lib/schedule/windows';

const iso = (ms: number) => new Date(ms).toISOString();
const t = (s: string) => parseLocalTime(s)!;

function slots(overrides: Partial<FreeSlotsInput> & Pick<FreeSlotsInput, 'zone' | 'from' | 'to'>): string[] {
  return computeFreeSlots({
    rules: [],
    exceptions: [],
    busy: [],
    durationMinutes: 60,
    bufferMinutes: 0,
    stepMinutes: 30,
    notBefore: 0,
    ...overrides,
  }).map((s) => iso(s.start));
}

describe('local times', () => {
  it('parses HH:MM and Postgres HH:MM:SS', () => {
    expect(parseLocalTime('09:30')).toBe(570);
    expect(parseLocalTime('17:00:00')).toBe(1020);
    expect(parseLocalTime('24:00')).toBeNull();
    expect(parseLocalTime('9:00')).toBeNull();
    expect(parseLocalTime('09:60')).toBeNull();
  });

  it('resolves gaps to nothing and overlaps to the earlier instant', () => {
    expect(resolveLocalTime('2027-03-28', t('01:30'), 'Europe/London')).toBeNull();
    expect(resolveLocalTime('2027-03-28', t('02:00'), 'Europe/London')?.toISOString()).toBe('2027-03-28T01:00:00.000Z');
    expect(resolveLocalTime('2027-10-31', t('01:30'), 'Europe/London')?.toISOString()).toBe('2027-10-31T00:30:00.000Z');
    expect(resolveLocalTime('2027-03-14', t('02:30'), 'America/New_York')).toBeNull();
    expect(resolveLocalTime('2027-03-14', t('03:00'), 'America/New_York')?.toISOString()).toBe('2027-03-14T07:00:00.000Z');
  });

  it('puts a window bound that falls in a gap at the end of the gap', () => {
    expect(localBoundary('2027-03-28', t('01:30'), 'Europe/London').toISOString()).toBe('2027-03-28T01:00:00.000Z');
  });

  it('lists the local dates a range touches', () => {
    expect(localDatesBetween(new Date('2027-03-27T23:30:00Z'), new Date('2027-03-28T23:00:00Z'), 'Europe/London')).toEqual([
      '2027-03-27',
      '2027-03-28',
    ]);
    expect(localDatesBetween(new Date('2027-03-29T00:00:00Z'), new Date('2027-03-29T01:00:00Z'), 'Europe/London')).toEqual(['2027-03-29']);
  });
});

describe('windows', () => {
  const rules = [
    { weekday: 1, start: t('09:00'), end: t('12:00') },
    { weekday: 1, start: t('13:00'), end: t('17:00') },
    { weekday: 2, start: t('10:00'), end: t('11:00') },
  ];

  it('uses the weekly rules of each date’s weekday', () => {
    // 2027-03-22 is a Monday.
    expect(windowsForDates(['2027-03-22', '2027-03-23', '2027-03-24'], rules, [])).toEqual([
      { date: '2027-03-22', start: 540, end: 720 },
      { date: '2027-03-22', start: 780, end: 1020 },
      { date: '2027-03-23', start: 600, end: 660 },
    ]);
  });

  it('replaces a date’s hours with its exceptions, and closes it for a day off', () => {
    const exceptions = [
      { date: '2027-03-22', start: null, end: null },
      { date: '2027-03-23', start: t('15:00'), end: t('16:00') },
    ];
    expect(windowsForDates(['2027-03-22', '2027-03-23'], rules, exceptions)).toEqual([{ date: '2027-03-23', start: 900, end: 960 }]);
  });

  it('finds overlapping rules on a weekday, but not touching ones', () => {
    expect(findOverlappingRules(rules)).toBeNull();
    expect(findOverlappingRules([...rules, { weekday: 1, start: t('11:30'), end: t('13:30') }])).not.toBeNull();
    expect(findOverlappingRules([{ weekday: 3, start: 0, end: 60 }, { weekday: 3, start: 60, end: 120 }])).toBeNull();
  });
});

describe('slots', () => {
  const monday = { date: '2027-03-22', start: t('09:00'), end: t('12:00') };
  const base = { zone: 'UTC', durationMinutes: 60, bufferMinutes: 0, stepMinutes: 30, busy: [], notBefore: 0 };

  it('steps 30 minutes from the window start and keeps the session inside the window', () => {
    expect(slotsInWindow(monday, base).map((s) => iso(s.start))).toEqual([
      '2027-03-22T09:00:00.000Z',
      '2027-03-22T09:30:00.000Z',
      '2027-03-22T10:00:00.000Z',
      '2027-03-22T10:30:00.000Z',
      '2027-03-22T11:00:00.000Z',
    ]);
    const [first] = slotsInWindow(monday, base);
    expect(iso(first!.end)).toBe('2027-03-22T10:00:00.000Z');
  });

  it('steps from an odd window start', () => {
    const w = { date: '2027-03-22', start: t('09:15'), end: t('10:45') };
    expect(slotsInWindow(w, { ...base, durationMinutes: 30 }).map((s) => iso(s.start).slice(11, 16))).toEqual(['09:15', '09:45', '10:15']);
  });

  it('needs room for the buffer after the session', () => {
    expect(slotsInWindow(monday, { ...base, bufferMinutes: 30 }).map((s) => iso(s.start).slice(11, 16))).toEqual([
      '09:00',
      '09:30',
      '10:00',
      '10:30',
    ]);
  });

  it('leaves out slots that overlap bookings (their buffer included) or classes', () => {
    const busy = [
      // A booking 10:00-10:45 with a 15-minute buffer: blocked until 11:00.
      { start: Date.parse('2027-03-22T10:00:00Z'), end: Date.parse('2027-03-22T11:00:00Z') },
    ];
    expect(slotsInWindow(monday, { ...base, busy }).map((s) => iso(s.start).slice(11, 16))).toEqual(['09:00', '11:00']);
    // With its own buffer, a 09:00 slot would run into the booking.
    expect(slotsInWindow(monday, { ...base, busy, bufferMinutes: 15 }).map((s) => iso(s.start).slice(11, 16))).toEqual([]);
  });

  it('leaves out slots before the notice', () => {
    const notBefore = Date.parse('2027-03-22T10:10:00Z');
    expect(slotsInWindow(monday, { ...base, notBefore }).map((s) => iso(s.start).slice(11, 16))).toEqual(['10:30', '11:00']);
  });

  it('keeps only slots starting inside [from, to)', () => {
    const rules = [{ weekday: 1, start: t('09:00'), end: t('12:00') }];
    expect(slots({ zone: 'UTC', rules, from: new Date('2027-03-22T10:00:00Z'), to: new Date('2027-03-22T11:00:00Z') })).toEqual([
      '2027-03-22T10:00:00.000Z',
      '2027-03-22T10:30:00.000Z',
    ]);
  });
});

describe('daylight saving', () => {
  const everyDay = (start: string, end: string) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: t(start), end: t(end) }));
  const firstOfDay = (list: string[]) => {
    const byDay = new Map<string, string>();
    for (const s of list) if (!byDay.has(s.slice(0, 10))) byDay.set(s.slice(0, 10), s);
    return [...byDay.values()];
  };

  it('London spring forward (2027-03-28): 09:00 local is 09:00Z before and 08:00Z after', () => {
    const list = slots({ zone: 'Europe/London', rules: everyDay('09:00', '12:00'), from: new Date('2027-03-27T00:00:00Z'), to: new Date('2027-03-30T00:00:00Z') });
    expect(firstOfDay(list)).toEqual(['2027-03-27T09:00:00.000Z', '2027-03-28T08:00:00.000Z', '2027-03-29T08:00:00.000Z']);
    // The window stays three local hours on the change day: 09:00-11:00 local starts.
    expect(list.filter((s) => s.startsWith('2027-03-28'))).toEqual([
      '2027-03-28T08:00:00.000Z',
      '2027-03-28T08:30:00.000Z',
      '2027-03-28T09:00:00.000Z',
      '2027-03-28T09:30:00.000Z',
      '2027-03-28T10:00:00.000Z',
    ]);
  });

  it('London fall back (2027-10-31): 09:00 local is 08:00Z before and 09:00Z after', () => {
    const list = slots({ zone: 'Europe/London', rules: everyDay('09:00', '12:00'), from: new Date('2027-10-30T00:00:00Z'), to: new Date('2027-11-02T00:00:00Z') });
    expect(firstOfDay(list)).toEqual(['2027-10-30T08:00:00.000Z', '2027-10-31T09:00:00.000Z', '2027-11-01T09:00:00.000Z']);
    expect(list.filter((s) => s.startsWith('2027-10-31'))).toHaveLength(5);
  });

  it('skips local times in the spring-forward gap', () => {
    const list = slots({
      zone: 'Europe/London',
      rules: [{ weekday: 7, start: t('00:30'), end: t('03:00') }],
      durationMinutes: 30,
      from: new Date('2027-03-27T12:00:00Z'),
      to: new Date('2027-03-28T12:00:00Z'),
    });
    // Local 00:30 (GMT), then 02:00 and 02:30 (BST); 01:00 and 01:30 do not exist.
    expect(list).toEqual(['2027-03-28T00:30:00.000Z', '2027-03-28T01:00:00.000Z', '2027-03-28T01:30:00.000Z']);
  });

  it('picks the earlier instant in the autumn overlap', () => {
    const list = slots({
      zone: 'Europe/London',
      rules: [{ weekday: 7, start: t('00:30'), end: t('03:00') }],
      durationMinutes: 30,
      from: new Date('2027-10-30T12:00:00Z'),
      to: new Date('2027-10-31T12:00:00Z'),
    });
    // 00:30 BST, 01:00 and 01:30 BST (the first of each twin), then 02:00 and 02:30 GMT.
    expect(list).toEqual([
      '2027-10-30T23:30:00.000Z',
      '2027-10-31T00:00:00.000Z',
      '2027-10-31T00:30:00.000Z',
      '2027-10-31T02:00:00.000Z',
      '2027-10-31T02:30:00.000Z',
    ]);
  });

  it('New York spring forward (2027-03-14): 09:00 local is 14:00Z before and 13:00Z after; 02:xx does not exist', () => {
    const list = slots({ zone: 'America/New_York', rules: everyDay('09:00', '12:00'), from: new Date('2027-03-13T00:00:00Z'), to: new Date('2027-03-16T00:00:00Z') });
    expect(firstOfDay(list)).toEqual(['2027-03-13T14:00:00.000Z', '2027-03-14T13:00:00.000Z', '2027-03-15T13:00:00.000Z']);
    const night = slots({
      zone: 'America/New_York',
      rules: [{ weekday: 7, start: t('01:00'), end: t('04:00') }],
      durationMinutes: 30,
      from: new Date('2027-03-14T00:00:00Z'),
      to: new Date('2027-03-15T00:00:00Z'),
    });
    // 01:00, 01:30 EST, then 03:00, 03:30 EDT.
    expect(night).toEqual(['2027-03-14T06:00:00.000Z', '2027-03-14T06:30:00.000Z', '2027-03-14T07:00:00.000Z', '2027-03-14T07:30:00.000Z']);
  });

  it('repeats a weekly class at the same local time across a change', () => {
    const first = new Date('2027-03-20T09:00:00Z'); // 09:00 GMT
    const series = [0, 1, 2, 3].map((w) => sameLocalTimeWeeksLater(first, w, 'Europe/London').toISOString());
    expect(series).toEqual(['2027-03-20T09:00:00.000Z', '2027-03-27T09:00:00.000Z', '2027-04-03T08:00:00.000Z', '2027-04-10T08:00:00.000Z']);
  });
});
