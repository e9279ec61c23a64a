import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { bootEnishi, createLogger } from '../../../boot.js';
import { loadConfig } from '../../../config.js';
import { createServerDatabase, freePort, testTarget } from '../../../test/harness.js';
import { startSmtpSink } from '../../../test/smtp-sink.js';
import { enqueueMails } from './enqueue-mail.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const MAILS = 1500;

/** A database with MAILS mails waiting in the outbox, written by this process before any sender runs. */
async function prepareDatabase() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'enishi-outbox-kill-'));
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
  await enishi.deps.database.db.transaction((tx) =>
    enqueueMails(
      enishi.deps.jobs,
      tx,
      Array.from({ length: MAILS }, (_, index) => ({
        to: `r${index}@example.jp`,
        subject: `お知らせ ${index}`,
        text: `本文 ${index}`,
      })),
      { lane: 'bulk' },
    ),
  );
  await enishi.close();
  const env: Record<string, string> = serverDatabase
    ? { DATABASE_URL: serverDatabase.url, DATABASE_OWNER_URL: serverDatabase.ownerUrl }
    : { ENISHI_DATA_DIR: dataDir };
  const query = async (text: string) => {
    if (serverDatabase) {
      const client = new pg.Client({ connectionString: serverDatabase.ownerUrl });
      await client.connect();
      try {
        return (await client.query(text)).rows;
      } finally {
        await client.end();
      }
    }
    const db = await PGlite.create({ dataDir, extensions: { pg_trgm } });
    try {
      return (await db.query(text)).rows;
    } finally {
      await db.close();
    }
  };
  return { env, query };
}

/** `node server/main.ts` as production runs it, sending to the sink; resolves once it listens. */
async function startSender(env: Record<string, string>) {
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
  await new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Enishi is running')) resolve();
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`sender exited (${code}) before listening:\n${output}`)));
  });
  return child;
}

/** Resolves when the condition holds; checked on every message the sink receives, at most `ms`. */
async function until(condition: () => boolean, ms: number) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function kill(child: ChildProcess) {
  child.kill('SIGKILL');
  await once(child, 'close');
}

describe('sending the outbox', () => {
  it('delivers every mail exactly once although the sending process is killed (SIGKILL) twice mid-send', async () => {
    const sink = await startSmtpSink();
    cleanups.push(sink.close);
    const { env, query } = await prepareDatabase();
    const senderEnv = { ...env, SMTP_URL: sink.url, PUBLIC_URL: 'http://127.0.0.1', MAIL_LEASE_SECONDS: '2' };

    const first = await startSender(senderEnv);
    await until(() => sink.messages.length >= MAILS * 0.2, 60_000);
    await kill(first);
    const afterFirstKill = sink.messages.length;

    const second = await startSender(senderEnv);
    await until(() => sink.messages.length >= afterFirstKill + MAILS * 0.3, 60_000);
    await kill(second);
    const afterSecondKill = sink.messages.length;

    const third = await startSender(senderEnv);
    await until(() => new Set(sink.messages.map((message) => message.to)).size >= MAILS, 90_000).catch(
      async (error: unknown) => {
        third.kill('SIGKILL');
        const states = await query(
          `select state, count(*)::int as n, min(attempts) as min_attempts, max(last_error) as error
            from mail_outbox group by state`,
        );
        throw new Error(
          `${String(error)}: ${new Set(sink.messages.map((m) => m.to)).size} received; ${JSON.stringify(states)}`,
        );
      },
    );
    third.kill('SIGTERM');
    await once(third, 'close');

    const received = new Map<string, number>();
    for (const message of sink.messages) received.set(message.to, (received.get(message.to) ?? 0) + 1);
    const duplicates = [...received.values()].filter((count) => count > 1).length;
    const losses = MAILS - received.size;
    expect({ duplicates, losses }).toEqual({ duplicates: 0, losses: 0 });
    // Both kills landed while mail was going out, and each run sent some.
    expect(afterFirstKill).toBeLessThan(MAILS);
    expect(afterSecondKill).toBeGreaterThan(afterFirstKill);
    expect(afterSecondKill).toBeLessThan(MAILS);
    expect(await query(`select state, count(*)::int as n from mail_outbox group by state`)).toEqual([
      { state: 'sent', n: MAILS },
    ]);
  }, 600_000);
});
