import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from './env.js';
import { validationError } from './validation.js';

/** Every module router: request validation failures become 422 problem+json in the user's language. */
export function createRouter<E extends AppEnv = AppEnv>() {
  return new OpenAPIHono<E>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error);
    },
  });
}

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

const problemDescriptions: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Not allowed, or CSRF token missing',
  404: 'Not found (also for resources of another network)',
  409: 'Conflict',
  410: 'Gone (expired)',
  413: 'Body too large',
  415: 'Body is not of the declared media type (application/json)',
  422: 'Validation failed',
  429: 'Rate limited',
};

export function problems(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: problemDescriptions[status] ?? 'Error',
        content: { 'application/problem+json': { schema: ProblemSchema } },
      },
    ]),
  );
}

export function jsonContent<T extends z.ZodType>(schema: T, description = 'OK') {
  return { description, content: { 'application/json': { schema } } };
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { body: { required: true, content: { 'application/json': { schema } } } };
}

/** A picture whose visibility depends on the viewer: the OpenAPI response, and the response itself. */
export const privateImageResponse = {
  description: 'The image',
  content: { 'image/webp': { schema: z.string().openapi({ format: 'binary' }) } },
};
export function privateImage(c: Context, image: { content: Uint8Array; contentType: string }) {
  return c.body(Buffer.from(image.content), 200, {
    'content-type': image.contentType,
    // Private: what a viewer may see depends on who they are.
    'cache-control': 'private, max-age=3600',
  });
}
