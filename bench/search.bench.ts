/**
 * Registry search on common names: 50 query forms over HTTP (first page of 20 and the total), kana
 * forms apart, the tag filter, and each form's recall against a ground truth computed from the
 * generated people's readings. Embedded (PGlite) by default; ENISHI_TEST_TARGET=server with
 * TEST_DATABASE_URL and TEST_DATABASE_APP_URL runs it on a PostgreSQL server.
 *
 *   node --import tsx bench/search.bench.ts [rows=100000] [rounds=3]
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../server/db/raw.js';
import { inTenant } from '../server/db/scope.js';
import { indexedMatches } from '../server/modules/registry/record-query.js';
import { rebuildRecordIndex, recordTokenSource } from '../server/modules/registry/search-index.js';
import { personQuery } from '../server/platform/japanese/person-search.js';
import { plainReading, searchKey } from '../server/platform/japanese/text.js';
import { addTestMember, createTestTenant, signIn } from '../server/test/factories.js';
import { startTestServer, testTarget } from '../server/test/harness.js';
import { type CommonLeaver, commonLeaver, commonTags } from './common-names.js';

const rows = Number(process.argv[2] ?? 100_000);
const rounds = Number(process.argv[3] ?? 3);

const server = await startTestServer();
const db = server.deps.database.db;
const { tenant, slug } = await createTestTenant(server);

const people: CommonLeaver[] = Array.from({ length: rows }, (_, i) => commonLeaver(i));
const seedStart = performance.now();
for (let start = 0; start < rows; start += 10_000) {
  const json = JSON.stringify(people.slice(start, start + 10_000));
  await inTenant(db, tenant.id, (tx) =>
    tx.execute(sql`insert into alumni_records (tenant_id, employee_number, family_name, given_name,
        family_name_kana, given_name_kana, emails, hr_tags, last_department, left_on)
      select ${tenant.id}, e->>'employeeNumber', e->>'familyName', e->>'givenName', e->>'familyNameKana',
        e->>'givenNameKana', array[e->>'email'], array(select jsonb_array_elements_text(e->'hrTags')),
        e->>'lastDepartment', (e->>'leftOn')::date
      from jsonb_array_elements(${json}::jsonb) e`),
  );
}
await inTenant(db, tenant.id, (tx) => rebuildRecordIndex(tx, tenant.id));
await db.execute(sql`select enishi_analyze_registry()`);
if (testTarget === 'server') await db.execute(sql`vacuum analyze`).catch(() => undefined);
console.log(
  `search bench: ${rows.toLocaleString('en')} common-name records on ${testTarget}, seeded and indexed in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
);

const wholeReading = (p: CommonLeaver) => plainReading(`${p.familyNameKana}${p.givenNameKana}`);
const readingStarts = (p: CommonLeaver, reading: string) =>
  wholeReading(p).startsWith(reading) || plainReading(p.givenNameKana).startsWith(reading);
const nameHas = (p: CommonLeaver, text: string) =>
  searchKey(`${p.familyName}${p.givenName}`).includes(searchKey(text));

type Form = {
  q: string;
  kind: 'kanji' | 'kana' | 'romaji' | 'partial' | 'ascii';
  truth: (p: CommonLeaver) => boolean;
};
const kanji = (q: string): Form => ({
  q,
  kind: 'kanji',
  truth: (p) => q.split(' ').every((t) => nameHas(p, t)),
});
const kana = (q: string): Form => ({
  q,
  kind: 'kana',
  truth: (p) => q.split(' ').every((t) => readingStarts(p, plainReading(t))),
});
const romaji = (q: string, ...readings: string[]): Form => ({
  q,
  kind: 'romaji',
  truth: (p) => readings.some((r) => readingStarts(p, r)),
});
const forms: Form[] = [
  kanji('佐藤'),
  kanji('鈴木'),
  kanji('高橋'),
  kanji('髙橋'),
  kanji('田中'),
  kanji('渡辺'),
  kanji('渡邊'),
  kanji('斎藤'),
  kanji('齋藤'),
  kanji('山崎'),
  kanji('山﨑'),
  kanji('佐々木'),
  kanji('長谷川'),
  kanji('佐藤 美咲'),
  kanji('佐藤美咲'),
  kanji('高橋 真一'),
  kanji('真一'),
  kanji('美咲'),
  kana('さとう'),
  kana('サトウ'),
  kana('ｻﾄｳ'),
  kana('たかはし'),
  kana('タカハシ'),
  kana('わたなべ'),
  kana('さいとう'),
  kana('やまざき'),
  kana('さとう みさき'),
  kana('さとうみさき'),
  kana('しんいち'),
  kana('たか'),
  kana('はし'),
  { q: '高', kind: 'partial', truth: (p) => nameHas(p, '高') },
  { q: '藤', kind: 'partial', truth: (p) => nameHas(p, '藤') },
  { q: '橋', kind: 'partial', truth: (p) => nameHas(p, '橋') },
  romaji('takahashi', 'タカハシ'),
  romaji('Takahashi', 'タカハシ'),
  romaji('TAKAHASHI', 'タカハシ'),
  romaji('ｔａｋａｈａｓｈｉ', 'タカハシ'),
  romaji('sato', 'サトウ'),
  romaji('satou', 'サトウ'),
  romaji('satoh', 'サトウ'),
  romaji('ohno', 'オオノ'),
  romaji('ono', 'オオノ'),
  romaji('shinichi', 'シンイチ'),
  romaji('sinichi', 'シンイチ'),
  romaji('watanabe', 'ワタナベ'),
  romaji('saito', 'サイトウ'),
  { q: 'misaki.sato', kind: 'ascii', truth: (p) => p.email.startsWith('misaki.sato') },
  { q: 'C00001', kind: 'ascii', truth: (p) => p.employeeNumber.startsWith('C00001') },
  { q: 'c000123', kind: 'ascii', truth: (p) => p.employeeNumber.startsWith('C000123') },
];

const idOf = new Map(
  (
    await inTenant(db, tenant.id, (tx) =>
      queryRows<{ id: string; employee_number: string }>(
        tx,
        sql`select id, employee_number from alumni_records`,
      ),
    )
  ).map((row) => [row.employee_number, row.id]),
);

// Recall (and what else was found) per form, against the people's own readings and names.
const recalls: { q: string; kind: string; truth: number; found: number; recall: number }[] = [];
for (const form of forms) {
  const matches = indexedMatches(tenant.id, { q: form.q }, personQuery(recordTokenSource, tenant.id, form.q));
  const found = new Set(
    matches
      ? (
          await inTenant(db, tenant.id, (tx) =>
            queryRows<{ owner: string }>(tx, sql`select owner from (${matches}) m`),
          )
        ).map((row) => row.owner)
      : [],
  );
  const truth = people.filter(form.truth).map((p) => idOf.get(p.employeeNumber)!);
  const hit = truth.filter((id) => found.has(id)).length;
  recalls.push({
    q: form.q,
    kind: form.kind,
    truth: truth.length,
    found: found.size,
    recall: truth.length ? hit / truth.length : 1,
  });
}

console.log('recall per form (matches found / ground truth):');
for (const r of recalls) {
  console.log(
    `  ${r.kind.padEnd(7)} ${r.q.padEnd(16)} truth ${String(r.truth).padStart(6)}  found ${String(r.found).padStart(6)}  recall ${r.recall.toFixed(3)}`,
  );
}
console.log(`lowest recall: ${Math.min(...recalls.map((r) => r.recall)).toFixed(3)}`);

// Signed in only now: a connection kept open through the seeding would be closed under the first request.
const admin = await addTestMember(server, tenant.id, 'admin');
const client = await signIn(server, admin.email);

const pct = (list: number[], p: number) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const median = (list: number[]) => pct(list, 50);
async function timedGet(path: string) {
  const start = performance.now();
  const response = await client.get<{ total: number }>(path);
  if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
  return performance.now() - start;
}

const base = `/api/v1/t/${slug}/registry/records?limit=20`;
// Warm-up, then `rounds` rounds: each form three times per round.
for (const form of forms) await timedGet(`${base}&q=${encodeURIComponent(form.q)}`);
const summary: Record<string, number[]> = { all50: [], all95: [], kana95: [], tag50: [], tag95: [] };
for (let round = 0; round < rounds; round++) {
  const all: number[] = [];
  const kanaTimes: number[] = [];
  for (let repeat = 0; repeat < 3; repeat++) {
    for (const form of forms) {
      const ms = await timedGet(`${base}&q=${encodeURIComponent(form.q)}`);
      all.push(ms);
      if (form.kind === 'kana') kanaTimes.push(ms);
    }
  }
  const tags: number[] = [];
  for (let repeat = 0; repeat < 3; repeat++) {
    for (const tag of commonTags) tags.push(await timedGet(`${base}&tag=${encodeURIComponent(tag)}`));
  }
  summary.all50!.push(pct(all, 50));
  summary.all95!.push(pct(all, 95));
  summary.kana95!.push(pct(kanaTimes, 95));
  summary.tag50!.push(pct(tags, 50));
  summary.tag95!.push(pct(tags, 95));
}
const fmt = (list: number[]) =>
  `${median(list).toFixed(1)} ms (rounds: ${list.map((v) => v.toFixed(1)).join(' / ')})`;
console.log(`HR search over HTTP, ${forms.length} forms × 3 per round, medians of ${rounds} rounds:`);
console.log(`  all forms  p50 ${fmt(summary.all50!)}   p95 ${fmt(summary.all95!)}`);
console.log(`  kana forms p95 ${fmt(summary.kana95!)}`);
console.log(`  tag filter p50 ${fmt(summary.tag50!)}   p95 ${fmt(summary.tag95!)}`);
await server.stop();
