import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { isLocalhost } from '../../config.js';
import { notFound } from '../errors.js';
import { clientAddress, isUntrustedForward } from '../http/client-address.js';
import type { AppEnv } from '../http/env.js';
import { isLoopbackAddress } from '../http/trust-proxy.js';

function requestHostname(c: Context<AppEnv>): string | null {
  try {
    return new URL(`http://${c.req.header('host') ?? ''}`).hostname;
  } catch {
    return null;
  }
}

/**
 * The dev mailbox holds sign-in links, so reading it is signing in as anyone. Only a person at this
 * machine may: no SMTP and a localhost PUBLIC_URL, a loopback client not relayed by a proxy (a tunnel
 * would make every visitor look local), and a localhost Host header (DNS rebinding sends another one).
 */
export function canReadDevMailbox(c: Context<AppEnv>): boolean {
  const hostname = requestHostname(c);
  return (
    c.var.deps.config.devMailbox &&
    !isUntrustedForward(c) &&
    isLoopbackAddress(clientAddress(c)) &&
    hostname !== null &&
    isLocalhost(hostname)
  );
}

/** The web app's development pages (/dev/…) are not served to anyone who may not read the mailbox. */
export const guardDevPages = createMiddleware<AppEnv>(async (c, next) => {
  if (!canReadDevMailbox(c)) throw notFound();
  await next();
});
