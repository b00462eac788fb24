/** Small helpers for the emulator's own HTML pages: everything shown goes through `esc`. */

export function esc(value: unknown): string {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export type Cell = string | number | boolean | null | undefined;

/** A table whose cells are escaped; an empty list shows a placeholder row. */
export function table(headers: string[], rows: Cell[][]): string {
  const head = `<tr>${headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>`;
  const body = rows.length
    ? rows.map((row) => `<tr>${row.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')
    : `<tr><td colspan="${headers.length}" class="empty">none</td></tr>`;
  return `<table><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

/** Unix seconds as an ISO date-time (UTC). */
export function time(unix: number | null | undefined): string {
  return typeof unix === 'number' ? new Date(unix * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC') : '';
}

/** Minor units in the currency's own format, e.g. 2145 gbp -> £21.45, 500 jpy -> ¥500. */
export function money(amount: number | null | undefined, currency: string | null | undefined): string {
  if (typeof amount !== 'number' || !currency) return '';
  try {
    const format = new Intl.NumberFormat('en-GB', { style: 'currency', currency: currency.toUpperCase() });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(amount / 10 ** digits);
  } catch {
    return `${amount} ${currency}`;
  }
}

const STYLE = `
body{font:14px/1.4 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px;color:#1a1f36;background:#f6f9fc}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px}
.muted{color:#697386}.empty{color:#697386;text-align:center}
table{border-collapse:collapse;width:100%;background:#fff;box-shadow:0 1px 2px rgba(0,0,0,.08)}
th,td{padding:6px 10px;border-bottom:1px solid #e3e8ee;text-align:left;font-variant-numeric:tabular-nums;word-break:break-all}
th{background:#f0f3f7;font-weight:600;font-size:12px;text-transform:uppercase;letter-spacing:.03em}
.card{background:#fff;max-width:480px;margin:0 auto;padding:24px;box-shadow:0 1px 3px rgba(0,0,0,.12);border-radius:8px}
.total{font-size:28px;font-weight:600;margin:8px 0}
`;

export function page(title: string, body: string, options: { refreshSeconds?: number } = {}): string {
  const refresh = options.refreshSeconds ? `<meta http-equiv="refresh" content="${options.refreshSeconds}">` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">${refresh}<title>${esc(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}
