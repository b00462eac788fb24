/** The emulator's clock: real time plus an offset the control API advances. */
export class Clock {
  constructor(public offsetMs = 0) {}

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }
}

const NAIROBI_OFFSET_MS = 3 * 60 * 60 * 1000; // Africa/Nairobi is UTC+3 all year.

/** yyyyMMddHHmmss in Africa/Nairobi, as Daraja's Timestamp and TransactionDate are written. */
export function nairobiStamp(ms: number): string {
  const d = new Date(ms + NAIROBI_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

/** The instant a Nairobi yyyyMMddHHmmss stands for, or null when it is not a real date and time. */
export function parseNairobiStamp(stamp: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(stamp);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(utc);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return utc - NAIROBI_OFFSET_MS;
}
