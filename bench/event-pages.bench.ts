/**
 * Event pages benchmark, over HTTP as a member waits for them: one network of 100,000 members and
 * 10,000 events (past and upcoming, mostly published, some drafts, cancelled or meant for employees
 * only), each published one with 20 registrations; then a member's upcoming events (first and next
 * page), their past events, one event's page and who else is going, as p50/p95 over many requests.
 * The goal: p95 ≤ 30 ms on a PostgreSQL server. Embedded (PGlite) by default; ENISHI_TEST_TARGET=server
 * with TEST_DATABASE_URL and TEST_DATABASE_APP_URL runs it on a PostgreSQL server.
 *
 *   node --import tsx bench/event-pages.bench.ts [members=100000] [events=10000] [requests=200]
 */
import { sql } from 'drizzle-orm';
import { inTenant } from '../server/db/scope.js';
import { addTestMember, createTestTenant, signIn } from '../server/test/factories.js';
import { startTestServer, testTarget } from '../server/test/harness.js';
import { analyzeAsOwner, measure } from './bench-network.js';

const memberCount = Number(process.argv[2] ?? 100_000);
const eventCount = Number(process.argv[3] ?? 10_000);
const requests = Number(process.argv[4] ?? 200);
const perEvent = 20;

const server = await startTestServer();
const db = server.deps.database.db;
const started = performance.now();
const { tenant, slug } = await createTestTenant(server);
const hr = await addTestMember(server, tenant.id, 'admin', { displayName: '人事 一郎' });
const alumnus = await addTestMember(server, tenant.id, 'alumnus', { displayName: '佐藤 美咲' });

await db.execute(sql`insert into accounts (email, display_name)
  select 'm' || i || '@' || ${slug} || '.example', '会員 ' || i from generate_series(1, ${memberCount}) i`);
await inTenant(db, tenant.id, async (tx) => {
  await tx.execute(sql`insert into memberships (tenant_id, account_id, role, display_name)
    select ${tenant.id}, a.id, 'alumnus', a.display_name from accounts a
    where a.email like ${`%@${slug}.example`}`);
  // Half agree to be listed in the directory, so who else is going has names to show.
  await tx.execute(sql`insert into member_profiles (tenant_id, membership_id, listed_in_directory)
    select ${tenant.id}, m.id, (row_number() over (order by m.id)) % 2 = 0 from memberships m
    where m.tenant_id = ${tenant.id} and m.role = 'alumnus' and m.id <> ${alumnus.membership.id}
    on conflict (tenant_id, membership_id) do nothing`);
  // Spread a year either side of today; 1 in 20 drafts, 1 in 20 cancelled, 1 in 10 for employees only.
  await tx.execute(sql`insert into events (tenant_id, status, title, body, body_html, starts_at, ends_at, format,
      venue, address, capacity_in_person, confirmed_in_person, next_seq, audience, created_by, published_at,
      cancelled_at)
    select ${tenant.id},
      case when i % 20 = 0 then 'draft' when i % 20 = 1 then 'cancelled' else 'published' end,
      'イベント ' || i, '久しぶりに会いましょう。', '<p>久しぶりに会いましょう。</p>',
      now() + make_interval(hours => (i * 7919) % 17520 - 8760),
      now() + make_interval(hours => (i * 7919) % 17520 - 8760 + 2),
      'in_person', '本社 10 階 ラウンジ', '東京都千代田区丸の内 1-1-1', 30,
      case when i % 20 = 0 then 0 else ${perEvent} end, ${perEvent + 1},
      case when i % 10 = 5 then '{"members": false, "includeEmployees": true}'::jsonb end,
      ${hr.membership.id}, case when i % 20 <> 0 then now() end,
      case when i % 20 = 1 then now() end
    from generate_series(1, ${eventCount}) i`);
  // 20 confirmed registrations per event that is not a draft, spread over the members.
  await tx.execute(sql`with m as (
      select id, row_number() over (order by id) - 1 as n from memberships
      where tenant_id = ${tenant.id} and role = 'alumnus' and id <> ${alumnus.membership.id}),
    e as (select id, row_number() over (order by id) as n from events
      where tenant_id = ${tenant.id} and status <> 'draft')
    insert into event_registrations (tenant_id, event_id, member_id, mode, status, seq, check_in_code)
    select ${tenant.id}, e.id, m.id, 'in_person', 'confirmed', k + 1, 'C' || lpad(k::text, 7, '0')
    from e cross join generate_series(0, ${perEvent - 1}) k
    join m on m.n = (e.n * 37 + k * 4999) % ${memberCount}`);
  // The member measured registered for one event in 50 (taking a 21st seat).
  await tx.execute(sql`insert into event_registrations (tenant_id, event_id, member_id, mode, status, seq,
      check_in_code)
    select ${tenant.id}, e.id, ${alumnus.membership.id}, 'in_person', 'confirmed', ${perEvent + 1}, 'ME000000'
    from (select id, row_number() over (order by id) as n from events
      where tenant_id = ${tenant.id} and status = 'published') e where e.n % 50 = 0`);
  await tx.execute(sql`update events set confirmed_in_person = confirmed_in_person + 1, next_seq = next_seq + 1
    where tenant_id = ${tenant.id} and id in (select event_id from event_registrations
      where tenant_id = ${tenant.id} and member_id = ${alumnus.membership.id})`);
});
await analyzeAsOwner(server);
console.log(
  `seeded ${memberCount.toLocaleString('en')} members and ${eventCount.toLocaleString('en')} events in ${((performance.now() - started) / 1000).toFixed(1)} s (${testTarget})`,
);

const member = await signIn(server, alumnus.email);
const base = `/api/v1/t/${slug}/community/events`;
type List = { events: { id: string; registration: unknown }[]; next: string | null };
const shown = (body: List) =>
  `${body.events.length} shown, ${body.events.filter((e) => e.registration).length} registered`;

// Warm the connection pool and the plans once, as a running server would be.
const first = (await member.get<List>(base)).body;
await measure<List>('member: upcoming events, first page', requests, () => member.get(base), shown);
const after = `${base}?when=upcoming&after=${encodeURIComponent(first.next ?? '')}`;
if (first.next)
  await measure<List>('member: upcoming events, second page', requests, () => member.get(after), shown);
await measure<List>(
  'member: past events, first page',
  requests,
  () => member.get(`${base}?when=past`),
  shown,
);
await measure<List>('member: my registrations', requests, () => member.get(`${base}?when=mine`), shown);
// The page of an event they registered for, and of one they have not.
const mine = first.events.find((e) => e.registration) ?? first.events[0]!;
const other = first.events.find((e) => !e.registration) ?? first.events[0]!;
for (const [label, event] of [
  ['registered', mine],
  ['not registered', other],
] as const) {
  await measure(
    `member: event page (${label})`,
    requests,
    () => member.get(`${base}/${event.id}`),
    () => 'page',
  );
}
type Going = { people: unknown[] };
await measure<Going>(
  'member: who else is going',
  requests,
  () => member.get(`${base}/${other.id}/going`),
  (body) => `${body.people?.length ?? 0} named`,
);
await server.stop();
