/**
 * Audience benchmark: one network of 100,000 registry records (a third with contact consent, a few
 * excluded, some bounced addresses) and 5,000 members with profiles and consent ledger entries, a
 * segment by department; then p50/p95 of the staff preview (summariseAudience: counts per reason and
 * a few names each) for several specs, each in one tenant-scoped transaction as the route runs it.
 * Embedded (PGlite) by default; ENISHI_TEST_TARGET=server with TEST_DATABASE_URL and
 * TEST_DATABASE_APP_URL runs it on a PostgreSQL server.
 *
 *   node --import tsx bench/audience.bench.ts [records=100000] [members=5000] [runs=30]
 */
import { sql } from 'drizzle-orm';
import { accounts, memberships } from '../server/db/schema/index.js';
import { inTenant } from '../server/db/scope.js';
import {
  type AudienceSpecInput,
  AudienceSpecSchema,
} from '../server/modules/programmes/audience/audience-spec.js';
import { summariseAudience } from '../server/modules/programmes/audience/summarise-audience.js';
import { createTenant } from '../server/modules/tenancy/create-tenant.js';
import { startTestServer, testTarget } from '../server/test/harness.js';

const recordCount = Number(process.argv[2] ?? 100_000);
const memberCount = Number(process.argv[3] ?? 5_000);
const runs = Number(process.argv[4] ?? 30);

const pct = (list: number[], p: number) =>
  [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor((p / 100) * list.length))]!;

const server = await startTestServer();
const db = server.deps.database.db;
const slug = `aud-${Date.now().toString(36)}`;
const started = performance.now();
const { tenant } = await db.transaction((tx) =>
  createTenant(tx, {
    slug,
    nameJa: slug,
    nameEn: slug,
    owner: { email: `owner@${slug}.example`, displayName: 'Owner' },
  }),
);
await inTenant(db, tenant.id, (tx) =>
  tx.execute(sql`insert into alumni_records (tenant_id, family_name, given_name, emails, last_department,
      would_return, eligibility, contact_consent, consent_source, status)
    select ${tenant.id}, '記録' || i, '太郎', array['r' || i || '@${sql.raw(slug)}.example'],
      (array['営業部', '技術部', '人事部', '経営企画部'])[1 + i % 4],
      case when i % 7 = 0 then 'yes' else 'unanswered' end,
      case when i % 97 = 0 then 'not_eligible' else 'review' end,
      case when i % 3 = 0 then 'granted' when i % 3 = 1 then 'unknown' else 'withdrawn' end,
      'exit_survey', case when i % 97 = 0 then 'excluded' else 'record' end
    from generate_series(1, ${recordCount}) i`),
);
await db.execute(sql`insert into mail_suppressions (email, reason)
  select 'r' || i || '@${sql.raw(slug)}.example', 'bounced' from generate_series(1, ${recordCount}, 101) i
  on conflict do nothing`);
for (let i = 0; i < memberCount; i += 5000) {
  const count = Math.min(5000, memberCount - i);
  const created = await db
    .insert(accounts)
    .values(
      Array.from({ length: count }, (_, j) => ({
        email: `m${i + j}@${slug}.example`,
        displayName: `会員 ${i + j}`,
      })),
    )
    .returning({ id: accounts.id });
  await inTenant(db, tenant.id, async (tx) => {
    const rows = await tx
      .insert(memberships)
      .values(
        created.map((a, j) => ({
          tenantId: tenant.id,
          accountId: a.id,
          role: (i + j) % 50 === 0 ? ('employee' as const) : ('alumnus' as const),
          displayName: `会員 ${i + j}`,
        })),
      )
      .returning({ id: memberships.id });
    const ids = `{${rows.map((r) => r.id).join(',')}}`;
    await tx.execute(sql`insert into member_profiles (tenant_id, membership_id, company_news, intents)
      select ${tenant.id}, id, n % 2 = 0, case when n % 5 = 0 then array['job_info'] else '{}'::text[] end
      from unnest(${ids}::uuid[]) with ordinality as u(id, n)`);
    await tx.execute(sql`insert into consent_events (tenant_id, membership_id, purpose, granted, policy_version, source)
      select ${tenant.id}, id, 'company_news', n % 2 = 0, '2026-11', 'onboarding'
      from unnest(${ids}::uuid[]) with ordinality as u(id, n)`);
  });
}
const segmentId = await inTenant(db, tenant.id, async (tx) => {
  const rows = (await tx.execute(sql`insert into segments (tenant_id, name, filter)
    values (${tenant.id}, '営業部', '{"department":"営業"}'::jsonb) returning id`)) as unknown as {
    rows: { id: string }[];
  };
  return rows.rows[0]!.id;
});
await db.execute(sql`select enishi_analyze_registry()`);
await db.execute(sql`select enishi_analyze_community()`).catch(() => undefined);
if (testTarget === 'server') await db.execute(sql`vacuum analyze`).catch(() => undefined);
console.log(
  `seeded ${recordCount.toLocaleString()} records and ${memberCount.toLocaleString()} members in ${((performance.now() - started) / 1000).toFixed(1)} s (${testTarget})`,
);

const cases: [string, AudienceSpecInput][] = [
  ['members + records, company_news, e-mail', { records: true }],
  ['members + records in a segment', { records: true, segmentId }],
  ['would-return members + records', { records: true, wouldReturn: true }],
  ['members open to job info', { openTo: ['job_info'] }],
];
for (const [name, input] of cases) {
  const spec = AudienceSpecSchema.parse(input);
  const times: number[] = [];
  let reached = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const summary = await inTenant(db, tenant.id, (tx) =>
      summariseAudience({ tx, tenant: { id: tenant.id } }, spec, {
        purpose: 'company_news',
        channel: 'email',
      }),
    );
    times.push(performance.now() - start);
    reached = summary.reached;
  }
  console.log(
    `${name}: reached ${reached.toLocaleString()}, p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms (${runs} runs)`,
  );
}
await server.stop();
