/**
 * Kenyan mobile numbers as M-Pesa takes them: `07XXXXXXXX`, `01XXXXXXXX`,
 * `+2547XXXXXXXX`, `2541XXXXXXXX` (spaces and dashes allowed) normalise to
 * `2547…` / `2541…` (12 digits). Shared by the pay page and the server.
 */
export const PHONE_HINT = 'Enter a Safaricom number such as 0712 345 678 or +254 712 345 678.';

export function normaliseKenyanPhone(input: string): string | null {
  const compact = input.trim().replace(/[\s-]/g, '');
  const match = /^(?:\+?254|0)([17]\d{8})$/.exec(compact);
  return match ? `254${match[1]}` : null;
}

/** The phone with all but its last 3 digits hidden: *********149. */
export function maskPhone(phone: string): string {
  return phone.length <= 3 ? phone : `${'*'.repeat(phone.length - 3)}${phone.slice(-3)}`;
}
