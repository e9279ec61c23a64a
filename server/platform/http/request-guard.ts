import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { AppError, type FieldError, invalid } from '../errors.js';
import type { AppEnv } from './env.js';
import { type OperationIndex, operationIndex } from './operation-index.js';

// PostgreSQL stores neither U+0000 (text and jsonb refuse it) nor half of a UTF-16 surrogate pair.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;.*)?$/i;
const MAX_REPORTED = 20;

function unstorable(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

/** Percent-decoded, or null when the bytes are not UTF-8 (an encoded lone surrogate, say). */
function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function urlProblems(url: URL): FieldError[] {
  const problems: FieldError[] = [];
  for (const segment of url.pathname.split('/')) {
    const value = decoded(segment);
    if (value === null || unstorable(value)) {
      problems.push({ path: 'path', code: 'field_invalid_characters' });
      break;
    }
  }
  for (const pair of url.search.slice(1).split('&').filter(Boolean)) {
    const [rawKey = '', ...rawValue] = pair.split('=');
    const key = decoded(rawKey.replaceAll('+', ' '));
    const value = decoded(rawValue.join('=').replaceAll('+', ' '));
    if (key === null || value === null || unstorable(key) || unstorable(value)) {
      problems.push({
        path: `query.${key !== null && !unstorable(key) ? key : '?'}`,
        code: 'field_invalid_characters',
      });
    }
  }
  return problems;
}

function bodyProblems(value: unknown, path: string[], problems: FieldError[]): void {
  if (problems.length >= MAX_REPORTED) return;
  if (typeof value === 'string') {
    if (unstorable(value)) problems.push({ path: path.join('.'), code: 'field_invalid_characters' });
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) bodyProblems(item, [...path, String(index)], problems);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (unstorable(key))
        problems.push({ path: [...path, '?'].join('.'), code: 'field_invalid_characters' });
      else bodyProblems(item, [...path, key], problems);
    }
  }
}

function hasBody(c: Context<AppEnv>): boolean {
  const length = c.req.header('content-length');
  return (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined;
}

async function checkJsonBody(c: Context<AppEnv>): Promise<void> {
  const contentType = c.req.header('content-type');
  const patch = c.req.method === 'PATCH';
  if (!contentType) {
    if (hasBody(c)) throw new AppError(415, 'unsupported_media_type');
    if (patch) throw invalid([], 'nothing_to_change');
    return;
  }
  if (!JSON_TYPE.test(contentType)) throw new AppError(415, 'unsupported_media_type');
  const text = await c.req.text();
  if (text.trim() === '') {
    if (patch) throw invalid([], 'nothing_to_change');
    return;
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError(400, 'malformed_json');
  }
  const problems: FieldError[] = [];
  bodyProblems(body, [], problems);
  if (problems.length > 0) throw invalid(problems);
  const emptyObject =
    body !== null && typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0;
  if (patch && emptyObject) throw invalid([], 'nothing_to_change');
}

/**
 * Refuses, before any handler runs and the same way on every endpoint, what no handler could store:
 * U+0000 or lone surrogates in the path, the query or a JSON body (422); a body that is not JSON where
 * the OpenAPI document declares JSON (415); and a PATCH that changes nothing (422). The endpoints and
 * their body types come from the OpenAPI document, so endpoints added later are covered as they land.
 */
export function createRequestGuard(basePath: string) {
  let operations: OperationIndex | null = null;
  return {
    /** Reads the endpoints from the finished OpenAPI document (its paths relative to basePath). */
    learn(document: { paths?: Record<string, unknown> }) {
      operations = operationIndex(basePath, document);
    },
    middleware: createMiddleware<AppEnv>(async (c, next) => {
      const problems = urlProblems(new URL(c.req.url));
      if (problems.length > 0) throw invalid(problems);
      const operation = operations?.find(c.req.method, c.req.path);
      if (operation?.acceptsJson) await checkJsonBody(c);
      await next();
    }),
  };
}
