import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { afterEach } from 'vitest';
import { bootEnishi, createLogger, type Enishi } from '../boot.js';
import { loadConfig } from '../config.js';
import type { AppTransaction } from '../db/client.js';
import { sessions } from '../db/schema/index.js';
import { createTenant } from '../modules/tenancy/create-tenant.js';
import { createToken, hashToken } from '../platform/auth/tokens.js';
import { createServerDatabase, freePort, testTarget } from './harness.js';

/**
 * Tests that run Enishi as production does (`node server/main.ts` in a child process) to kill it, stop it
 * or restart it. The database is prepared in the test's own process, closed, then handed to the child;
 * it is read again only once no server holds it (PGlite allows one process at a time).
 */

type Cleanup = () => Promise<void>;

/** Registers the file's clean-ups: each runs after the test that deferred it, newest first. */
export function deferCleanups() {
  const cleanups: Cleanup[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return (cleanup: Cleanup) => {
    cleanups.push(cleanup);
  };
}

export type ProcessDatabase<T> = {
  /** What a child process needs to open this database. */
  env: Record<string, string>;
  /** What `seed` returned. */
  seeded: T;
  /** One query as the schema owner, inside the given tenant when row-level security needs one. */
  query(
    text: string,
    values?: unknown[],
    options?: { tenantId?: string },
  ): Promise<Record<string, unknown>[]>;
};

/** A fresh database (embedded or server, as the suite runs), migrated and seeded, then closed again. */
export async function prepareProcessDatabase<T>(
  defer: (cleanup: Cleanup) => void,
  seed: (enishi: Enishi) => Promise<T>,
): Promise<ProcessDatabase<T>> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'enishi-process-'));
  defer(() => rm(dataDir, { recursive: true, force: true }));
  const serverDatabase = testTarget === 'server' ? await createServerDatabase() : null;
  if (serverDatabase) defer(serverDatabase.drop);
  const config = loadConfig({ LOG_LEVEL: 'silent', ENISHI_DEMO: '0', ENISHI_DATA_DIR: dataDir });
  const enishi = await bootEnishi(config, {
    workers: false,
    logger: createLogger(config),
    databaseUrl: serverDatabase?.url,
    ownerUrl: serverDatabase?.ownerUrl,
  });
  let seeded: T;
  try {
    seeded = await seed(enishi);
  } finally {
    await enishi.close();
  }
  const env: Record<string, string> = serverDatabase
    ? { DATABASE_URL: serverDatabase.url, DATABASE_OWNER_URL: serverDatabase.ownerUrl }
    : { ENISHI_DATA_DIR: dataDir };
  const query: ProcessDatabase<T>['query'] = async (text, values = [], options = {}) => {
    if (serverDatabase) {
      const client = new pg.Client({ connectionString: serverDatabase.ownerUrl });
      await client.connect();
      try {
        // Row-level security is forced for the schema owner too.
        if (options.tenantId) {
          await client.query(`select set_config('app.tenant_id', $1, false)`, [options.tenantId]);
        }
        return (await client.query(text, values)).rows as Record<string, unknown>[];
      } finally {
        await client.end();
      }
    }
    const db = await PGlite.create({ dataDir, extensions: { pg_trgm } });
    try {
      return (await db.query(text, values)).rows as Record<string, unknown>[];
    } finally {
      await db.close();
    }
  };
  return { env, seeded, query };
}

export type ServerProcess = {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves once a line matching `match` has been written (or already was); rejects if the process exits first. */
  logged(match: (line: string) => boolean): Promise<void>;
};

/** `node server/main.ts` as production runs it, on its own port; resolves once it listens. */
export async function startServerProcess(
  defer: (cleanup: Cleanup) => void,
  env: Record<string, string>,
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('server/main.ts')], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: 'http://127.0.0.1',
      ENISHI_DEMO: '0',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  defer(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'close');
    }
  });
  const lines: string[] = [];
  let output = '';
  let partial = '';
  const waiting = new Set<{ match: (line: string) => boolean; resolve: () => void }>();
  const read = (chunk: Buffer) => {
    output += chunk.toString();
    const parts = (partial + chunk.toString()).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const waiter of waiting) {
        if (waiter.match(line)) {
          waiting.delete(waiter);
          waiter.resolve();
        }
      }
    }
  };
  child.stdout?.on('data', read);
  child.stderr?.on('data', read);
  const logged = (match: (line: string) => boolean) =>
    lines.some(match)
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          if (child.exitCode !== null || child.signalCode !== null) {
            reject(new Error(`server had exited:\n${lines.slice(-20).join('\n')}`));
            return;
          }
          waiting.add({ match, resolve });
          child.once('exit', (code, signal) =>
            reject(new Error(`server exited (${code ?? signal}):\n${lines.slice(-20).join('\n')}`)),
          );
        });
  await logged((line) => line.includes('Enishi is running'));
  return { child, port, baseUrl: `http://127.0.0.1:${port}`, output: () => output, logged };
}

/** Waits for the process to exit, at most `ms`; a process that overruns is killed and reported as such. */
export async function exitWithin(child: ChildProcess, ms: number) {
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
  clearTimeout(timer);
  return { code, signal };
}

/** Kills the process without a chance to clean up, as a crash or the OOM killer would. */
export async function killHard(child: ChildProcess) {
  child.kill('SIGKILL');
  const [, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
  return signal;
}

/** A network (`slug`) whose owner is signed in: the session token a child's requests can carry. */
export async function createSignedInNetwork(
  tx: AppTransaction,
  slug: string,
  names: { ja: string; en: string },
) {
  const session = createToken();
  const { account, tenant } = await createTenant(tx, {
    slug,
    nameJa: names.ja,
    nameEn: names.en,
    owner: { email: 'owner@example.jp', displayName: '持ち主 一郎' },
  });
  await tx.insert(sessions).values({
    tokenHash: hashToken(session),
    accountId: account.id,
    method: 'magic_link',
    userAgent: 'test',
    ipAddress: '127.0.0.1',
    expiresAt: new Date(Date.now() + 3600_000),
  });
  return { session, tenantId: tenant.id };
}
