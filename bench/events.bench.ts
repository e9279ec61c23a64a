/**
 * Event registration benchmark: 1,000 members register at once over HTTP for an event with 100 seats.
 * The goal: exactly 100 confirmed and 900 waitlisted, waitlist places 1…900 each given once and in the
 * order the registrations were recorded, no errors; then 50 confirmed members cancel and the first 50
 * waiting are promoted in their order. Sessions are written directly (signing in 1,000 people by mail
 * is not what is measured). Embedded (PGlite) by default; ENISHI_TEST_TARGET=server with
 * TEST_DATABASE_URL and TEST_DATABASE_APP_URL runs it on a PostgreSQL server.
 *
 *   node --import tsx bench/events.bench.ts [members=1000] [seats=100]
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../server/db/raw.js';
import { accounts, memberships, sessions } from '../server/db/schema/index.js';
import { inTenant } from '../server/db/scope.js';
import { createTenant } from '../server/modules/tenancy/create-tenant.js';
import { createToken, hashToken } from '../server/platform/auth/tokens.js';
import { TestClient } from '../server/test/client.js';
import { startTestServer, testTarget } from '../server/test/harness.js';

const memberCount = Number(process.argv[2] ?? 1000);
const seats = Number(process.argv[3] ?? 100);

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
    slug: 'events-bench',
    nameJa: 'ベンチ株式会社',
    nameEn: 'Bench',
    owner: { email: 'owner@events-bench.example', displayName: '人事 一郎' },
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
  .values(tokens.map((_, i) => ({ email: `m${i}@events-bench.example`, displayName: `会員 ${i}` })))
  .returning({ id: accounts.id });
const members = await inTenant(db, tenant.id, (tx) =>
  tx
    .insert(memberships)
    .values(
      created.map((account, i) => ({
        tenantId: tenant.id,
        accountId: account.id,
        role: 'alumnus' as const,
        displayName: `会員 ${i}`,
      })),
    )
    .returning({ id: memberships.id, accountId: memberships.accountId }),
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

type Registered = { registration: { status: string; waitlistPosition: number | null } | null; code?: string };

const owner = clientFor(ownerToken);
const staffBase = `/api/v1/t/${tenant.slug}/events`;
const startsAt = new Date(Date.now() + 72 * 3_600_000);
const event = await owner.post<{ id: string }>(staffBase, {
  title: 'ベンチ交流会',
  body: '定員のある集まり',
  startsAt: startsAt.toISOString(),
  endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
  format: 'in_person',
  venue: '本社 10 階',
  address: '東京都千代田区丸の内 1-1-1',
  capacityInPerson: seats,
});
if (event.status !== 201) throw new Error(`create failed: ${JSON.stringify(event.body)}`);
const published = await owner.post(`${staffBase}/${event.body.id}/publish`, {});
if (published.status !== 200) throw new Error(`publish failed: ${JSON.stringify(published.body)}`);
const eventPath = `/api/v1/t/${tenant.slug}/community/events/${event.body.id}`;

// Each member's CSRF cookie first (a browser has it from loading the app), so only registrations are timed.
const clients = tokens.map(clientFor);
for (let i = 0; i < clients.length; i += 50) {
  await Promise.all(clients.slice(i, i + 50).map((client) => client.get('/api/v1/session')));
}

const latencies: number[] = [];
const outcomes = new Map<string, number>();
const places: number[] = [];
const start = performance.now();
await Promise.all(
  clients.map(async (client) => {
    const sent = performance.now();
    const outcome = await client
      .post<Registered>(`${eventPath}/registration`, {})
      .then((r) => {
        if (r.status !== 201) return `${r.status} ${r.body.code}`;
        if (r.body.registration?.waitlistPosition) places.push(r.body.registration.waitlistPosition);
        return r.body.registration?.status ?? 'none';
      })
      .catch((error: unknown) => `failed: ${String(error)}`);
    latencies.push(performance.now() - sent);
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  }),
);
const wall = performance.now() - start;

type Row = { member_id: string; status: string; seq: number };
const registrations = () =>
  inTenant(db, tenant.id, (tx) =>
    queryRows<Row>(
      tx,
      sql`select member_id, status, seq from event_registrations
        where event_id = ${event.body.id}::uuid order by seq`,
    ),
  );
const rows = await registrations();
// Arrival order: every seat went to a registration recorded before every waiting one, and the places
// told to the waiting members are 1…N, each once.
const lastSeat = Math.max(...rows.filter((r) => r.status === 'confirmed').map((r) => r.seq));
const firstWait = Math.min(...rows.filter((r) => r.status === 'waitlisted').map((r) => r.seq));
const inOrder = lastSeat < firstWait;
const sortedPlaces = [...places].sort((a, b) => a - b);
const distinct = sortedPlaces.every((p, i) => p === i + 1);

// Some confirmed members cancel; the first waiting must take their seats, in their order.
const tokenOf = new Map(members.map((m) => [m.id, tokens[created.findIndex((a) => a.id === m.accountId)]!]));
const leaving = rows.filter((r) => r.status === 'confirmed').slice(0, Math.min(50, seats));
const firstWaiting = rows.filter((r) => r.status === 'waitlisted').slice(0, leaving.length);
for (const row of leaving) {
  const cancelled = await clientFor(tokenOf.get(row.member_id)!).post(`${eventPath}/registration/cancel`, {});
  if (cancelled.status !== 200) throw new Error(`cancel failed: ${JSON.stringify(cancelled.body)}`);
}
const after = new Map((await registrations()).map((r) => [r.member_id, r.status]));
const promotedInOrder = firstWaiting.every((r) => after.get(r.member_id) === 'confirmed');
const confirmedAfter = [...after.values()].filter((s) => s === 'confirmed').length;

const confirmed = outcomes.get('confirmed') ?? 0;
const waitlisted = outcomes.get('waitlisted') ?? 0;
const errors = memberCount - confirmed - waitlisted;
console.log(`target: ${testTarget}; ${memberCount} concurrent registrations for ${seats} seats`);
console.log(
  `confirmed ${confirmed}, waitlisted ${waitlisted}, errors ${errors} ${errors ? JSON.stringify([...outcomes]) : ''}`,
);
console.log(`waitlist places distinct: ${distinct}; in the order recorded: ${inOrder}`);
console.log(
  `latency p50 ${pct(latencies, 50).toFixed(1)} ms, p95 ${pct(latencies, 95).toFixed(1)} ms; all done in ${wall.toFixed(0)} ms`,
);
console.log(
  `after ${leaving.length} cancellations: ${confirmedAfter} confirmed; the first ${firstWaiting.length} waiting promoted: ${promotedInOrder}`,
);
const met =
  confirmed === seats &&
  waitlisted === memberCount - seats &&
  errors === 0 &&
  distinct &&
  inOrder &&
  promotedInOrder &&
  confirmedAfter === seats;
console.log(met ? 'goal met' : 'GOAL NOT MET');
await server.stop();
process.exit(met ? 0 : 1);
