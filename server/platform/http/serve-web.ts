import { createReadStream, type Stats, statSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Context, Hono } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import { AppError } from '../errors.js';
import type { AppEnv } from './env.js';

/** Precompressed copies written next to each file at build time (`scripts/precompress-web.ts`), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

// Hashed file names change whenever their content does, so a browser may keep them for a year.
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The built PWA. `/assets/*` are Vite's hashed files: served when they exist, else 404 (never the
 * page, which a browser would then keep for a year under the hashed name). Other existing files
 * are served as they are; any other path gets index.html for client-side routing.
 */
export function serveWeb(app: Hono<AppEnv>, webRoot: string) {
  const root = path.resolve(webRoot);
  app.get('/assets/*', (c) => {
    const file = fileUnder(root, c.req.path);
    if (!file) throw new AppError(404, 'not_found');
    return sendFile(c, file, IMMUTABLE);
  });
  app.get('*', (c) => {
    const file = fileUnder(root, c.req.path);
    if (file) return sendFile(c, file, 'no-cache');
    const page = fileUnder(root, '/index.html');
    if (!page) throw new AppError(404, 'not_found');
    return sendFile(c, page, 'no-cache');
  });
}

type Found = { path: string; stats: Stats };

/** The regular file a URL path names inside the root, or null (missing, a directory, or outside it). */
function fileUnder(root: string, urlPath: string): Found | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const resolved = path.resolve(root, `.${decoded}`);
  if (!resolved.startsWith(root + path.sep)) return null;
  return statFile(resolved);
}

function statFile(file: string): Found | null {
  try {
    const stats = statSync(file);
    return stats.isFile() ? { path: file, stats } : null;
  } catch {
    return null;
  }
}

/** Content codings the client accepts (RFC 9110 §12.5.3): `q=0` refuses one, `*` stands for the rest. */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  const refused = new Set<string>();
  let wildcard = false;
  for (const part of (header ?? '').split(',')) {
    const [rawName, ...params] = part.split(';');
    const name = rawName?.trim().toLowerCase();
    if (!name) continue;
    const q = params.map((param) => param.trim().match(/^q=([\d.]+)$/i)?.[1]).find(Boolean);
    const ok = q === undefined || Number(q) > 0;
    if (name === '*') wildcard = ok;
    else if (ok) accepted.add(name);
    else refused.add(name);
  }
  if (wildcard) for (const { name } of ENCODINGS) if (!refused.has(name)) accepted.add(name);
  return accepted;
}

function sendFile(c: Context<AppEnv>, file: Found, cacheControl: string) {
  const type = getMimeType(file.path) ?? 'application/octet-stream';
  let chosen = file;
  const variants = ENCODINGS.map((encoding) => ({
    ...encoding,
    found: statFile(file.path + encoding.suffix),
  }));
  if (variants.some((variant) => variant.found)) {
    // The answer depends on Accept-Encoding whenever a compressed copy exists, chosen or not.
    c.header('vary', 'Accept-Encoding');
    const accepted = acceptedEncodings(c.req.header('accept-encoding'));
    const best = variants.find((variant) => variant.found && accepted.has(variant.name));
    if (best?.found) {
      chosen = best.found;
      c.header('content-encoding', best.name);
    }
  }
  c.header(
    'content-type',
    type.startsWith('text/') && !type.includes('charset') ? `${type}; charset=utf-8` : type,
  );
  c.header('content-length', String(chosen.stats.size));
  c.header('cache-control', cacheControl);
  if (c.req.method === 'HEAD') return c.body(null, 200);
  const stream = Readable.toWeb(createReadStream(chosen.path)) as ReadableStream<Uint8Array>;
  return c.body(stream, 200);
}
