import { randomUUID } from 'node:crypto';

/**
 * Requests built from the OpenAPI document, for tests that drive every endpoint: concrete paths with
 * real ids where the test has them, and plausible bodies derived from each request schema.
 */
type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  example?: unknown;
  default?: unknown;
};
type Parameter = { name: string; in: 'path' | 'query' | 'header' | 'cookie'; schema?: Schema };
type OperationObject = {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: Schema }> };
};
export type OpenApiDocument = {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, Schema> };
};
export type Operation = {
  method: string;
  template: string;
  parameters: Parameter[];
  jsonBody: Schema | null;
};

/** Ids of real things, by the collection they belong to (`records`, `members`, `posts`, …). */
export type IdPool = Map<string, string>;

export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([template, item]) =>
    Object.entries(item).map(([method, operation]) => ({
      method: method.toUpperCase(),
      template,
      parameters: operation.parameters ?? [],
      jsonBody: operation.requestBody?.content['application/json']?.schema ?? null,
    })),
  );
}

const aliases: Record<string, string> = { people: 'members', inbox: 'notifications', target: 'posts' };

/** `memberId` → members, `recordIds` → records; a path's `{id}` → the segment before it. */
export function collectionOf(name: string): string {
  const base = name.replace(/Ids?$/, '');
  const plural = base.endsWith('s') ? base : `${base}s`;
  return aliases[base] ?? aliases[plural] ?? plural;
}

function resolve(schema: Schema, document: OpenApiDocument): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.split('/').at(-1) ?? '';
  return resolve(document.components?.schemas?.[name] ?? {}, document);
}

const patternCandidates = [
  'demo-network',
  'abc',
  'test',
  '2023-04-01',
  'タグ',
  'yes',
  '09:00',
  '+81-3-1234-5678',
];

function exampleString(schema: Schema, name: string, ids: IdPool): string {
  if (schema.format === 'uuid') return ids.get(collectionOf(name)) ?? randomUUID();
  if (schema.format === 'email') return `sample.${randomUUID().slice(0, 8)}@example.jp`;
  if (schema.format === 'date') return '2023-04-01';
  if (schema.format === 'date-time') return '2023-04-01T09:00:00.000Z';
  if (schema.format === 'uri' || schema.format === 'url') return 'https://example.jp/';
  if (typeof schema.example === 'string') return schema.example;
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern, 'u');
    const match = patternCandidates.find((candidate) => pattern.test(candidate));
    if (match) return match;
  }
  // Named after its field, so one field's value (a word-list entry, say) never turns up inside another's.
  const text = `サンプル ${name}`.padEnd(Math.max(4, schema.minLength ?? 0), 'x');
  return text.slice(0, schema.maxLength ?? 100);
}

/** A value the schema accepts, as far as a generic generator can tell (patterns are tried, not solved). */
export function exampleValue(raw: Schema, document: OpenApiDocument, ids: IdPool, name = ''): unknown {
  const schema = resolve(raw, document);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum.find((value) => value !== null) ?? null;
  if (schema.allOf)
    return Object.assign({}, ...schema.allOf.map((s) => exampleValue(s, document, ids, name)));
  const choice = schema.anyOf ?? schema.oneOf;
  if (choice) {
    const first = choice.find((s) => resolve(s, document).type !== 'null') ?? choice[0] ?? {};
    return exampleValue(first, document, ids, name);
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const type = types.find((t) => t !== 'null') ?? (schema.properties ? 'object' : undefined);
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, property]) => [
          key,
          exampleValue(property, document, ids, key),
        ]),
      );
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 0) }, () =>
        exampleValue(schema.items ?? {}, document, ids, name),
      );
    case 'string':
      return exampleString(schema, name, ids);
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return true;
    default:
      return schema.default ?? null;
  }
}

/** The same value with every string (keys untouched) passed through `change`. */
export function mapStrings(value: unknown, change: (text: string) => unknown): unknown {
  if (typeof value === 'string') return change(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, change));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, change)]));
  }
  return value;
}

export function hasString(value: unknown): boolean {
  let found = false;
  mapStrings(value, (text) => {
    found = true;
    return text;
  });
  return found;
}

/** A concrete path: `{slug}` is the test's network, ids come from the pool (else a fresh uuid). */
export function concretePath(
  operation: Operation,
  slug: string,
  ids: IdPool,
  override: (name: string) => string | undefined = () => undefined,
): string {
  const segments = operation.template.split('/');
  const filled = segments.map((segment, index) => {
    const name = /^\{(.+)\}$/.exec(segment)?.[1];
    if (!name) return segment;
    const overridden = override(name);
    if (overridden !== undefined) return overridden;
    if (name === 'slug') return slug;
    const parameter = operation.parameters.find((p) => p.in === 'path' && p.name === name);
    const schema = parameter?.schema ?? {};
    if (schema.enum) return String(schema.enum[0]);
    const collection = name === 'id' ? collectionOf(segments[index - 1] ?? '') : collectionOf(name);
    if (schema.format === 'uuid' || name === 'id' || name.endsWith('Id')) {
      return ids.get(collection) ?? randomUUID();
    }
    return encodeURIComponent(String(exampleValue(schema, { paths: {} }, ids, name)));
  });
  return `/api${filled.join('/')}`;
}
