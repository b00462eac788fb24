import { z } from 'zod';
import { apiModule } from '../registry';

export const metaApi = apiModule({
  tags: [{ name: 'Meta', description: 'About the API itself.' }],
  operations: [
    {
      method: 'get',
      path: '/api/v1/openapi.json',
      operationId: 'getOpenApiDocument',
      summary: 'This document',
      description: 'The OpenAPI 3.1 description of /api/v1, generated from the zod schemas the routes validate with.',
      access: 'public',
      response: { status: 200, description: 'An OpenAPI 3.1 document.', schema: z.object({ openapi: z.string() }).catchall(z.unknown()) },
    },
  ],
});
