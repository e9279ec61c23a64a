/**
 * Registry benchmark: a generated CP932 file through upload, dry run and apply, then search latency
 * over the imported records. Embedded (PGlite) by default; ENISHI_TEST_TARGET=server with
 * TEST_DATABASE_URL (and TEST_DATABASE_APP_URL) runs it on a PostgreSQL server.
 *
 *   npx tsx bench/registry.bench.ts [rows=100000] [searches=200]
 *
 * BENCH_PROFILE=<file.cpuprofile> writes a CPU profile of the dry run (open it in Chrome's DevTools).
 */
import { createReadStream, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, sql } from 'drizzle-orm';
import { queryRows } from '../server/db/raw.js';
import { alumniRecords } from '../server/db/schema/index.js';
import { inTenant } from '../server/db/scope.js';
import { applyImport, finishAppliedImport } from '../server/modules/registry/import/apply-import.js';
import { checkImport } from '../server/modules/registry/import/check-import.js';
import { createImport } from '../server/modules/registry/import/imports.js';
import {
  countRecords,
  findRecordsPage,
  recordFilterConditions,
} from '../server/modules/registry/record-query.js';
import { createTenant } from '../server/modules/tenancy/create-tenant.js';
import { startTestServer, testTarget } from '../server/test/harness.js';
import { writeLeaversCsv } from './generate-leavers.js';

const rows = Number(process.argv[2] ?? 100_000);
const searches = Number(process.argv[3] ?? 200);

let peakRss = 0;
let peakHeap = 0;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}, 20);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const resetPeaks = () => {
  global.gc?.();
  const m = process.memoryUsage();
  peakRss = m.rss;
  peakHeap = m.heapUsed;
};
async function timed<T>(label: string, work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  resetPeaks();
  const start = performance.now();
  const value = await work();
  const ms = performance.now() - start;
  console.log(
    `${label.padEnd(10)} ${(ms / 1000).toFixed(2).padStart(7)} s  ${Math.round(rows / (ms / 1000))
      .toLocaleString('en')
      .padStart(8)} rows/s  peak RSS ${mb(peakRss)}, peak heap ${mb(peakHeap)}`,
  );
  return { value, ms };
}

const dir = mkdtempSync(path.join(tmpdir(), 'enishi-bench-'));
const file = path.join(dir, 'leavers-cp932.csv');
await writeLeaversCsv(file, rows);
console.log(
  `registry bench: ${rows.toLocaleString('en')} rows, ${mb(statSync(file).size)} CP932 file, database: ${testTarget}`,
);

const server = await startTestServer();
const db = server.deps.database.db;
const { tenant } = await db.transaction((tx) =>
  createTenant(tx, {
    slug: 'bench',
    nameJa: 'ベンチ株式会社',
    nameEn: 'Bench Corp',
    owner: { email: 'owner@bench.example', displayName: 'Owner' },
  }),
);
// A second network with its own records, so isolation is part of what is measured.
const { tenant: other } = await db.transaction((tx) =>
  createTenant(tx, {
    slug: 'other',
    nameJa: '他社',
    nameEn: 'Other',
    owner: { email: 'owner@other.example', displayName: 'Owner' },
  }),
);

const upload = await timed('upload', () =>
  createImport(
    server.deps,
    tenant.id,
    { membershipId: null },
    { fileName: 'leavers.csv', body: createReadStream(file) },
  ),
);
const profiler = process.env.BENCH_PROFILE ? new Session() : null;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
}
const checkCpu = process.cpuUsage();
const check = await timed('dry run', () => checkImport(db, tenant.id, upload.value.id));
const { user, system } = process.cpuUsage(checkCpu);
// On the server target the rest of the wall time is PostgreSQL's (and waiting for it).
console.log(
  `           this process's CPU: ${(user / 1000).toFixed(0)} ms user, ${(system / 1000).toFixed(0)} ms system`,
);
if (profiler) {
  const { profile } = await profiler.post('Profiler.stop');
  writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify(profile));
  profiler.disconnect();
}
console.log(`           counts ${JSON.stringify(check.value)}`);
const apply = await timed('apply', () =>
  applyImport(server.deps, tenant.id, upload.value.id, { membershipId: null }),
);
const index = await inTenant(db, tenant.id, (tx) =>
  queryRows<{ lists: number; entries: number; emails: number }>(
    tx,
    sql`select (select count(*)::int from record_search_postings) as lists,
      (select coalesce(sum(cardinality(record_ids)), 0)::int from record_search_postings) as entries,
      (select count(*)::int from record_emails) as emails`,
  ),
);
console.log(
  `           search index: ${index[0]!.lists.toLocaleString('en')} posting lists holding ${index[0]!.entries.toLocaleString('en')} entries, ${index[0]!.emails.toLocaleString('en')} addresses`,
);
// Queued by the apply and run by a job after it commits: the records are searchable before it starts.
const after = performance.now();
await finishAppliedImport(db, tenant.id, upload.value.id);
const finishMs = performance.now() - after;
console.log(
  `after      ${(finishMs / 1000).toFixed(2).padStart(7)} s  statistics and staged rows removed, by a job once the apply has committed`,
);
// The two figures issue #11's goals name: the dry run alone, and what `registry import --apply` does.
const wholeMs = upload.ms + check.ms + apply.ms + finishMs;
console.log(
  `FIGURES    dry run ${Math.round(rows / (check.ms / 1000)).toLocaleString('en')} rows/s; whole --apply (upload + dry run + apply + finish) ${(wholeMs / 1000).toFixed(2)} s = ${Math.round(rows / (wholeMs / 1000)).toLocaleString('en')} rows/s`,
);
const otherUpload = await createImport(
  server.deps,
  other.id,
  { membershipId: null },
  { fileName: 'o.csv', body: createReadStream(file) },
);
await checkImport(db, other.id, otherUpload.id);
await applyImport(server.deps, other.id, otherUpload.id, { membershipId: null });
await finishAppliedImport(db, other.id, otherUpload.id);
console.log(
  `total      ${((upload.ms + check.ms + apply.ms) / 1000).toFixed(2).padStart(7)} s  ${Math.round(
    rows / ((upload.ms + check.ms + apply.ms) / 1000),
  )
    .toLocaleString('en')
    .padStart(8)} rows/s end to end`,
);

