/**
 * Career chat booking benchmark: 500 members book 50 slots at once over HTTP (ten for each slot), the
 * goal being exactly 50 confirmed bookings, 449 … 450 clear 409s and no errors (any other status or a
 * failed request), with p50/p95 latency of a booking request. The members' sessions are written
 * directly (signing in 500 people by mail is not what is measured). Embedded (PGlite) by default;
 * ENISHI_TEST_TARGET=server with TEST_DATABASE_URL and TEST_DATABASE_APP_URL runs it on a PostgreSQL
 * server, which is where the goal is set.
 *
 *   node --import tsx bench/chats.bench.ts [members=500] [slots=50]
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../server/db/raw.js';
import { accounts, memberships, sessions } from '../server/db/schema/index.js';
import { inTenant } from '../server/db/scope.js';
import { createTenant } from '../server/modules/tenancy/create-tenant.js';
import { createToken, hashToken } from '../server/platform/auth/tokens.js';
import { TestClient } from '../server/test/client.js';
import { startTestServer, testTarget } from '../server/test/harness.js';

const memberCount = Number(process.argv[2] ?? 500);
const slotCount = Number(process.argv[3] ?? 50);

const pct = (list: number[], p: number) =>
  [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor((p / 100) * list.length))]!;

const server = await startTestServer();
const db = server.deps.database.db;
const expiresAt = new Date(Date.now() + 3600_000);

/** A client signed in as the account, by a session row written here. */
function clientFor(token: string) {
  const client = new TestClient({ baseUrl: server.baseUrl });
  client.cookies.set('enishi_session', token);
  return client;
}

const ownerToken = createToken();
const { tenant } = await db.transaction(async (tx) => {
  const created = await createTenant(tx, {
    slug: 'chat-bench',
    nameJa: 'ベンチ株式会社',
    nameEn: 'Bench',
    owner: { email: 'owner@chat-bench.example', displayName: '人事 一郎' },
  });
  await tx.insert(sessions).values({
    tokenHash: hashToken(ownerToken),
    accountId: created.account.id,
    method: 'magic_link',
    userAgent: 'bench',
    ipAddress: '127.0.0.1',
    expiresAt,
  });
  return created;
});

const tokens = Array.from({ length: memberCount }, () => createToken());
const created = await db
  .insert(accounts)
  .values(tokens.map((_, i) => ({ email: `m${i}@chat-bench.example`, displayName: `会員 ${i}` })))
  .returning({ id: accounts.id });
await inTenant(db, tenant.id, (tx) =>
  tx.insert(memberships).values(
    created.map((account, i) => ({
      tenantId: tenant.id,
      accountId: account.id,
      role: 'alumnus' as const,
      displayName: `会員 ${i}`,
    })),
  ),
);
await db.insert(sessions).values(
  created.map((account, i) => ({
    tokenHash: hashToken(tokens[i]!),
    accountId: account.id,
    method: 'magic_link' as const,
    userAgent: 'bench',
    ipAddress: '127.0.0.1',
    expiresAt,
  })),
);

// The host's slots, one an hour from two days ahead, published as HR publishes them.
const owner = clientFor(ownerToken);
const base = `/api/v1/t/${tenant.slug}/community/career-chats`;
const firstHour = Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 48 * 3_600_000;
const slots: string[] = [];
for (let i = 0; i < slotCount; i += 1) {
  const published = await owner.post<{ id: string }>(`${base}/hosted`, {
    startsAt: new Date(firstHour + i * 3_600_000).toISOString(),
    minutes: 30,
    placeKind: 'online',
    place: 'https://meet.example.jp/bench',
    topic: 'comeback',
  });
  if (published.status !== 201) throw new Error(`publish failed: ${JSON.stringify(published.body)}`);
  slots.push(published.body.id);
}

// Each member's CSRF cookie first (a browser has it from loading the app), so only bookings are timed.
const clients = tokens.map(clientFor);
const warmStart = performance.now();
for (let i = 0; i < clients.length; i += 50) {
  await Promise.all(clients.slice(i, i + 50).map((client) => client.get('/api/v1/session')));
}

const warm = performance.now() - warmStart;
// The same number of plain reads at once (the open slots), as a yardstick for this machine's load.
const readStart = performance.now();
await Promise.all(clients.map((client) => client.get(`${base}/slots`)));
const reads = performance.now() - readStart;
const latencies: number[] = [];
const statuses = new Map<string, number>();
const start = performance.now();
await Promise.all(
  clients.map(async (client, i) => {
    const sent = performance.now();
    const outcome = await client
      .post<{ code?: string }>(`${base}/slots/${slots[i % slotCount]}/booking`, {})
      .then((response) => (response.status === 409 ? `409 ${response.body.code}` : String(response.status)))
      .catch((error: unknown) => `failed: ${String(error)}`);
    latencies.push(performance.now() - sent);
    statuses.set(outcome, (statuses.get(outcome) ?? 0) + 1);
  }),
);
const wall = performance.now() - start;

const confirmed = statuses.get('201') ?? 0;
const taken = statuses.get('409 chat_slot_taken') ?? 0;
const errors = memberCount - confirmed - taken;
const [live] = await inTenant(db, tenant.id, (tx) =>
  queryRows<{ bookings: number; slots: number }>(
    tx,
    sql`select count(*)::int as bookings, count(distinct slot_id)::int as slots
      from career_chat_bookings where cancelled_at is null`,
  ),
);

console.log(`target: ${testTarget}; ${memberCount} concurrent booking requests for ${slotCount} slots`);
console.log(`confirmed (201): ${confirmed}`);
console.log(`taken (409 chat_slot_taken): ${taken}`);
console.log(`errors: ${errors}${errors ? ` ${JSON.stringify(Object.fromEntries(statuses))}` : ''}`);
console.log(`live bookings in the database: ${live!.bookings} on ${live!.slots} slots`);
console.log(
  `latency p50 ${pct(latencies, 50).toFixed(1)} ms, p95 ${pct(latencies, 95).toFixed(1)} ms, ` +
    `max ${pct(latencies, 100).toFixed(1)} ms; all done in ${wall.toFixed(0)} ms`,
);
const met = confirmed === slotCount && errors === 0 && live!.bookings === slotCount;
console.log(
  `yardstick on this machine: ${memberCount} session reads in batches of 50 took ${warm.toFixed(0)} ms; ` +
    `${memberCount} open-slot lists at once took ${reads.toFixed(0)} ms`,
);
console.log(met ? 'goal met: exactly one booking per slot, no errors' : 'GOAL NOT MET');
await server.stop();
process.exit(met ? 0 : 1);
