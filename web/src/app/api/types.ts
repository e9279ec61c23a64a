import type { components, paths } from './schema';

/** The server's named schemas, generated from its OpenAPI document (`npm run api:types`). */
export type Schemas = components['schemas'];
export type { paths };

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type JsonOf<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;

/** The JSON a successful call answers with. */
export type ResponseOf<P extends keyof paths, M extends Method = 'get'> =
  Operation<P, M> extends { responses: infer R }
    ? R extends Record<number, unknown>
      ? JsonOf<R[200]> | JsonOf<R[201]>
      : never
    : never;

/** The JSON body a call takes. */
export type RequestOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody?: { content: { 'application/json': infer Body } } } ? Body : never;

/**
 * A value list the UI iterates over, checked against the schema's enum both ways: listing a value
 * the server does not know, or missing one it added, fails the typecheck.
 */
export function allValues<T extends string>() {
  return <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : never)) => list;
}
