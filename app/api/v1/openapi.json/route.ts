import { apiRoute } from '@/lib/http';
import { openApiDocument } from '@/lib/openapi';

// GET /api/v1/openapi.json -> the OpenAPI 3.1 document of /api/v1, built once per process.
// This static segment wins over the [...path] catch-all, which answers 404 for unknown paths.
export const GET = apiRoute({ access: 'public' }, async () => openApiDocument());
