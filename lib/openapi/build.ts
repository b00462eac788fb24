import type { z } from 'zod';
import { errorStatus, type ErrorCode } from '@/lib/errors';
import { SchemaConverter, type JsonSchema } from './json-schema';
import type { Access, ApiModule, Caller, HttpMethod, Operation, Tag } from './registry';
import { commonSchemas } from './responses/common';

/** Turns the domains' declarations (lib/openapi/operations) into an OpenAPI 3.1 document. */

export interface Parameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

export type MediaContent = Record<string, { schema: JsonSchema }>;

export interface OperationObject {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  security: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { required: true; content: MediaContent };
  responses: Record<string, { description: string; content?: MediaContent; headers?: Record<string, { description: string; schema: JsonSchema }> }>;
}

export interface SecurityScheme {
  type: 'http' | 'apiKey';
  description: string;
  scheme?: string;
  bearerFormat?: string;
  in?: 'cookie' | 'header';
  name?: string;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description: string };
  tags: Tag[];
  paths: Record<string, Partial<Record<HttpMethod, OperationObject>>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, SecurityScheme> };
}

export const securitySchemes: Record<string, SecurityScheme> = {
  bearerAuth: { type: 'http', scheme: 'bearer', description: 'A token from POST /api/v1/auth/token, as `Authorization: Bearer <token>`.' },
  cookieAuth: {
    type: 'apiKey',
    in: 'cookie',
    name: 'authjs.session-token',
    description: 'The browser\'s sign-in session (`__Secure-authjs.session-token` over HTTPS). A request with an `Authorization` header is judged by that header alone.',
  },
  integrationKey: { type: 'http', scheme: 'bearer', bearerFormat: 'API key', description: 'An API key created by an admin, as `Authorization: Bearer <key>`.' },
};

const ERROR_REF = { $ref: '#/components/schemas/Error' };

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad input',
  401: 'Not signed in, or the token is invalid',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Body too large',
  415: 'Not JSON',
  422: 'A business rule refuses it',
  429: 'Too many attempts',
  500: 'Server error',
  503: 'Unavailable',
};

const CALLER_NAMES: Record<Caller, string> = { client: 'clients', provider: 'providers', admin: 'admins', integration: 'integrations (API key)' };

export function whoMayCall(access: Access): string {
  if (access === 'public') return 'Who may call: anyone; no sign-in needed.';
  if (access === 'user') return 'Who may call: any signed-in user.';
  const names = access.map((c) => CALLER_NAMES[c]);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? 'nobody');
  return `Who may call: ${list}.`;
}

function securityFor(access: Access): Record<string, string[]>[] {
  if (access === 'public') return [];
  const people = access === 'user' || access.some((c) => c !== 'integration');
  const machines = access !== 'user' && access.includes('integration');
  return [...(people ? [{ bearerAuth: [] }, { cookieAuth: [] }] : []), ...(machines ? [{ integrationKey: [] }] : [])];
}

/** The codes an operation answers: its own, and those every route of its kind has (lib/http/api.ts, json-body.ts, fields.ts). */
export function errorCodesOf(op: Operation): ErrorCode[] {
  const codes = new Set<ErrorCode>();
  if (op.body) for (const code of ['invalid_json', 'validation_failed', 'payload_too_large', 'unsupported_media_type'] as const) codes.add(code);
  if (op.query) codes.add('validation_failed');
  if (op.access !== 'public') codes.add('unauthorized');
  if (typeof op.access !== 'string') codes.add('forbidden');
  // A malformed or unknown id in the path is a 404.
  if (pathParamNames(op.path).length) codes.add('not_found');
  for (const code of op.errors ?? []) codes.add(code);
  return [...codes];
}

function errorResponses(op: Operation): OperationObject['responses'] {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorCodesOf(op)) byStatus.set(errorStatus[code], [...(byStatus.get(errorStatus[code]) ?? []), code]);
  return Object.fromEntries(
    [...byStatus]
      .sort(([a], [b]) => a - b)
      .map(([status, codes]) => [
        String(status),
        { description: `${STATUS_TEXT[status] ?? 'Error'}: ${codes.map((c) => `\`${c}\``).join(', ')}.`, content: { 'application/json': { schema: ERROR_REF } } },
      ]),
  );
}

export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
}

function fail(op: Operation, message: string): never {
  throw new Error(`OpenAPI: ${op.method.toUpperCase()} ${op.path} (${op.operationId}): ${message}`);
}

function objectProperties(op: Operation, schema: JsonSchema, what: string): Record<string, JsonSchema> {
  if (schema.type !== 'object' || !schema.properties) fail(op, `the ${what} schema must be an object with properties`);
  return schema.properties as Record<string, JsonSchema>;
}

/**
 * A body of one of several shapes (a z.union of strict objects, like a class
 * seat or a 1:1 slot) as one object: every field at the top, where `fields`
 * describe them and readers look first, and the shapes under `anyOf`, which
 * say what may be sent together. Any other schema is left as it is.
 */
function oneObject(schema: JsonSchema): JsonSchema {
  const shapes = schema.anyOf;
  const isObject = (s: boolean | JsonSchema): s is JsonSchema => typeof s === 'object' && s.type === 'object' && s.properties !== undefined;
  if (schema.type !== undefined || !shapes?.length || !shapes.every(isObject)) return schema;
  const closed = shapes.every((s) => s.additionalProperties === false);
  return {
    type: 'object',
    properties: Object.fromEntries(shapes.flatMap((s) => Object.entries(s.properties ?? {}))),
    ...(closed ? { additionalProperties: false } : {}),
    anyOf: shapes,
  };
}

function pathParameters(op: Operation, convert: (s: z.ZodType) => JsonSchema): Parameter[] {
  const names = pathParamNames(op.path);
  for (const name of Object.keys(op.params ?? {})) if (!names.includes(name)) fail(op, `\`params.${name}\` is not in the path`);
  return names.map((name) => {
    const doc = op.params?.[name];
    if (doc === undefined) fail(op, `describe the path parameter {${name}} in \`params\``);
    return typeof doc === 'string'
      ? { name, in: 'path', required: true, description: doc, schema: { type: 'string', format: 'uuid' } }
      : { name, in: 'path', required: true, description: doc.description, schema: convert(doc.schema) };
  });
}

