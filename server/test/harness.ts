import { randomBytes } from 'node:crypto';
import { type AddressInfo, createServer } from 'node:net';
import { serve } from '@hono/node-server';
import pg from 'pg';
import type { Logger } from 'pino';
import { bootEnishi, createLogger, type Enishi } from '../boot.js';
import { loadConfig } from '../config.js';

/** baseUrl for HTTP clients in tests; publicUrl (localhost) for a browser, as WebAuthn needs a host name. */
export type TestServer = Enishi & { baseUrl: string; publicUrl: string; stop(): Promise<void> };

/** Which database engine this run tests: PGlite by default, a PostgreSQL server when asked. */
export const testTarget = process.env.ENISHI_TEST_TARGET === 'server' ? 'server' : 'embedded';

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A fresh database on the test PostgreSQL server: owner and application URLs, and how to drop it. */
export async function createServerDatabase() {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('ENISHI_TEST_TARGET=server needs TEST_DATABASE_URL');
  const name = `enishi_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const appUrl = process.env.TEST_DATABASE_APP_URL;
  return {
    ownerUrl: withDatabase(adminUrl, name),
    url: withDatabase(appUrl ?? adminUrl, name),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      // A closed connection's server process exits a moment after the socket closes, and the owner may
      // not terminate the app role's processes itself; so wait for them to be gone before dropping.
      await waitUntil(async () => {
        const { rows } = await client.query<{ n: number }>(
          'select count(*)::int as n from pg_stat_activity where datname = $1',
          [name],
        );
        return rows[0]?.n === 0;
      });
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * A whole Enishi on a fresh database, listening on a free port: tests talk to it over real HTTP.
 * Job workers are off; tests run due jobs with `deps.jobs.drain()` instead of waiting for a poll.
 */
export async function startTestServer(
  environment: Record<string, string> = {},
  options: { webRoot?: string; logger?: Logger } = {},
): Promise<TestServer> {
  const port = await freePort();
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    ENISHI_DEMO: '0',
    ENISHI_DATA_DIR: 'memory://',
    // Links in mail and WebAuthn's origin must name the address the browser really uses.
    PUBLIC_URL: `http://localhost:${port}`,
    ...environment,
  });
  config.dataDir = 'memory://';
  const serverDatabase = testTarget === 'server' ? await createServerDatabase() : null;
  const enishi = await bootEnishi(config, {
    workers: false,
    logger: options.logger ?? createLogger(config),
    databaseUrl: serverDatabase?.url,
    ownerUrl: serverDatabase?.ownerUrl,
    webRoot: options.webRoot,
  });
  const server = serve({ fetch: enishi.app.fetch, port, hostname: '127.0.0.1' });
  // The embedded database runs on this thread: a test doing long work in it holds the event loop, and
  // then the server's 5 s keep-alive timer and the client's reuse of the idle socket fire together
  // (ECONNRESET). A keep-alive longer than any such pause keeps the test client's sockets usable.
  if ('keepAliveTimeout' in server) server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return {
    ...enishi,
    baseUrl: `http://127.0.0.1:${port}`,
    publicUrl: config.publicUrl,
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // The long keep-alive above must not hold the stop: the tests are done, so every socket goes.
      if ('closeAllConnections' in server) server.closeAllConnections();
      await closed;
      await enishi.close();
      await serverDatabase?.drop();
    },
  };
}

/** Polls a condition until it holds (at most 10 s), for teardown that depends on another process. */
async function waitUntil(condition: () => Promise<boolean>) {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
