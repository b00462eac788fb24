import { exportAccount } from '@/lib/accounts';
import { apiRoute } from '@/lib/http';

// GET /api/v1/me/export -> a JSON download of everything the app holds on the caller
export const GET = apiRoute({ access: 'user' }, async ({ user }) => {
  const data = await exportAccount(user);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="wellbook-export-${data.exported_at.slice(0, 10)}.json"`,
      'cache-control': 'no-store',
    },
  });
});
