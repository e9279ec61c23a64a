/**
 * Surveys benchmark. (1) An anonymous survey of 20 questions (single, multiple, scale, NPS, texts) with
 * 50,000 submitted answers from 40 departments over 30 days and 60,000 people asked, made set-based
 * (the counting trigger runs on each); then p50/p95 over HTTP of the staff results, without and with
 * the department breakdown. Goal: p95 ≤ 100 ms on the PostgreSQL server. (2) The daily pulse run over
 * 100,000 registry records leaving across three years (a third with contact consent), stages at 3, 6
 * and 12 months: the first run (mails the due) and a second the same day (nothing new). Goal ≤ 5 s.
 * Embedded (PGlite) by default; ENISHI_TEST_TARGET=server with TEST_DATABASE_URL and
 * TEST_DATABASE_APP_URL runs it on a PostgreSQL server.
 *
 *   node --import tsx bench/surveys.bench.ts [answers=50000] [records=100000] [requests=100]
 */
import { sql } from 'drizzle-orm';
import { inTenant } from '../server/db/scope.js';
import { runPulses } from '../server/modules/surveys/run-pulses.js';
import { exitSurvey, wording } from '../server/modules/surveys/test-surveys.js';
import { tenantWithMember } from '../server/test/factories.js';
import { startTestServer, testTarget } from '../server/test/harness.js';
import { analyzeAsOwner, percentile } from './bench-network.js';

const answerCount = Number(process.argv[2] ?? 50_000);
const recordCount = Number(process.argv[3] ?? 100_000);
const requests = Number(process.argv[4] ?? 100);

const pct = percentile;
const seconds = (start: number) => `${((performance.now() - start) / 1000).toFixed(1)} s`;

const server = await startTestServer();

const analyze = () => analyzeAsOwner(server);
const db = server.deps.database.db;
const staff = await tenantWithMember(server, 'admin');
const tenantId = staff.tenant.id;
const base = `/api/v1/t/${staff.slug}/surveys`;

const option = (id: string) => ({ id, label: wording(`選択肢 ${id}`) });
const questions = Array.from({ length: 20 }, (_, i) => {
  const id = `q${i + 1}`;
  const text = wording(`質問 ${i + 1}`);
  if (i < 6) return { id, type: 'single', text, options: ['a', 'b', 'c'].map(option) };
  if (i < 9) return { id, type: 'multiple', text, options: ['a', 'b', 'c', 'd'].map(option) };
  if (i < 13) return { id, type: 'scale', text };
  if (i < 17) return { id, type: 'nps', text };
  return { id, type: 'long_text', text };
});

async function openSurvey(body: unknown): Promise<string> {
  const created = await staff.client.post<{ id: string }>(base, body);
  if (created.status !== 201) throw new Error(`survey not created: ${JSON.stringify(created.body)}`);
  await staff.client.post(`${base}/${created.body.id}/status`, { status: 'open' });
  return created.body.id;
}

// (1) Results.
const surveyId = await openSurvey({ ...exitSurvey('anonymous'), questions });
let started = performance.now();
await inTenant(db, tenantId, async (tx) => {
  const answer = (i: number) => {
    if (i <= 6) return sql`to_jsonb((array['a','b','c'])[1 + (n * ${i}) % 3])`;
    if (i <= 9) return sql`jsonb_build_array((array['a','b','c','d'])[1 + (n * ${i}) % 4], 'd')`;
    if (i <= 13) return sql`to_jsonb(1 + (n * ${i}) % 5)`;
    if (i <= 17) return sql`to_jsonb((n * ${i}) % 11)`;
    return sql`to_jsonb('自由記述の回答 ' || n || ' 番目')`;
  };
  const pairs = sql.join(
    questions.map((q, i) => sql`${q.id}::text, ${answer(i + 1)}`),
    sql`, `,
  );
  await tx.execute(sql`insert into survey_responses (tenant_id, survey_id, status, answers, facts, submitted_on)
    select ${tenantId}, ${surveyId}, 'submitted', jsonb_build_object(${pairs}),
      jsonb_build_object('department', '部署 ' || (n % 40), 'leftYear', 2015 + n % 11),
      current_date - (n % 30)
    from generate_series(1, ${answerCount}) n`);
  await tx.execute(sql`insert into programme_deliveries (tenant_id, programme_kind, programme_id, recipient_id,
      recipient_kind, record_id, channel, purpose, created_at)
    select ${tenantId}, 'survey', ${surveyId}, gen_random_uuid(), 'record', null, 'email', 'company_contact',
      now() - make_interval(days => n % 30)
    from generate_series(1, ${Math.round(answerCount * 1.2)}) n`);
});
await analyze();
console.log(`${answerCount} answers × 20 questions stored (with counts) in ${seconds(started)}`);

for (const by of ['', 'department'] as const) {
  const url = `${base}/${surveyId}/results${by ? `?by=${by}` : ''}`;
  const warm = await staff.client.get<{ responses: number }>(url);
  if (warm.status !== 200 || warm.body.responses !== answerCount)
    throw new Error(`unexpected results: ${warm.status} ${JSON.stringify(warm.body).slice(0, 200)}`);
  const times: number[] = [];
  for (let i = 0; i < requests; i += 1) {
    const start = performance.now();
    const response = await staff.client.get(url);
    times.push(performance.now() - start);
    if (response.status !== 200) throw new Error(`results failed: ${response.status}`);
  }
  console.log(
    `results${by ? ` by ${by}` : ''} over HTTP (${testTarget}): p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms (goal p95 ≤ 100 ms)`,
  );
}

// (2) The daily pulse run.
const stages = [];
for (const months of [3, 6, 12]) {
  stages.push({ months, surveyId: await openSurvey(exitSurvey('named')), windowDays: 30 });
}
const saved = await staff.client.put(`${base}/pulses`, { stages });
if (saved.status !== 200) throw new Error(`pulses not saved: ${JSON.stringify(saved.body)}`);
started = performance.now();
await inTenant(db, tenantId, (tx) =>
  tx.execute(sql`insert into alumni_records (tenant_id, family_name, given_name, emails, last_department,
      left_on, contact_consent, consent_source, status)
    select ${tenantId}, '記録' || n, '花子', array['p' || n || '@${sql.raw(staff.slug)}.example'],
      '部署 ' || (n % 40), current_date - (n % 1100),
      case when n % 3 = 0 then 'granted' else 'unknown' end, 'exit_survey', 'record'
    from generate_series(1, ${recordCount}) n`),
);
await analyze();
console.log(`${recordCount} records made in ${seconds(started)}`);
for (const label of ['first run', 'second run the same day']) {
  const start = performance.now();
  const reached = await runPulses(server.deps);
  console.log(`pulse run, ${label}: ${reached} reached in ${seconds(start)} (goal ≤ 5 s)`);
}
await server.stop();
