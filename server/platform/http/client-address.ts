import type { Context } from 'hono';
import type { AppEnv } from './env.js';
import { resolveClientAddress } from './trust-proxy.js';

function socketAddress(c: Context<AppEnv>): string | undefined {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress;
}

/** Who sent this request: the key of per-address rate limits, and what sessions and audit events record. */
export function clientAddress(c: Context<AppEnv>): string {
  return resolveClientAddress(
    socketAddress(c),
    c.req.header('x-forwarded-for'),
    c.var.deps.config.trustProxy,
  );
}

/** A proxy we were not told to trust forwarded this request: its socket address says nothing about the client. */
export function isUntrustedForward(c: Context<AppEnv>): boolean {
  if (c.var.deps.config.trustProxy) return false;
  return ['x-forwarded-for', 'forwarded', 'x-real-ip'].some((name) => c.req.header(name) !== undefined);
}
