import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrors, instantField, parseInstant, parseQuery } from '@/lib/fields';

const schema = z.strictObject({ from: instantField('from').optional(), search: z.string().optional() });

function refused(value: string): string | undefined {
  const result = schema.safeParse({ from: value });
  return result.success ? undefined : fieldErrors(result.error).from?.[0];
}

describe('instants: one parser with a sane range', () => {
  it('takes real instants with their offset', () => {
    expect(parseInstant('2027-02-28T09:00:00Z')).toEqual({ ok: true, date: new Date('2027-02-28T09:00:00Z') });
    expect(parseInstant('2028-02-29T23:59:59.999+03:00')).toMatchObject({ ok: true });
    expect(schema.parse({ from: '2027-03-28T09:00+01:00' }).from).toEqual(new Date('2027-03-28T08:00:00Z'));
  });

  it('refuses days and times that do not exist, instead of rolling them over', () => {
    for (const v of ['2027-02-30T09:00:00Z', '2027-02-29T09:00:00Z', '2027-04-31T09:00:00Z', '2027-13-01T09:00:00Z', '2027-00-10T09:00:00Z', '2027-03-01T24:00:00Z', '2027-03-01T10:60:00Z', '2027-03-01T10:00:61Z', '2027-03-01T10:00:00+25:00']) {
      expect(parseInstant(v), v).toMatchObject({ ok: false, reason: 'calendar' });
      expect(refused(v), v).toMatch(/not a real date-time/);
    }
  });

  it('refuses years outside 1900 to 2200, and text that is not an instant', () => {
    for (const v of ['0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '1899-12-31T23:59:59Z']) {
      expect(parseInstant(v), v).toMatchObject({ ok: false, reason: 'range' });
      expect(refused(v), v).toMatch(/between the years 1900 and 2200/);
    }
    for (const v of ['soon', '2027-03-01', '2027-03-01T09:00:00', '2027-03-01T09:00:00Z\u0000']) expect(refused(v), v).toMatch(/with an offset/);
  });
});

describe('query strings', () => {
  it('refuse a NUL character with a 400 naming the parameter', () => {
    const request = new Request('http://x.test/api?search=a%00b');
    expect(() => parseQuery(request, schema)).toThrow(expect.objectContaining({ code: 'validation_failed', fields: { search: ['must not contain a NUL character'] } }));
  });
});

describe('search patterns', () => {
  it('take %, _ and \\ literally', async () => {
    const { containsPattern, escapeLike } = await import('@/lib/fields');
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
    expect(containsPattern('a_b')).toBe('%a\\_b%');
  });
});