function operationObject(op: Operation, domain: ApiModule, converter: SchemaConverter): OperationObject {
  const convert = (s: z.ZodType) => converter.convert(s);
  const fields = { ...op.fields };
  const documented = (name: string, schema: JsonSchema): JsonSchema => {
    const description = fields[name];
    delete fields[name];
    return description === undefined ? schema : { ...schema, description };
  };

  const parameters = pathParameters(op, convert);
  if (op.query) {
    const query = convert(op.query);
    const required = Array.isArray(query.required) ? query.required : [];
    for (const [name, schema] of Object.entries(objectProperties(op, query, 'query'))) {
      const { description, ...rest } = documented(name, schema);
      parameters.push({ name, in: 'query', required: required.includes(name), ...(description ? { description } : {}), schema: rest });
    }
  }
  let requestBody: OperationObject['requestBody'];
  if (op.body) {
    const body = oneObject(convert(op.body));
    const properties = objectProperties(op, body, 'body');
    for (const name of Object.keys(properties)) properties[name] = documented(name, properties[name] ?? {});
    requestBody = { required: true, content: { 'application/json': { schema: body } } };
  }
  const stray = Object.keys(fields);
  if (stray.length) fail(op, `\`fields\` describes ${stray.join(', ')}, which the query and body do not have`);

  const { response } = op;
  const success: OperationObject['responses'][string] =
    response.status === 204
      ? { description: response.description }
      : response.status === 302
        ? { description: response.description, headers: { Location: { description: response.location, schema: { type: 'string' } } } }
        : { description: response.description, content: { [response.mediaType ?? 'application/json']: { schema: convert(response.schema) } } };
  return {
    operationId: op.operationId,
    summary: op.summary,
    description: [op.description, whoMayCall(op.access)].filter(Boolean).join('\n\n'),
    tags: [...(op.tags ?? [domain.tags[0].name])],
    security: securityFor(op.access),
    ...(parameters.length ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: { [String(response.status)]: success, ...errorResponses(op) },
  };
}

/** Named response objects of every module, each under one name. */
function namedSchemas(modules: readonly ApiModule[]): Map<z.ZodType, string> {
  const named = new Map<z.ZodType, string>();
  const byName = new Map<string, z.ZodType>();
  for (const schemas of [commonSchemas, ...modules.map((m) => m.schemas ?? {})]) {
    for (const [name, schema] of Object.entries(schemas)) {
      const other = byName.get(name);
      if (other !== undefined && other !== schema) throw new Error(`OpenAPI: two different schemas are named "${name}".`);
      const known = named.get(schema);
      if (known !== undefined && known !== name) throw new Error(`OpenAPI: one schema is named both "${known}" and "${name}".`);
      named.set(schema, name);
      byName.set(name, schema);
    }
  }
  return named;
}

export function buildDocument(info: OpenApiDocument['info'], modules: readonly ApiModule[]): OpenApiDocument {
  const named = namedSchemas(modules);
  const converter = new SchemaConverter(named);
  const paths: OpenApiDocument['paths'] = {};
  const operationIds = new Set<string>();
  const tags = new Map<string, Tag>();
  for (const tag of modules.flatMap((m) => m.tags)) if (!tags.has(tag.name)) tags.set(tag.name, tag);

  for (const domain of modules) {
    for (const op of domain.operations) {
      if (operationIds.has(op.operationId)) fail(op, 'the operationId is used twice');
      operationIds.add(op.operationId);
      const item = (paths[op.path] ??= {});
      if (item[op.method]) fail(op, 'declared twice');
      for (const tag of op.tags ?? []) if (!tags.has(tag)) fail(op, `the tag "${tag}" is not declared in any module's \`tags\``);
      item[op.method] = operationObject(op, domain, converter);
    }
  }
  // Named schemas no operation uses are components all the same.
  for (const schema of named.keys()) converter.convert(schema);

  const sortedPaths = Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b)));
  const schemas = Object.fromEntries(Object.entries(converter.components).sort(([a], [b]) => a.localeCompare(b)));
  return { openapi: '3.1.0', info, tags: [...tags.values()], paths: sortedPaths, components: { schemas, securitySchemes } };
}
