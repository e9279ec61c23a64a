import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors.js';
import type { AppEnv } from './env.js';

/**
 * While the server shuts down: a new request on a connection that is still open gets 503 with
 * Retry-After, and every response, including those of requests already running, closes its connection,
 * so no idle keep-alive connection holds the shutdown up.
 */
export const refuseWhileStopping: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { shutdown } = c.var.deps;
  if (shutdown.stopping) {
    throw new AppError(503, 'shutting_down', [], { 'retry-after': '5', connection: 'close' });
  }
  await next();
  if (shutdown.stopping) c.header('connection', 'close');
};
