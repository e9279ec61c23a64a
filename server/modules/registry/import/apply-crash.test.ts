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
import { sessions } from '../../../db/schema/index.js';
import { createToken, hashToken } from '../../../platform/auth/tokens.js';
import { TestClient } from '../../../test/client.js';
import { createServerDatabase, freePort, testTarget } from '../../../test/harness.js';
import { createTenant } from '../../tenancy/create-tenant.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const ROWS = 5_000;
// The first server stops inside the apply's transaction, with every row written but not committed.
const BEFORE_COMMIT = 'registry.import.apply.before-commit';

/** A database with a network whose owner has a session; queries on it run once no server holds it. */
async function prepareDatabase() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'enishi-apply-crash-'));
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
  const tenantId = await enishi.deps.database.db.transaction(async (tx) => {
    const { account, tenant } = await createTenant(tx, {
      slug: 'crash',
      nameJa: '障害試験株式会社',
      nameEn: 'Crash Test',
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
    return tenant.id;
  });
  await enishi.close();
  const env: Record<string, string> = serverDatabase
    ? { DATABASE_URL: serverDatabase.url, DATABASE_OWNER_URL: serverDatabase.ownerUrl }
    : { ENISHI_DATA_DIR: dataDir };
  const query = async (text: string, values: unknown[] = []) => {
    if (serverDatabase) {
      const client = new pg.Client({ connectionString: serverDatabase.ownerUrl });
      await client.connect();
      try {
        // Row-level security is forced for the schema owner too.
        await client.query(`select set_config('app.tenant_id', $1, false)`, [tenantId]);
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
  return { env, session, query };
}

type Started = {
  child: ChildProcess;
  client: TestClient;
  logged(match: (line: string) => boolean): Promise<void>;
};

/** `node server/main.ts` as production runs it, logging at debug level so the test sees jobs start. */
async function startServer(env: Record<string, string>, session: string): Promise<Started> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('server/main.ts')], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: 'http://127.0.0.1',
      ENISHI_DEMO: '0',
      LOG_LEVEL: 'debug',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'close');
    }
  });
  const lines: string[] = [];
  const waiting = new Set<{ match: (line: string) => boolean; resolve: () => void }>();
  let partial = '';
  const read = (chunk: Buffer) => {
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
  child.stdout!.on('data', read);
  child.stderr!.on('data', read);
  const logged = (match: (line: string) => boolean) =>
    lines.some(match)
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          waiting.add({ match, resolve });
          child.once('exit', (code, signal) =>
            reject(new Error(`server exited (${code ?? signal}):\n${lines.slice(-20).join('\n')}`)),
          );
        });
  await logged((line) => line.includes('Enishi is running'));
  const client = new TestClient({ baseUrl: `http://127.0.0.1:${port}` });
  client.cookies.set('enishi_session', session);
  return { child, client, logged };
}

const jobLine = (queue: string, message: string) => (line: string) =>
  line.includes(`"queue":"${queue}"`) && line.includes(`"msg":"${message}"`);

type Import = { id: string; status: string; mapping: Record<string, string>; counts: { new: number } | null };

describe('an import whose apply is killed', () => {
  it('is applied whole after the restart (within a minute), with nothing half-written before', async () => {
    const { env, session, query } = await prepareDatabase();
    const first = await startServer({ ...env, ENISHI_FAILPOINT: BEFORE_COMMIT }, session);
    const base = '/api/v1/t/crash/registry/imports';
    const lines = ['社員番号,氏名,フリガナ,退職日,個人メールアドレス'];
    for (let i = 1; i <= ROWS; i++) {
      lines.push(`K${String(i).padStart(6, '0')},山田 太郎${i},ヤマダ タロウ,2020/4/1,k${i}@example.jp`);
    }
    const uploaded = await first.client.upload<Import>(
      `${base}?fileName=crash.csv`,
      Buffer.from(lines.join('\n')),
    );
    expect(uploaded.status).toBe(201);
    const id = uploaded.body.id;
    const checked = first.logged(jobLine('registry.import.check', 'job completed'));
    expect((await first.client.post(`${base}/${id}/check`, { mapping: uploaded.body.mapping })).status).toBe(
      202,
    );
    await checked;
    expect((await first.client.get<Import>(`${base}/${id}`)).body.counts).toMatchObject({ new: ROWS });

    // The worker takes the apply and writes everything; the process is killed before the commit,
    // without any chance to clean up.
    const applying = first.logged((line) => line.includes(`failpoint ${BEFORE_COMMIT} reached`));
    expect((await first.client.post(`${base}/${id}/apply`)).status).toBe(202);
    await applying;
    first.child.kill('SIGKILL');
    const [, signal] = (await once(first.child, 'close')) as [number | null, NodeJS.Signals | null];
    expect(signal).toBe('SIGKILL');

    // Killed mid-apply: the import still says applying, its job is still taken, and no record was written.
    const [before] = await query(
      `select i.status, (select count(*)::int from alumni_records) as records,
         (select count(*)::int from record_emails) as emails,
         (select state from pgboss.job where name = 'registry.import.apply') as job
       from registry_imports i where i.id = $1`,
      [id],
    );
    expect(before).toEqual({ status: 'applying', records: 0, emails: 0, job: 'active' });

    const restartedAt = Date.now();
    const second = await startServer(env, session);
    await second.logged(jobLine('registry.import.apply', 'job completed'));
    expect(Date.now() - restartedAt).toBeLessThan(60_000);
    const imp = (await second.client.get<Import>(`${base}/${id}`)).body;
    expect(imp.status).toBe('applied');
    await second.logged(jobLine('registry.import.cleanup', 'job completed'));
    second.child.kill('SIGTERM');
    await once(second.child, 'close');

    const [after] = await query(
      `select (select count(*)::int from alumni_records) as records,
         (select count(distinct employee_number)::int from alumni_records) as numbers,
         (select count(*)::int from record_emails) as emails,
         (select count(*)::int from import_staged) as staged`,
    );
    expect(after).toEqual({ records: ROWS, numbers: ROWS, emails: ROWS, staged: 0 });
  }, 400_000);
});
