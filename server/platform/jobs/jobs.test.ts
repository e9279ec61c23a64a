import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { desc } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { bootEnishi, createLogger } from '../../boot.js';
import { loadConfig } from '../../config.js';
import { devMailbox } from '../../db/schema/index.js';
import { testTarget } from '../../test/harness.js';
import { queueMail } from '../mail/queue-mail.js';

const dirs: string[] = [];

/** A promise and its resolve function (Promise.withResolvers arrived only in Node 22). */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(testTarget !== 'embedded')('durable jobs on the embedded database', () => {
  it('keeps a queued mail across a restart and delivers it afterwards', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'enishi-jobs-'));
    dirs.push(dataDir);
    const config = loadConfig({ LOG_LEVEL: 'silent', ENISHI_DATA_DIR: dataDir });
    const first = await bootEnishi(config, { workers: false, logger: createLogger(config) });
    await first.deps.database.db.transaction((tx) =>
      queueMail(first.deps.jobs, tx, { to: 'later@example.jp', subject: '再起動', text: 'after restart' }),
    );
    await first.close();

    const second = await bootEnishi(config, { workers: false, logger: createLogger(config) });
    expect(await second.deps.jobs.drain()).toBe(1);
    const [mail] = await second.deps.database.db
      .select()
      .from(devMailbox)
      .orderBy(desc(devMailbox.createdAt));
    expect(mail).toMatchObject({ recipient: 'later@example.jp', subject: '再起動' });
    await second.close();
    // Two start-ups from a data directory on disk: on a busy two-core machine that can take 30 s.
  }, 90_000);

  it('sends no mail when the transaction that queued it rolls back', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', ENISHI_DATA_DIR: 'memory://' });
    config.dataDir = 'memory://';
    const enishi = await bootEnishi(config, { workers: false, logger: createLogger(config) });
    await enishi.deps.database.db
      .transaction(async (tx) => {
        await queueMail(enishi.deps.jobs, tx, { to: 'x@example.jp', subject: 'never', text: 'never' });
        throw new Error('abort');
      })
      .catch(() => undefined);
    expect(await enishi.deps.jobs.drain()).toBe(0);
    await enishi.close();
  });

  it('keeps a failed job for a later retry instead of losing it', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', ENISHI_DATA_DIR: 'memory://' });
    config.dataDir = 'memory://';
    const enishi = await bootEnishi(config, { workers: false, logger: createLogger(config) });
    enishi.deps.jobs.handle('mail.send', async () => {
      throw new Error('SMTP server busy');
    });
    const id = await enishi.deps.database.db.transaction((tx) =>
      enishi.deps.jobs.send(tx, 'mail.send', { to: 'retry@example.jp', subject: 's', text: 't' }),
    );
    expect(await enishi.deps.jobs.drain()).toBe(1);
    const { rows } = await enishi.deps.database.execute(
      'select state, start_after > now() as later from pgboss.job where id = $1',
      [id],
    );
    expect(rows[0]).toEqual({ state: 'retry', later: true });
    await enishi.close();
  });

  it('lets the job it is running finish when it stops, and records it done before returning', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', ENISHI_DATA_DIR: 'memory://' });
    config.dataDir = 'memory://';
    const enishi = await bootEnishi(config, { workers: true, logger: createLogger(config) });
    const started = deferred<AbortSignal>();
    const finish = deferred<void>();
    enishi.deps.jobs.handle('mail.send', async (_data, signal) => {
      started.resolve(signal);
      await finish.promise;
    });
    const id = await enishi.deps.database.db.transaction((tx) =>
      enishi.deps.jobs.send(tx, 'mail.send', { to: 'step@example.jp', subject: 's', text: 't' }),
    );
    const signal = await started.promise;
    let stopped = false;
    const stopping = enishi.deps.jobs.stop({ timeoutMs: 8000 }).then(() => {
      stopped = true;
    });
    // The handler is told, and the stop waits for it.
    expect(signal.aborted).toBe(true);
    await enishi.deps.database.execute('select 1', []);
    expect(stopped).toBe(false);
    finish.resolve();
    await stopping;
    const { rows } = await enishi.deps.database.execute('select state from pgboss.job where id = $1', [id]);
    expect(rows[0]).toEqual({ state: 'completed' });
    await enishi.close();
  });

  it('fails a job that outlasts the stop, so that it is retried after the restart', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', ENISHI_DATA_DIR: 'memory://' });
    config.dataDir = 'memory://';
    const enishi = await bootEnishi(config, { workers: true, logger: createLogger(config) });
    const started = deferred<void>();
    const finish = deferred<void>();
    enishi.deps.jobs.handle('mail.send', async () => {
      started.resolve();
      await finish.promise;
    });
    const id = await enishi.deps.database.db.transaction((tx) =>
      enishi.deps.jobs.send(tx, 'mail.send', { to: 'slow@example.jp', subject: 's', text: 't' }),
    );
    await started.promise;
    await enishi.deps.jobs.stop({ timeoutMs: 1000 });
    const { rows } = await enishi.deps.database.execute('select state from pgboss.job where id = $1', [id]);
    expect(rows[0]).toEqual({ state: 'retry' });
    finish.resolve();
    await enishi.close();
  });
});
