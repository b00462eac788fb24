import { checkDatabase } from '@/lib/health';

export const dynamic = 'force-dynamic';

// GET /api/health -> 200 {status: "ok", db: "ok"} or 503 {status: "degraded", db: "down"}
export async function GET(): Promise<Response> {
  const db = await checkDatabase();
  return Response.json(
    { status: db ? 'ok' : 'degraded', db: db ? 'ok' : 'down' },
    { status: db ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
