/**
 * Outcomes activity benchmark: one network of 100,000 registry records, 20,000 members, 1,000,000 posts
 * and 1,000,000 recorded visits over a year, 200,000 comments and 100,000 event registrations (half
 * attended), all written set-based (generate_series). Then: the full catch-up rollup of the year, the
 * nightly rollup (one day), and p50/p95 of the dashboard's activity figures (this month, quarter and
 * year, each with its previous period and weeks, as the route runs them) and of the engagement list.
 * Goals (issue 16): requests p95 ≤ 100 ms, nightly rollup ≤ 60 s, on the PostgreSQL server:
 *
 *   ENISHI_TEST_TARGET=server TEST_DATABASE_URL=… TEST_DATABASE_APP_URL=… \
 *     node --import tsx bench/outcomes-activity.bench.ts [records=100000] [members=20000] [posts=1000000]
 *       [visits=1000000] [registrations=100000] [runs=30]
 */
import { sql } from 'drizzle-orm';
import { inTenant } from '../server/db/scope.js';
import { activitySource } from '../server/modules/outcomes/activity/activity-days.js';
import { activityFigures, activityWeeks } from '../server/modules/outcomes/activity/activity-figures.js';
import { addDays, japanDay } from '../server/modules/outcomes/activity/japan-days.js';
import { catchUpNetwork, rollUpDays } from '../server/modules/outcomes/activity/rollup.js';
import { loadWeights, memberEngagement } from '../server/modules/outcomes/engagement/engagement-score.js';
import { resolvePeriods } from '../server/modules/outcomes/period.js';
import { createTenant } from '../server/modules/tenancy/create-tenant.js';
import { startTestServer, testTarget } from '../server/test/harness.js';
import { analyzeAsOwner, percentile } from './bench-network.js';

const argument = (index: number, fallback: number) => Number(process.argv[index] ?? fallback);
const records = argument(2, 100_000);
const members = argument(3, 20_000);
const posts = argument(4, 1_000_000);
const visits = argument(5, 1_000_000);
const registrations = argument(6, 100_000);
const runs = argument(7, 30);

const pct = percentile;
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

const server = await startTestServer();

const analyze = () => analyzeAsOwner(server);
const db = server.deps.database.db;
const slug = `act-${Date.now().toString(36)}`;
let started = performance.now();
const { tenant } = await db.transaction((tx) =>
  createTenant(tx, {
    slug,
    nameJa: slug,
    nameEn: slug,
    owner: { email: `owner@${slug}.example`, displayName: 'O' },
  }),
);
const today = japanDay(new Date());
const yearAgo = `(now() - interval '365 days')`;
await db.execute(sql`insert into accounts (email, display_name)
  select 'm' || i || '@${sql.raw(slug)}.example', '会員 ' || i from generate_series(1, ${members}) i`);