// Search: the registry table's request (first page + total), as HR types it.
// Names, readings in every kana form, old kanji, a single kanji, an employee number, an address.
const queries = [
  '田中',
  '高橋',
  'たなか',
  'ﾀｶﾊｼ',
  '斎藤 恵',
  'やまざき しょうた',
  '崎',
  'B1012345',
  'leaver4242@example.jp',
  '長谷川 翔太',
  'こんどう',
  'ふじた',
];
// A single kana matches a large share of any registry; it is reported on its own.
const oneKana = 'サ';
// Each query once first, not counted: a new connection's first statements read the catalogs.
for (const q of queries) await findRecordsPage(db, tenant.id, { filter: { q }, sort: 'reading', limit: 50 });
const latencies: number[] = [];
for (let i = 0; i < searches; i++) {
  const q = queries[i % queries.length]!;
  const start = performance.now();
  await findRecordsPage(db, tenant.id, { filter: { q }, sort: 'reading', limit: 50 });
  latencies.push(performance.now() - start);
}
const filtered: number[] = [];
for (let i = 0; i < searches / 4; i++) {
  const filter = {
    leftFrom: 2010 + (i % 10),
    leftTo: 2016 + (i % 10),
    consent: ['granted' as const],
    wouldReturn: ['yes' as const],
  };
  const start = performance.now();
  await findRecordsPage(db, tenant.id, { filter, sort: 'leftOn', limit: 50 });
  filtered.push(performance.now() - start);
}
const pct = (list: number[], p: number) =>
  [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor((p / 100) * list.length))]!;
console.log(
  `search     ${latencies.length} queries (first page of 50 + total)  p50 ${pct(latencies, 50).toFixed(1)} ms  p95 ${pct(latencies, 95).toFixed(1)} ms  max ${Math.max(...latencies).toFixed(1)} ms`,
);
const kana: number[] = [];
for (let i = 0; i < 10; i++) {
  const start = performance.now();
  await findRecordsPage(db, tenant.id, { filter: { q: oneKana }, sort: 'reading', limit: 50 });
  kana.push(performance.now() - start);
}
console.log(`one kana   "${oneKana}" (first page + total)  p50 ${pct(kana, 50).toFixed(1)} ms`);
console.log(
  `filters    ${filtered.length} queries (leave years + consent + would return)  p50 ${pct(filtered, 50).toFixed(1)} ms  p95 ${pct(filtered, 95).toFixed(1)} ms`,
);
for (const q of [...queries, oneKana]) {
  const start = performance.now();
  const total = await inTenant(db, tenant.id, (tx) => countRecords(tx, tenant.id, { q }));
  console.log(
    `           ${q.padEnd(16)} ${String(total).padStart(6)} matches  ${(performance.now() - start).toFixed(1)} ms`,
  );
}

if (process.env.BENCH_EXPLAIN) {
  for (const q of ['斎藤 恵', 'B1012345']) {
    const plan = await inTenant(db, tenant.id, (tx) =>
      queryRows<{ 'QUERY PLAN': string }>(
        tx,
        sql`explain analyze select * from ${alumniRecords} where ${and(...recordFilterConditions(tenant.id, { q }))} order by reading_key, id limit 51`,
      ),
    );
    console.log(`plan for ${q}:\n${plan.map((row) => row['QUERY PLAN']).join('\n')}`);
  }
}

clearInterval(sampler);
await server.stop();
void apply;
