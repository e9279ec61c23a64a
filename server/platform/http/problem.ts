import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import { AppError } from '../errors.js';
import { type Locale, translate } from '../i18n/messages.js';
import { appErrorFromDatabase } from './database-errors.js';
import type { AppEnv } from './env.js';
import { validationError } from './validation.js';

export type Problem = {
  type: string;
  title: string;
  status: number;
  code: string;
  instance?: string;
  errors?: { path: string; code: string; message: string }[];
};

export function problemBody(error: AppError, locale: Locale): Problem {
  const body: Problem = {
    type: `urn:enishi:problem:${error.code}`,
    title: translate(locale, error.code),
    status: error.status,
    code: error.code,
  };
  if (error.fieldErrors.length > 0) {
    body.errors = error.fieldErrors.map((fieldError) => ({
      path: fieldError.path,
      code: fieldError.code,
      message: translate(locale, fieldError.code, fieldError.params),
    }));
  }
  return body;
}

function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return validationError(error);
  if (error instanceof HTTPException) {
    if (error.status === 413) return new AppError(413, 'payload_too_large');
    if (error.status === 400) return new AppError(400, 'malformed_json');
    if (error.status === 401) return new AppError(401, 'unauthenticated');
    if (error.status === 404) return new AppError(404, 'not_found');
    if (error.status === 405) return new AppError(405, 'method_not_allowed');
    if (error.status === 415) return new AppError(415, 'unsupported_media_type');
  }
  return null;
}

/** RFC 9457 problem+json for every error; unknown errors are logged and answered without details. */
export function respondWithProblem(error: unknown, c: Context<AppEnv>): Response {
  const fromDatabase = toAppError(error) ? null : appErrorFromDatabase(error);
  // A database refusal that no service check caught first is worth a look, but it is the client's 4xx.
  if (fromDatabase) c.var.logger?.warn({ err: error }, 'database refused the request');
  const known = toAppError(error) ?? fromDatabase;
  const appError = known ?? new AppError(500, 'internal_error');
  if (!known) c.var.logger?.error({ err: error }, 'unhandled error');
  const locale = c.var.locale ?? 'ja';
  const body = { ...problemBody(appError, locale), instance: c.var.requestId };
  // A Headers object, not a plain one: the Node adapter's Response copies a plain init when middleware
  // clones the response later, and the security headers set on the copy in between would be lost.
  return new Response(JSON.stringify(body), {
    status: appError.status,
    headers: new Headers({ 'content-type': 'application/problem+json; charset=utf-8', ...appError.headers }),
  });
}
