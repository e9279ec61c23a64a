import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { createToken, safeEqual } from '../auth/tokens.js';
import { AppError } from '../errors.js';
import type { AppEnv } from './env.js';

export const CSRF_COOKIE = 'enishi_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// RFC 8058 one-click unsubscribe is posted by mail apps, which hold no cookie; the URL's per-member key
// or token is the proof, and all it can do is turn mail off.
const CAPABILITY_PATHS = new Set([
  '/api/v1/unsubscribe/one-click',
  '/api/v1/programmes/unsubscribe/one-click',
]);

/**
 * Double-submit token: a page of ours can read the cookie and echo it in a header; another site can
 * do neither. A foreign Origin is refused outright as a second check.
 */
export const csrfProtection = createMiddleware<AppEnv>(async (c, next) => {
  let token = getCookie(c, CSRF_COOKIE);
  if (!token) {
    token = createToken();
    setCookie(c, CSRF_COOKIE, token, {
      path: '/',
      sameSite: 'Lax',
      secure: c.var.deps.config.secureCookies,
      httpOnly: false,
    });
  }
  if (!SAFE_METHODS.has(c.req.method) && !CAPABILITY_PATHS.has(c.req.path)) {
    const origin = c.req.header('origin');
    const sent = c.req.header(CSRF_HEADER);
    // PUBLIC_URL's origin only: the Host header is the client's to choose, so it proves nothing.
    const originOk = !origin || origin === new URL(c.var.deps.config.publicUrl).origin;
    if (!originOk || !sent || !safeEqual(sent, getCookie(c, CSRF_COOKIE) ?? '')) {
      throw new AppError(403, 'csrf_failed');
    }
  }
  await next();
});
