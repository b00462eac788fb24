type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

// Keys whose values never reach a log line, whatever a caller passes.
const REDACTED = /pass(word)?|secret|token|hash|authorization|cookie|answers?|health/i;

function threshold(): number {
  const level = (process.env.LOG_LEVEL ?? 'info') as Level | 'silent';
  return order[level] ?? order.info;
}

// A failed query's error (Drizzle's "Failed query: … params: …") carries the values it was given: password
// hashes, token hashes, questionnaire answers. They are cut out of every text, up to the stack's first frame.
const QUERY_PARAMS = /\bparams: [\s\S]*?(?=\n\s+at |$)/g;

function scrub(text: string): string {
  return text.replace(QUERY_PARAMS, 'params: [redacted]');
}

function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (depth > 4 || value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, REDACTED.test(k) ? '[redacted]' : redact(v, depth + 1)]),
  );
}

function write(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  if (order[level] < threshold()) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, message: scrub(message), ...(redact(fields) as Record<string, unknown>) });
  if (level === 'error' || level === 'warn') console.error(line);
  else console.log(line);
}

/** Structured one-line JSON logs; sensitive keys are redacted. */
export const logger = {
  debug: (message: string, fields?: Record<string, unknown>) => write('debug', message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write('info', message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write('warn', message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write('error', message, fields),
};
