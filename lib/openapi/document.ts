import { buildDocument, type OpenApiDocument } from './build';
import { accountsApi } from './operations/accounts';
import { authApi } from './operations/auth';
import { bookingsApi } from './operations/bookings';
import { classesApi } from './operations/classes';
import { connectApi } from './operations/connect';
import { creditsApi } from './operations/credits';
import { earningsApi } from './operations/earnings';
import { integrationApi } from './operations/integration';
import { metaApi } from './operations/meta';
import { operationsAdminApi } from './operations/operations-admin';
import { packagesApi } from './operations/packages';
import { paymentsApi } from './operations/payments';
import { mailApi } from './operations/mail';
import { questionnaireApi } from './operations/questionnaire';
import { reportsApi } from './operations/reports';
import { scheduleApi } from './operations/schedule';
import { settingsApi } from './operations/settings';
import { usersApi } from './operations/users';
import type { ApiModule } from './registry';

/**
 * The OpenAPI document of /api/v1, served at GET /api/v1/openapi.json.
 * Each domain declares its operations in lib/openapi/operations/<domain>.ts;
 * a new file is listed here, once. tests/unit/openapi.test.ts fails while a
 * route on disk has no operation, or an operation no route.
 */
export const apiModules: readonly ApiModule[] = [
  authApi,
  accountsApi,
  questionnaireApi,
  classesApi,
  scheduleApi,
  bookingsApi,
  paymentsApi,
  mailApi,
  packagesApi,
  creditsApi,
  earningsApi,
  connectApi,
  integrationApi,
  reportsApi,
  usersApi,
  settingsApi,
  operationsAdminApi,
  metaApi,
];

const info: OpenApiDocument['info'] = {
  title: 'Wellbook API',
  version: '1',
  description: [
    'Bookings and payments for a wellness studio: classes, 1:1 sessions, health questionnaires, card payments and refunds.',
    'JSON in and out under `/api/v1`; request bodies are `application/json` (at most 64 kB) and unknown fields are refused.',
    '**Signing in.** A browser uses its session cookie; a script sends `Authorization: Bearer <token>` with a token from `POST /api/v1/auth/token`; ' +
      'an integration sends an API key created by an admin the same way. Each operation says who may call it.',
    '**Errors** are `{"error": {"code", "message", "fields"?}}`: 400 bad input (`fields` says which), 401, 403, 404 (also for what the caller may not see), ' +
      '409 conflicts (full, overlap, duplicate), 422 business rules (`questionnaire_required`, ...). The code decides the status.',
    '**Money** is `{amount, currency}`: integer minor units and a lower-case ISO currency. **Instants** are ISO 8601; the API sends UTC and accepts any offset. **Ids** are UUIDs, except payments (Stripe ids).',
  ].join('\n\n'),
};

export function buildOpenApiDocument(modules: readonly ApiModule[] = apiModules): OpenApiDocument {
  return buildDocument(info, modules);
}

let built: OpenApiDocument | undefined;

/** Built once per process: the declarations do not change while it runs. */
export function openApiDocument(): OpenApiDocument {
  built ??= buildOpenApiDocument();
  return built;
}
