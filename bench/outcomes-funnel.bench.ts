/**
 * Outcomes funnel benchmark: one network of 100,000 registry records leaving over ten years from 40
 * departments with every leave reason, a third with contact consent, a quarter invited, a fifth joined
 * (half of them active in the last 30 days), all written set-based. Then p50/p95 over HTTP of the
 * dashboard's funnel for this year: the whole registry, broken down by leaving year, department and
 * leave reason, and one cohort. Goal (issue 16): p95 ≤ 100 ms on the PostgreSQL server:
 *
 *   ENISHI_TEST_TARGET=server TEST_DATABASE_URL=… TEST_DATABASE_APP_URL=… \
 *     node --import tsx bench/outcomes-funnel.bench.ts [records=100000] [runs=30]
 */
import { sql } from 'drizzle-orm';
import { leaveReasons } from '../server/db/schema/index.js';
import { inTenant } from '../server/db/scope.js';
import { tenantWithMember } from '../server/test/factories.js';
import { startTestServer, testTarget } from '../server/test/harness.js';
import { analyzeAsOwner, percentile } from './bench-network.js';

const records = Number(process.argv[2] ?? 100_000);
const runs = Number(process.argv[3] ?? 30);
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

const server = await startTestServer();
const db = server.deps.database.db;
const staff = await tenantWithMember(server, 'admin');
const tenantId = staff.tenant.id;
const slug = staff.slug;
const joined = Math.floor(records / 5);
let started = performance.now();

await db.execute(sql`insert into accounts (email, display_name)
  select 'f' || i || '@${sql.raw(slug)}.example', '会員 ' || i from generate_series(1, ${joined}) i`);
await inTenant(db, tenantId, async (tx) => {
  await tx.execute(sql`insert into memberships (tenant_id, account_id, role, display_name, created_at)
    select ${tenantId}, a.id, 'alumnus', a.display_name, now() - random() * 700 * interval '1 day'
    from accounts a where a.email like ${`%@${slug}.example`}`);
  const reasons = sql.raw(`array[${leaveReasons.map((reason) => `'${reason}'`).join(',')}]`);
  // Record i leaves on day i of ten years, in department i % 40; the first fifth are the members.
  await tx.execute(sql`insert into alumni_records (tenant_id, family_name, given_name, status, left_on,
      last_department, leave_reason, contact_consent, consent_at, membership_id, created_at)
    select ${tenantId}, '記録' || i, '太郎', case when m.id is not null then 'joined' else 'record' end,
      date '2016-01-01' + (i % 3650), '部署 ' || (i % 40), (${reasons})[1 + i % cardinality(${reasons})],
      case when i % 3 = 0 or m.id is not null then 'granted' else 'unknown' end,
      case when i % 3 = 0 or m.id is not null then now() - interval '400 days' end,
      m.id, now() - interval '800 days' + (i % 700) * interval '1 day'
    from generate_series(1, ${records}) i
    left join (select id, row_number() over (order by id) as n from memberships
      where tenant_id = ${tenantId} and role = 'alumnus') m on m.n = i`);
  await tx.execute(sql`insert into invitations (tenant_id, record_id, email, token_hash, locale, subject, body,
      status, source, expires_at, joined_at, created_at)
    select ${tenantId}, r.id, 'r' || r.family_name || '@${sql.raw(slug)}.example', md5(r.id::text), 'ja', 'ご招待', '本文',
      case when r.membership_id is not null then 'joined' else 'sent' end,
      (array['staff','referral','join_request'])[1 + abs(hashtext(r.id::text)) % 3],
      now() + interval '30 days', case when r.membership_id is not null then r.created_at + interval '3 days' end,
      r.created_at + interval '1 day'
    from alumni_records r where r.tenant_id = ${tenantId} and (r.membership_id is not null or abs(hashtext(r.id::text)) % 20 = 0)`);
  // Half the members opened the community on one of the last 30 days.
  await tx.execute(sql`insert into activity_events (tenant_id, membership_id, kind, occurred_at, day)
    select ${tenantId}, m.id, 'visit', now() - (n % 30) * interval '1 day',
      ((now() - (n % 30) * interval '1 day') at time zone 'Asia/Tokyo')::date
    from (select id, row_number() over (order by id) as n from memberships
      where tenant_id = ${tenantId} and role = 'alumnus') m where n % 2 = 0`);
});
await analyzeAsOwner(server);
console.log(
  `seeded ${records.toLocaleString()} records, ${joined.toLocaleString()} members in ${seconds(started)} s (${testTarget})`,
);

const year = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 4);
const period = { from: `${year}-01-01`, to: `${Number(year) + 1}-01-01` };
const views: [string, Record<string, string>][] = [
  ['whole registry', {}],
  ['by leaving year', { by: 'leftYear' }],
  ['by department', { by: 'department' }],
  ['by leave reason', { by: 'leaveReason' }],
  ['cohort 2019 × 部署 7', { leftYear: '2019', department: '部署 7' }],
];
for (const [name, cohort] of views) {
  const url = `/api/v1/t/${slug}/outcomes/funnel?${new URLSearchParams({ ...period, ...cohort })}`;
  const warm = await staff.client.get<{ steps: { step: string; current: { value: number | null } }[] }>(url);
  if (warm.status !== 200) throw new Error(`${name}: ${warm.status}`);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    started = performance.now();
    await staff.client.get(url);
    times.push(performance.now() - started);
  }
  const steps = warm.body.steps.map((step) => `${step.step} ${step.current.value ?? '<5'}`).join(', ');
  console.log(
    `funnel ${name}: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms (${runs} runs; ${steps})`,
  );
}
await server.stop();
