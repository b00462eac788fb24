import { z } from 'zod';

export type JsonSchema = z.core.JSONSchema.BaseSchema;

const COMPONENTS = '#/components/schemas/';

/**
 * The metadata zod reads while converting: the schema's own (descriptions from
 * `.describe()`/`.meta()`) plus, for named response objects, an `id`. zod puts
 * a schema with an id in `$defs`; the converter moves those to components.
 * Names live here, not in zod's global registry, so building the document twice
 * (tests, hot reload) never registers an id twice.
 */
class NamedSchemas extends z.core.$ZodRegistry<z.core.GlobalMeta> {
  constructor(private readonly names: ReadonlyMap<z.core.$ZodType, string>) {
    super();
  }

  override get<S extends z.core.$ZodType>(schema: S): z.core.$replace<z.core.GlobalMeta, S> | undefined {
    const own = z.globalRegistry.get(schema);
    const id = this.names.get(schema);
    return id === undefined ? own : { ...own, id };
  }
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** What JSON cannot carry; `z.date()` alone is described, as the string a client sends for it. */
const UNREPRESENTABLE = new Set(['bigint', 'symbol', 'undefined', 'void', 'map', 'set', 'nan', 'custom', 'function']);

/** Drops what only restates the format or the JavaScript number range. */
function tidy({ zodSchema, jsonSchema }: { zodSchema: z.core.$ZodTypes; jsonSchema: JsonSchema }): void {
  const { type } = zodSchema._zod.def;
  if (UNREPRESENTABLE.has(type)) throw new Error(`OpenAPI: a ${type} schema cannot be represented in JSON Schema.`);
  // A query's `z.coerce.date()`: what is sent is an ISO 8601 date or date-time.
  if (type === 'date') Object.assign(jsonSchema, { type: 'string', format: 'date-time' });
  if (jsonSchema.type === 'integer') {
    if (jsonSchema.minimum === -MAX_SAFE) delete jsonSchema.minimum;
    if (jsonSchema.maximum === MAX_SAFE) delete jsonSchema.maximum;
  }
  // z.uuid(), z.iso.datetime() and the like: `format` says it; zod's long pattern adds nothing for a reader.
  if (zodSchema._zod.def.type === 'string' && jsonSchema.format !== undefined && 'format' in zodSchema._zod.def) delete jsonSchema.pattern;
}

function pointAtComponents(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pointAtComponents);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, key === '$ref' && typeof v === 'string' ? v.replace(/^#\/\$defs\//, COMPONENTS) : pointAtComponents(v)]),
  );
}

/**
 * zod 4's own conversion (`z.toJSONSchema`) to JSON Schema draft 2020-12, the
 * dialect of OpenAPI 3.1. `io: 'input'`: a request schema is described by what
 * the client sends (before transforms and defaults); response objects are plain,
 * so input and output agree, and input leaves objects open (no
 * `additionalProperties: false`): a response may gain fields, clients ignore them.
 */
export class SchemaConverter {
  readonly components: Record<string, JsonSchema> = {};
  private readonly registry: NamedSchemas;
  private readonly names: ReadonlySet<string>;

  constructor(named: ReadonlyMap<z.core.$ZodType, string>) {
    this.registry = new NamedSchemas(named);
    this.names = new Set(named.values());
  }

  convert(schema: z.ZodType): JsonSchema {
    const { $schema: _dialect, $defs, ...root } = z.toJSONSchema(schema, {
      target: 'draft-2020-12',
      io: 'input',
      metadata: this.registry,
      // Dates are described by \`tidy\`; anything else JSON cannot carry is refused there.
      unrepresentable: 'any',
      override: tidy,
    });
    for (const [name, def] of Object.entries($defs ?? {})) this.addComponent(name, pointAtComponents(def) as JsonSchema);
    return pointAtComponents(root) as JsonSchema;
  }

  private addComponent(name: string, schema: JsonSchema): void {
    if (!this.names.has(name)) {
      throw new Error(`zod extracted an unnamed definition "${name}" (a recursive schema?); name it in a module's \`schemas\`.`);
    }
    const known = this.components[name];
    if (known !== undefined && JSON.stringify(known) !== JSON.stringify(schema)) {
      throw new Error(`Component schema "${name}" came out differently in two places.`);
    }
    this.components[name] = schema;
  }
}
