/**
 * Mail outbox benchmark: a campaign of 50,000 mails to a local SMTP sink (npm smtp-server, in its own
 * process) through the pooled SMTP transport and the outbox's batch jobs, with the home feed measured
 * over HTTP before and while it goes out; then the same campaign to a real `server/main.ts` that is
 * killed with SIGKILL twice mid-send and restarted, counting duplicates and losses at the sink.
 * Embedded (PGlite) by default; ENISHI_TEST_TARGET=server with TEST_DATABASE_URL and
 * TEST_DATABASE_APP_URL runs it on a PostgreSQL server.
 *
 *   node --import tsx bench/mail-outbox.bench.ts [mails=50000] [killMails=50000]
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { bootEnishi, createLogger } from '../server/boot.js';
import { loadConfig } from '../server/config.js';
import { sessions } from '../server/db/schema/index.js';
import { createTenant } from '../server/modules/tenancy/create-tenant.js';
import { createToken, hashToken } from '../server/platform/auth/tokens.js';
import { enqueueMails } from '../server/platform/mail/outbox/enqueue-mail.js';
import { TestClient } from '../server/test/client.js';
import { createServerDatabase, freePort, testTarget } from '../server/test/harness.js';

const mailCount = Number(process.argv[2] ?? 50_000);
const killMailCount = Number(process.argv[3] ?? 50_000);

type Tally = { messages: number; recipients: number; duplicates: number };

async function startSink() {
  const child = fork(path.resolve('bench/smtp-sink-process.ts'), [], { execArgv: ['--import', 'tsx'] });
  const [ready] = (await once(child, 'message')) as [{ port: number }];
  const count = async (): Promise<Tally> => {
    child.send('count');
    const [tally] = (await once(child, 'message')) as [Tally];
    return tally;
  };
  return { url: `smtp://127.0.0.1:${ready.port}`, count, stop: () => child.kill('SIGKILL') };
}

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function campaign(count: number, offset = 0) {
  return Array.from({ length: count }, (_, index) => ({
    to: `r${offset + index}@example.jp`,
    subject: '【デモ株式会社】アルムナイ通信 12 月号',
    text: `${'会社の今をお伝えします。制度・働き方の変更、新しい事業、イベントの報告。\n'.repeat(12)}\n配信停止: https://example.jp/u/${index}`,
    headers: {
      'List-Unsubscribe': `<https://example.jp/u/${index}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  }));
}

async function databaseFor(label: string) {
  const dataDir = await mkdtemp(path.join(tmpdir(), `enishi-mail-bench-${label}-`));
  const serverDatabase = testTarget === 'server' ? await createServerDatabase() : null;
  return {
    dataDir,
    serverDatabase,
    env: serverDatabase
      ? { DATABASE_URL: serverDatabase.url, DATABASE_OWNER_URL: serverDatabase.ownerUrl }
      : { ENISHI_DATA_DIR: dataDir },
    drop: async () => {
      await serverDatabase?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

console.log(`mail outbox bench on ${testTarget}: ${mailCount} mails; kill -9 run with ${killMailCount}`);

// 1. Throughput and the home feed while a campaign goes out, in one server process with its workers.
{
  const sink = await startSink();
  const database = await databaseFor('speed');
  const port = await freePort();
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    ENISHI_DEMO: '0',
    ENISHI_DATA_DIR: database.dataDir,
    PUBLIC_URL: 'http://127.0.0.1',
    SMTP_URL: sink.url,
  });
  const enishi = await bootEnishi(config, {
    workers: true,
    logger: createLogger(config),
    databaseUrl: database.serverDatabase?.url,
    ownerUrl: database.serverDatabase?.ownerUrl,
  });
  const http = serve({ fetch: enishi.app.fetch, port, hostname: '127.0.0.1' });
  await once(http, 'listening');
  const token = createToken();
  const { tenant } = await enishi.deps.database.db.transaction(async (tx) => {
    const created = await createTenant(tx, {
      slug: 'bench',
      nameJa: 'ベンチ株式会社',
      nameEn: 'Bench',
      owner: { email: 'owner@bench.example', displayName: '持ち主 一郎' },
    });
    await tx.insert(sessions).values({
      tokenHash: hashToken(token),
      accountId: created.account.id,
      method: 'magic_link',
      userAgent: 'bench',
      ipAddress: '127.0.0.1',
      expiresAt: new Date(Date.now() + 3600_000),
    });
    return created;
  });
  const client = new TestClient({ baseUrl: `http://127.0.0.1:${port}` });
  client.cookies.set('enishi_session', token);
  // A few posts (posting is rate-limited per member) so the feed has something to read.
  for (let i = 0; i < 5; i += 1) {
    const posted = await client.post(`/api/v1/t/${tenant.slug}/community/posts`, {
      body: `お知らせ ${i} #bench`,
    });
    if (posted.status !== 201) throw new Error(`post failed: ${JSON.stringify(posted.body)}`);
  }
  const feed = async () => {
    const start = performance.now();
    const response = await client.get(`/api/v1/t/${tenant.slug}/community/feed`);
    if (response.status !== 200) throw new Error(`feed ${response.status}`);
    return performance.now() - start;
  };
  const idle: number[] = [];
  for (let i = 0; i < 200; i += 1) idle.push(await feed());

  const enqueueStart = performance.now();
  await enishi.deps.database.db.transaction((tx) =>
    enqueueMails(enishi.deps.jobs, tx, campaign(mailCount), { lane: 'bulk' }),
  );
  const enqueued = performance.now();
  const during: number[] = [];
  let tally = await sink.count();
  while (tally.recipients < mailCount) {
    during.push(await feed());
    if (during.length % 10 === 0) tally = await sink.count();
  }
  const seconds = (performance.now() - enqueued) / 1000;
  tally = await sink.count();
  console.log(
    `  queue ${mailCount} mails in one transaction: ${((enqueued - enqueueStart) / 1000).toFixed(1)} s`,
  );
  console.log(
    `  sent ${tally.recipients} in ${seconds.toFixed(1)} s: ${(mailCount / seconds).toFixed(0)} mails/s; ` +
      `duplicates ${tally.duplicates}, losses ${mailCount - tally.recipients}`,
  );
  console.log(
    `  home feed p50/p95: idle ${percentile(idle, 50).toFixed(1)}/${percentile(idle, 95).toFixed(1)} ms; ` +
      `while sending ${percentile(during, 50).toFixed(1)}/${percentile(during, 95).toFixed(1)} ms (${during.length} requests)`,
  );
  await new Promise<void>((resolve) => http.close(() => resolve()));
  await enishi.close();
  await database.drop();
  sink.stop();
}

// 2. Exactly once across kill -9: a real server process, killed twice mid-send, then restarted.
if (killMailCount > 0) {
  const sink = await startSink();
  const database = await databaseFor('kill');
  const config = loadConfig({ LOG_LEVEL: 'silent', ENISHI_DEMO: '0', ENISHI_DATA_DIR: database.dataDir });
  const seeding = await bootEnishi(config, {
    workers: false,
    logger: createLogger(config),
    databaseUrl: database.serverDatabase?.url,
    ownerUrl: database.serverDatabase?.ownerUrl,
  });
  await seeding.deps.database.db.transaction((tx) =>
    enqueueMails(seeding.deps.jobs, tx, campaign(killMailCount), { lane: 'bulk' }),
  );
  await seeding.close();
  const env = {
    ...database.env,
    SMTP_URL: sink.url,
    PUBLIC_URL: 'http://127.0.0.1',
    MAIL_LEASE_SECONDS: '5',
  };
  const start = async (): Promise<ChildProcess> => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('server/main.ts')], {
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        ENISHI_DEMO: '0',
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    await new Promise<void>((resolve) =>
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Enishi is running')) resolve();
      }),
    );
    return child;
  };
  const waitFor = async (recipients: number) => {
    for (;;) {
      const tally = await sink.count();
      if (tally.recipients >= recipients) return tally;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const started = performance.now();
  for (const share of [0.3, 0.6]) {
    const child = await start();
    await waitFor(Math.floor(killMailCount * share));
    child.kill('SIGKILL');
    await once(child, 'close');
    const tally = await sink.count();
    console.log(`  kill -9 with ${tally.recipients} of ${killMailCount} delivered`);
  }
  const last = await start();
  await waitFor(killMailCount);
  last.kill('SIGTERM');
  await once(last, 'close');
  const tally = await sink.count();
  console.log(
    `  after two kills and a restart: ${tally.messages} messages for ${tally.recipients} recipients in ` +
      `${((performance.now() - started) / 1000).toFixed(0)} s (incl. 3 start-ups): duplicates ${tally.duplicates}, ` +
      `losses ${killMailCount - tally.recipients}`,
  );
  await database.drop();
  sink.stop();
}
