/**
 * Opportunities benchmark, over HTTP as the people involved wait for it: one network of 100,000
 * registry records (with their search postings) and 1,000 opportunities of every kind, status and
 * audience (everyone, a department segment, members open to job offers, would-return); then
 *   - an alumnus's 機会 tab (newest first, closing soonest first, one kind) and one opportunity's page,
 *   - HR's audience preview for a department segment and for everyone, members and records,
 * as p50/p95 over many requests. Embedded (PGlite) by default; ENISHI_TEST_TARGET=server with
 * TEST_DATABASE_URL and TEST_DATABASE_APP_URL runs it on a PostgreSQL server.
 *
 *   node --import tsx bench/opportunities.bench.ts [records=100000] [opportunities=1000] [requests=100]
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../server/db/raw.js';
import { inTenant } from '../server/db/scope.js';
import { rebuildRecordIndex } from '../server/modules/registry/search-index.js';
import { addTestMember, createTestTenant, signIn } from '../server/test/factories.js';
import { startTestServer, testTarget } from '../server/test/harness.js';
import { analyzeAsOwner, measure } from './bench-network.js';

const recordCount = Number(process.argv[2] ?? 100_000);
const opportunityCount = Number(process.argv[3] ?? 1_000);
const requests = Number(process.argv[4] ?? 100);

const server = await startTestServer();
const db = server.deps.database.db;
const started = performance.now();
const { tenant, slug } = await createTestTenant(server);
const hr = await addTestMember(server, tenant.id, 'admin', { displayName: '人事 一郎' });
const alumnus = await addTestMember(server, tenant.id, 'alumnus', { displayName: '佐藤 美咲' });
const departments = ['営業部', '技術部', '人事部', '経営企画部', '金融システム事業部', 'デジタル推進部'];

await inTenant(db, tenant.id, async (tx) => {
  await tx.execute(sql`insert into alumni_records (tenant_id, family_name, given_name, emails, last_department,
      would_return, eligibility, contact_consent, consent_source, status, left_on)
    select ${tenant.id}, (array['佐藤', '高橋', '鈴木', '田中', '渡辺'])[1 + i % 5] || i, '美咲',
      array['r' || i || '@' || ${slug} || '.example'],
      (${`{${departments.join(',')}}`}::text[])[1 + i % ${departments.length}],
      case when i % 7 = 0 then 'yes' else 'unanswered' end,
      case when i % 97 = 0 then 'not_eligible' else 'review' end,
      case when i % 3 = 0 then 'granted' when i % 3 = 1 then 'unknown' else 'withdrawn' end,
      'exit_survey', case when i % 97 = 0 then 'excluded' else 'record' end,
      date '2015-04-01' + (i % 3650)
    from generate_series(1, ${recordCount}) i`);
  // The alumnus's own record: in 営業部, would return, open to job offers.
  await tx.execute(sql`insert into alumni_records (tenant_id, family_name, given_name, emails, last_department,
      would_return, contact_consent, consent_source, status, membership_id)
    values (${tenant.id}, '佐藤', '美咲', array[${alumnus.email}], '営業部', 'yes', 'granted', 'exit_survey',
      'joined', ${alumnus.membership.id})`);
  await tx.execute(sql`insert into member_profiles (tenant_id, membership_id, intents)
    values (${tenant.id}, ${alumnus.membership.id}, array['job_info'])
    on conflict (tenant_id, membership_id) do update set intents = excluded.intents`);
  await rebuildRecordIndex(tx, tenant.id);
});

const segmentIds = await inTenant(db, tenant.id, (tx) =>
  queryRows<{ id: string }>(
    tx,
    sql`insert into segments (tenant_id, name, filter)
      select ${tenant.id}, d, jsonb_build_object('department', left(d, 2)) from unnest(${`{${departments.join(',')}}`}::text[]) d
      returning id`,
  ),
).then((rows) => rows.map((row) => row.id));

// Every kind, most open (some past their closing day), the rest drafts, closed or filled; audiences
// in turn: everyone, a segment, members open to job offers, would-return records and members.
const audiences = [
  null,
  ...segmentIds.map((segmentId) => ({ segmentId })),
  { openTo: ['job_info'] },
  { wouldReturn: true, records: true },
];
const body = `## 募集背景\n事業拡大に伴い、${'経験を活かしてご活躍いただける方を募集します。'.repeat(12)}`;
await inTenant(db, tenant.id, (tx) =>
  tx.execute(sql`insert into opportunities (tenant_id, kind, status, title, body, body_html, contact_name,
      closes_on, team, location, audience, created_by, opened_at, created_at)
    select ${tenant.id}, (array['job', 'comeback', 'collaboration'])[1 + i % 3],
      case when i % 10 < 7 then 'open' when i % 10 = 7 then 'draft' when i % 10 = 8 then 'closed' else 'filled' end,
      '募集 ' || i || '：プロダクトマネージャー', ${body}, '<p>' || ${body} || '</p>', '人事 一郎',
      case when i % 4 = 0 then null else current_date + (i % 120) - 20 end,
      'プロダクト開発部', '東京・リモート可',
      (${JSON.stringify(audiences)}::jsonb) -> (i % ${audiences.length}),
      ${hr.membership.id}, now() - make_interval(hours => i), now() - make_interval(hours => i)
    from generate_series(1, ${opportunityCount}) i`),
);
await db.execute(sql`select enishi_analyze_registry()`);
await analyzeAsOwner(server);
console.log(
  `seeded ${recordCount.toLocaleString('en')} records and ${opportunityCount.toLocaleString('en')} opportunities in ${((performance.now() - started) / 1000).toFixed(1)} s (${testTarget})`,
);

const member = await signIn(server, alumnus.email);
const staff = await signIn(server, hr.email);

const list = (query: string) => `/api/v1/t/${slug}/community/opportunities${query}`;
const shown = (body: { opportunities: unknown[] }) => `${body.opportunities.length} shown`;
// Warm the connection pool and the plans once, as a running server would be.
await member.get(list(''));
await measure('member: 機会, newest first', requests, () => member.get(list('')), shown);
await measure(
  'member: 機会, closing soonest first',
  requests,
  () => member.get(list('?sort=closing')),
  shown,
);
await measure('member: 機会, comeback roles only', requests, () => member.get(list('?kind=comeback')), shown);
const first = (await member.get<{ opportunities: { id: string }[] }>(list(''))).body.opportunities[0]!;
await measure(
  'member: one opportunity',
  requests,
  () => member.get(list(`/${first.id}`)),
  () => 'page',
);

const preview = (spec: Record<string, unknown>) => () =>
  staff.post(`/api/v1/t/${slug}/programmes/audience/preview`, {
    spec,
    purpose: 'company_contact',
    channel: 'email',
  });
const reached = (body: { reached: number }) => `reaches ${body.reached.toLocaleString('en')}`;
await measure(
  'HR: audience preview, a department segment',
  requests,
  preview({ records: true, segmentId: segmentIds[0] }),
  reached,
);
await measure('HR: audience preview, everyone', requests, preview({ records: true }), reached);
await measure(
  'HR: audience preview, would-return',
  requests,
  preview({ records: true, wouldReturn: true }),
  reached,
);
await server.stop();
