import { randomUUID } from 'node:crypto';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { negotiateLocale } from '../i18n/messages.js';
import type { AppEnv, Deps } from './env.js';

export const LANGUAGE_COOKIE = 'enishi_lang';

/** Request id, child logger and language for every request; one structured log line per response. */
export function requestContext(deps: Deps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const incomingId = c.req.header('x-request-id');
    const requestId = incomingId && /^[\w-]{8,64}$/.test(incomingId) ? incomingId : randomUUID();
    const logger = deps.logger.child({ requestId });
    c.set('deps', deps);
    c.set('requestId', requestId);
    c.set('logger', logger);
    c.set('auth', null);
    c.set(
      'locale',
      negotiateLocale(c.req.query('lang') ?? getCookie(c, LANGUAGE_COOKIE), c.req.header('accept-language')),
    );
    const started = performance.now();
    await next();
    c.header('x-request-id', requestId);
    logger.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  });
}

/** Once the session is known, a signed-in person's saved language wins over the browser's. */
export const preferAccountLocale = createMiddleware<AppEnv>(async (c, next) => {
  const explicit = c.req.query('lang') ?? getCookie(c, LANGUAGE_COOKIE);
  const account = c.var.auth?.account;
  if (!explicit && account) c.set('locale', account.locale);
  await next();
});
