import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { bootEnishi, createLogger } from './boot.js';
import { loadConfig } from './config.js';
import { sessions } from './db/schema/index.js';
import { createTenant } from './modules/tenancy/create-tenant.js';
import { createToken, hashToken } from './platform/auth/tokens.js';
import { queueMail } from './platform/mail/queue-mail.js';
import { startFakeSmtp } from './test/fake-smtp.js';
import { createServerDatabase, freePort, testTarget } from './test/harness.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const WAITING_MAIL = 'waiting@example.jp';

/**
 * A database for the server under test, prepared in this process: a network whose owner has a session,
 * and one mail waiting in the queue, which the server's worker will pick up as soon as it starts.
 */
async function prepareDatabase() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'enishi-shutdown-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const serverDatabase = testTarget === 'server' ? await createServerDatabase() : null;
  if (serverDatabase) cleanups.push(serverDatabase.drop);
  const config = loadConfig({ LOG_LEVEL: 'silent', ENISHI_DEMO: '0', ENISHI_DATA_DIR: dataDir });
  const enishi = await bootEnishi(config, {
    workers: false,
    logger: createLogger(config),
    databaseUrl: serverDatabase?.url,
    ownerUrl: serverDatabase?.ownerUrl,
  });
  const session = createToken();
  await enishi.deps.database.db.transaction(async (tx) => {
    const { account } = await createTenant(tx, {
      slug: 'shutdown',
      nameJa: '停止テスト株式会社',
      nameEn: 'Shutdown Test',
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
    // In the lane sign-in links use, so the late sign-in request below finds its worker busy.
    await queueMail(
      enishi.deps.jobs,
      tx,
      { to: WAITING_MAIL, subject: '配信テスト', text: '本文' },
      { lane: 'immediate' },
    );
  });
  await enishi.close();
  const env: Record<string, string> = serverDatabase
    ? { DATABASE_URL: serverDatabase.url, DATABASE_OWNER_URL: serverDatabase.ownerUrl }
    : { ENISHI_DATA_DIR: dataDir };
  /** Runs one query on the database once the server has exited. */
  const query = async (text: string, values: unknown[]) => {
    if (serverDatabase) {
      const client = new pg.Client({ connectionString: serverDatabase.ownerUrl });
      await client.connect();
      try {
        return (await client.query(text, values)).rows;
      } finally {
        await client.end();
      }
    }
    const db = await PGlite.create({ dataDir, extensions: { pg_trgm } });
    try {
      return (await db.query(text, values)).rows;
    } finally {
      await db.close();
    }
  };
  return { env, session, query };
}

/** `node server/main.ts` as production runs it, on its own port; resolves once it listens. */
async function startServer(env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('server/main.ts')], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      ENISHI_DEMO: '0',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Enishi is running')) resolve();
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
  await ready;
  return { child, port, baseUrl: `http://127.0.0.1:${port}`, output: () => output };
}

/** Waits for the process to exit, at most `ms`; a process that overruns is killed and reported. */
async function exitWithin(child: ChildProcess, ms: number) {
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
  clearTimeout(timer);
  return { code, signal };
}

describe('graceful shutdown', () => {
  it('on SIGTERM refuses new connections, ends live streams, finishes the running request and job step, and exits 0 within 10 s', async () => {
    const smtp = await startFakeSmtp();
    cleanups.push(smtp.close);
    const { env, session, query } = await prepareDatabase();
    const server = await startServer({ ...env, SMTP_URL: smtp.url, PUBLIC_URL: 'http://127.0.0.1' });

    // The queued mail is being delivered: the worker waits for the mail server's answer.
    await smtp.received;

    // A member has the live feed open.
    const stream = await fetch(`${server.baseUrl}/api/v1/t/shutdown/community/feed/stream`, {
      headers: { cookie: `enishi_session=${session}` },
    });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    let events = '';
    while (!events.includes('event: ready')) events += new TextDecoder().decode((await reader.read()).value);

    // A request is running: the server has its headers (it answered 100 Continue) but not yet its body.
    const body = JSON.stringify({ email: 'late@example.jp' });
    const running = http.request({
      host: '127.0.0.1',
      port: server.port,
      method: 'POST',
      path: '/api/v1/auth/magic-link',
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        cookie: 'enishi_csrf=shutdown-test',
        'x-csrf-token': 'shutdown-test',
        expect: '100-continue',
      },
    });
    const answered = once(running, 'response') as Promise<[http.IncomingMessage]>;
    await once(running, 'continue');

    server.child.kill('SIGTERM');
    const exited = exitWithin(server.child, 10_000);

    // The live stream ends, and by then the server no longer accepts connections.
    for (;;) if ((await reader.read()).done) break;
    await expect(fetch(`${server.baseUrl}/api/health`)).rejects.toThrow();

    // The running request and the mail delivery both finish.
    running.end(body);
    const [response] = await answered;
    expect(response.statusCode).toBe(202);
    expect(response.headers.connection).toBe('close');
    response.resume();
    smtp.release();

    expect(await exited).toEqual({ code: 0, signal: null });
    expect(server.output()).toContain('shutting down');
    expect(smtp.messages).toHaveLength(1);
    const mails = await query(`select recipient as "to", state from mail_outbox order by created_at`, []);
    // The mail in flight was completed; the one the late request queued waits for the next start.
    expect(mails).toEqual([
      { to: WAITING_MAIL, state: 'sent' },
      { to: 'late@example.jp', state: 'pending' },
    ]);
  }, 90_000);

  it('on SIGINT with nothing running exits 0', async () => {
    const { env } = await prepareDatabase();
    const server = await startServer({ ...env, PUBLIC_URL: 'http://127.0.0.1' });
    // An idle keep-alive connection must not hold the shutdown up.
    const agent = new http.Agent({ keepAlive: true });
    cleanups.push(async () => agent.destroy());
    const health = await new Promise<http.IncomingMessage>((resolve) =>
      http.get(`${server.baseUrl}/api/health`, { agent }, resolve),
    );
    health.resume();
    expect(health.statusCode).toBe(200);
    server.child.kill('SIGINT');
    const exit = await exitWithin(server.child, 10_000);
    if (exit.code !== 0) console.log('EXIT', exit, JSON.stringify(server.output().slice(-2500)));
    expect(exit).toEqual({ code: 0, signal: null });
  }, 90_000);
});
