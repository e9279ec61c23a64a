import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { Enishi } from '../../boot.js';

/** The whole shutdown must end within 10 s (what process managers such as systemd and Docker wait). */
export const SHUTDOWN_LIMIT_MS = 10_000;
// Time for requests and the running job step; the rest of the limit is for closing the database.
const DRAIN_MS = 8_000;

/**
 * Stops one Enishi process gracefully: the listening socket closes at once (new connections are
 * refused), live streams end, requests already running finish, the running job step finishes, then the
 * database closes. Resolves true when the requests finished in time, false when some had to be cut off
 * (a job step still running then is failed and retried by pg-boss).
 */
export async function stopGracefully(server: Server, enishi: Enishi, logger: Logger): Promise<boolean> {
  const started = Date.now();
  enishi.deps.shutdown.begin();
  const drained = new Promise<void>((resolve) => server.close(() => resolve()));
  // Connections kept alive between requests would hold close() up; each finished response closes its
  // own (see refuseWhileStopping), and this catches those that were idle or whose stream just ended.
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  server.closeIdleConnections();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), DRAIN_MS);
  });
  try {
    const [http] = await Promise.all([
      Promise.race([drained.then(() => 'done' as const), deadline]),
      enishi.deps.jobs.stop({ timeoutMs: DRAIN_MS - 500 }),
    ]);
    if (http === 'late') {
      logger.warn('requests still running at the shutdown limit; closing their connections');
      server.closeAllConnections();
    }
    await enishi.close();
    logger.info({ ms: Date.now() - started }, 'stopped');
    return http === 'done';
  } finally {
    clearInterval(sweep);
    clearTimeout(timer);
  }
}
