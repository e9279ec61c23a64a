import type { MessageKey } from './i18n/messages.js';

export type FieldError = { path: string; code: MessageKey; params?: Record<string, string | number> };

/** An error meant for the person using Enishi: it carries a stable code, never internals. */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 422 | 429 | 500 | 503,
    readonly code: MessageKey,
    readonly fieldErrors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

// Not-found and forbidden look the same to someone outside the tenant: both say "not found".
export const notFound = () => new AppError(404, 'not_found');
export const forbidden = (code: MessageKey = 'forbidden') => new AppError(403, code);
export const unauthenticated = () => new AppError(401, 'unauthenticated');
export const conflict = (code: MessageKey) => new AppError(409, code);
export const invalid = (fieldErrors: FieldError[], code: MessageKey = 'validation_failed') =>
  new AppError(422, code, fieldErrors);