await inTenant(db, tenant.id, async (tx) => {
  await tx.execute(sql`insert into memberships (tenant_id, account_id, role, display_name)
    select ${tenant.id}, a.id, 'alumnus', a.display_name from accounts a
    where a.email like ${`%@${slug}.example`} and a.email <> ${`owner@${slug}.example`}`);
  await tx.execute(sql`insert into alumni_records (tenant_id, family_name, given_name, status)
    select ${tenant.id}, '記録' || i, '太郎', 'record' from generate_series(1, ${records}) i`);
  const ids = sql`(select array_agg(id order by id) as a from memberships where tenant_id = ${tenant.id} and role = 'alumnus')`;
  await tx.execute(sql`insert into posts (tenant_id, author_id, body, body_html, created_at)
    select ${tenant.id}, m.a[1 + i % cardinality(m.a)], 'p', 'p', ${sql.raw(yearAgo)} + (i % 365) * interval '1 day' + (i % 86400) * interval '1 second'
    from generate_series(1, ${posts}) i, ${ids} m`);
  // A member's visits fall on distinct days: the k-th of member m on day 7k + (m + k) % 7 of the year.
  await tx.execute(sql`insert into activity_events (tenant_id, membership_id, kind, occurred_at, day)
    select ${tenant.id}, m.a[1 + i % cardinality(m.a)], 'visit', (d::timestamp + interval '12 hours') at time zone 'Asia/Tokyo', d
    from generate_series(0, ${visits} - 1) i, ${ids} m,
      lateral (select (${today}::date - ((7 * (i / cardinality(m.a)) + ((i % cardinality(m.a)) + i / cardinality(m.a)) % 7) % 365))::date as d) dd`);
  const [post] = (
    (await tx.execute(sql`select id from posts where tenant_id = ${tenant.id} limit 1`)) as unknown as {
      rows: { id: string }[];
    }
  ).rows;
  await tx.execute(sql`insert into comments (tenant_id, post_id, author_id, body, body_html, created_at)
    select ${tenant.id}, ${post!.id}, m.a[1 + (i * 7) % cardinality(m.a)], 'c', 'c', ${sql.raw(yearAgo)} + (i % 365) * interval '1 day'
    from generate_series(1, ${Math.round(posts / 5)}) i, ${ids} m`);
  const owner = sql`(select id from memberships where tenant_id = ${tenant.id} and role = 'owner')`;
  await tx.execute(sql`insert into events (tenant_id, title, starts_at, ends_at, format, created_by)
    select ${tenant.id}, 'イベント ' || i, ${sql.raw(yearAgo)} + i * interval '1 day', ${sql.raw(yearAgo)} + i * interval '1 day' + interval '2 hours', 'online', ${owner}
    from generate_series(1, 200) i`);
  await tx.execute(sql`insert into event_registrations (tenant_id, event_id, member_id, mode, status, seq, check_in_code, created_at, attended_at)
    select ${tenant.id}, e.id, m.a[1 + (e.n * 997 + j) % cardinality(m.a)], 'online', 'confirmed', j, 'c' || j, e.starts_at - interval '3 days',
      case when j % 2 = 0 then e.starts_at end
    from (select id, starts_at, row_number() over (order by starts_at) as n from events where tenant_id = ${tenant.id}) e,
      generate_series(1, ${Math.ceil(registrations / 200)}) j, ${ids} m`);
});
await analyze();
console.log(
  `seeded ${records.toLocaleString()} records, ${members.toLocaleString()} members, ${posts.toLocaleString()} posts, ${visits.toLocaleString()} visits, ${registrations.toLocaleString()} registrations in ${seconds(started)} s (${testTarget})`,
);

started = performance.now();
const days = await catchUpNetwork(
  server.deps,
  { id: tenant.id, createdAt: new Date(Date.now() - 366 * 86_400_000) },
  new Date(),
);
console.log(`catch-up rollup: ${days} days in ${seconds(started)} s`);
await analyze();

const nightly: number[] = [];
for (let i = 0; i < 5; i++) {
  const start = performance.now();
  await inTenant(db, tenant.id, (tx) => rollUpDays(tx, tenant.id, addDays(today, -1), addDays(today, -1)));
  nightly.push(performance.now() - start);
}
console.log(
  `nightly rollup (yesterday): p50 ${pct(nightly, 50).toFixed(0)} ms, max ${Math.max(...nightly).toFixed(0)} ms (5 runs)`,
);

const month = today.slice(0, 8);
const periods = {
  month: { from: `${month}01`, to: addDays(`${month}01`, 31).slice(0, 8) + '01' },
  quarter: { from: addDays(today, -90), to: addDays(today, 1) },
  year: { from: addDays(today, -364), to: addDays(today, 1) },
};
for (const [name, query] of Object.entries(periods)) {
  const resolved = resolvePeriods(query);
  const times: number[] = [];
  let active = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await inTenant(db, tenant.id, async (tx) => {
      const source = await activitySource(tx, tenant.id);
      active = (await activityFigures(tx, source, resolved.current)).activeMembers;
      await activityFigures(tx, source, resolved.previous);
      await activityWeeks(tx, source, resolved.current);
    });
    times.push(performance.now() - start);
  }
  console.log(
    `activity ${name} (${query.from}…${query.to}): active ${active.toLocaleString()}, p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms (${runs} runs)`,
  );
}
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  await inTenant(db, tenant.id, async (tx) => {
    const source = await activitySource(tx, tenant.id);
    await memberEngagement(tx, source, await loadWeights(tx, tenant.id), { limit: 50, offset: 0 });
  });
  times.push(performance.now() - start);
}
console.log(
  `engagement list (first 50): p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms (${runs} runs)`,
);
await server.stop();
