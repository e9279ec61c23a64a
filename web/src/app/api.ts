import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './api/schema';

export type FieldProblem = { path: string; code: string; message: string };
export type Problem = { status: number; code: string; title: string; errors?: FieldProblem[] };

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title);
  }
  fieldError(path: string): string | undefined {
    return this.problem.errors?.find((error) => error.path === path)?.message;
  }
}

function csrfToken(): string {
  return document.cookie.match(/(?:^|; )enishi_csrf=([^;]+)/)?.[1] ?? '';
}

/** The CSRF header for a state-changing request made without `client` (file uploads and downloads). */
export async function csrfHeader(): Promise<Record<string, string>> {
  if (!csrfToken()) await fetch('/api/v1/session', { credentials: 'same-origin' });
  return { 'x-csrf-token': csrfToken() };
}

function problemOf(response: Response, data: unknown): ApiError {
  const problem = (data ?? {}) as Partial<Problem>;
  return new ApiError({
    status: response.status,
    code: problem.code ?? 'internal_error',
    title: problem.title ?? response.statusText,
    errors: problem.errors,
  });
}

/**
 * Sends a file as the raw request body (photos, pictures in posts, PDFs), with the same error handling
 * as `call`.
 */
export async function upload<T>(
  method: 'PUT' | 'POST',
  path: string,
  file: Blob,
  contentType = 'application/octet-stream',
): Promise<T> {
  const response = await fetch(`/api/v1${path}`, {
    method,
    credentials: 'same-origin',
    headers: { 'content-type': contentType, ...(await csrfHeader()) },
    body: file,
  });
  const text = await response.text();
  const data = text ? (JSON.parse(text) as unknown) : null;
  if (!response.ok) throw problemOf(response, data);
  return data as T;
}

const csrfMiddleware: Middleware = {
  async onRequest({ request }) {
    if (request.method === 'GET' || request.method === 'HEAD') return request;
    if (!csrfToken()) await fetch('/api/v1/session', { credentials: 'same-origin' });
    request.headers.set('x-csrf-token', csrfToken());
    return request;
  },
};

/**
 * The typed API client: paths, parameters, bodies and answers come from the server's OpenAPI
 * document (`web/src/app/api/schema.ts`), so a schema change the web depends on fails the typecheck.
 */
export const client = createClient<paths>({ baseUrl: '/api', credentials: 'same-origin' });
client.use(csrfMiddleware);

/** The data of a typed call, or an ApiError carrying the server's problem (message in the user's language). */
export async function call<T>(
  pending: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await pending;
  if (!response.ok) throw problemOf(response, error ?? null);
  return data as T;
}
