import type { z } from 'zod';
import type { UserRole } from '@/db/schema';
import type { ErrorCode } from '@/lib/errors';

/**
 * What a domain declares about its /api/v1 routes, for the OpenAPI document
 * (lib/openapi/document.ts). Request schemas are the very zod schemas the
 * routes parse with; response schemas describe the DTOs they return.
 */

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A signed-in user of one of these roles, or `integration`: a machine with an admin-created API key. */
export type Caller = UserRole | 'integration';

/** As `apiRoute` has it: anyone, any signed-in user, or only some callers. */
export type Access = 'public' | 'user' | readonly Caller[];

export type SuccessResponse =
  | { status: 200 | 201 | 202; description: string; schema: z.ZodType; /** Defaults to application/json. */ mediaType?: string }
  | { status: 204; description: string }
  /** A redirect (a Stripe-hosted page, say): `location` says where it goes. */
  | { status: 302; description: string; location: string };

export interface Operation {
  method: HttpMethod;
  /** OpenAPI style: `/api/v1/bookings/{id}`. */
  path: `/api/v1/${string}`;
  /** Unique over the document; generated clients name their functions after it. */
  operationId: string;
  summary: string;
  description?: string;
  /** Defaults to the module's first tag. */
  tags?: readonly string[];
  access: Access;
  /** A description per `{param}` of the path: a string (the param is an id), or a description and a schema. */
  params?: Readonly<Record<string, string | { description: string; schema: z.ZodType }>>;
  /** The schema the route gives `parseQuery`. */
  query?: z.ZodType;
  /** The schema the route gives `apiRoute` as `body`. */
  body?: z.ZodType;
  /** Descriptions of top-level query or body fields, by name (the schemas' own comments do not reach the document). */
  fields?: Readonly<Record<string, string>>;
  response: SuccessResponse;
  /**
   * Error codes (lib/http/errors.ts) the operation can answer, besides those every
   * route of its kind has: 401 when signed-in only, 403 for a role list, 400/413/415
   * for a body, 400 for a query, 404 for a path param.
   */
  errors?: readonly ErrorCode[];
}

export interface Tag {
  name: string;
  description: string;
}

/** One domain's part of the document: lib/openapi/operations/<domain>.ts. */
export interface ApiModule {
  /** The first is the default tag of the module's operations. */
  tags: readonly [Tag, ...Tag[]];
  /** Response objects shown once under `components.schemas` and referenced by `$ref` wherever used. */
  schemas?: Readonly<Record<string, z.ZodType>>;
  operations: readonly Operation[];
}

/** Types a module declaration (an identity function, for checking and completion). */
export function apiModule(module: ApiModule): ApiModule {
  return module;
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * Checks at compile time that a response schema describes exactly the DTO type
 * the route returns (each assignable to the other), so the document cannot drift
 * from the code: `describes<BookingDto>()(z.object({...}))`.
 */
export function describes<T>() {
  return <S extends z.ZodType>(schema: S, ..._mismatch: Same<z.output<S>, T> extends true ? [] : [error: 'the schema does not match the DTO type']) =>
    schema;
}

/** The weaker check, for DTOs typed with literals (`"name" | "phone"`): every value the route returns fits the schema. */
export function covers<T>() {
  return <S extends z.ZodType>(schema: S, ..._mismatch: [T] extends [z.output<S>] ? [] : [error: 'the DTO type does not fit the schema']) => schema;
}
