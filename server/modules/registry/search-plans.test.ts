import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/raw.js';
import { inTenant } from '../../db/scope.js';
import { personQuery } from '../../platform/japanese/person-search.js';
import { createTestTenant } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import type { RecordSort } from './record-query.js';
import { findRecordsPage, indexedMatches, indexedPageStatement } from './record-query.js';
import type { RecordFilter } from './schemas.js';
import { rebuildRecordIndex, recordTokenSource } from './search-index.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const families = [
  ['佐藤', 'サトウ', 'sato'],
  ['鈴木', 'スズキ', 'suzuki'],
  ['高橋', 'タカハシ', 'takahashi'],
  ['髙橋', 'タカハシ', 'takahashi'],
  ['田中', 'タナカ', 'tanaka'],
  ['伊藤', 'イトウ', 'ito'],
  ['渡邊', 'ワタナベ', 'watanabe'],
  ['大野', 'オオノ', 'ohno'],
  ['斉藤', 'サイトウ', 'saito'],
  ['山﨑', 'ヤマザキ', 'yamazaki'],
];
const givens = [
  ['真一', 'シンイチ'],
  ['美咲', 'ミサキ'],
  ['健太', 'ケンタ'],
  ['陽子', 'ヨウコ'],
  ['翔', 'ショウ'],
];
const tags = ['カムバック候補', '管理職経験', 'エンジニア', '営業'];
const departments = ['営業部', '開発本部', '人事部', '経営企画室'];
const ROWS = 3000;

/** A few thousand records of common names, with their index and planner statistics, as after an import. */
async function registry() {
  const { tenant } = await createTestTenant(server);
  const db = server.deps.database.db;
  await inTenant(db, tenant.id, async (tx) => {
    const json = JSON.stringify(
      Array.from({ length: ROWS }, (_, i) => {
        const [family, familyKana, romaji] = families[(i * 7) % families.length]!;
        const [given, givenKana] = givens[(i * 3) % givens.length]!;
        return {
          employeeNumber: `E${String(i).padStart(5, '0')}`,
          family,
          given,
          familyKana,
          givenKana,
          email: `${romaji}.${i}@example.jp`,
          tags: tags.filter((_, t) => (i + t) % 5 === 0),
          department: departments[i % departments.length],
        };
      }),
    );
    await tx.execute(sql`insert into alumni_records (tenant_id, employee_number, family_name, given_name,
        family_name_kana, given_name_kana, emails, hr_tags, last_department)
      select ${tenant.id}, e->>'employeeNumber', e->>'family', e->>'given', e->>'familyKana', e->>'givenKana',
        array[e->>'email'], array(select jsonb_array_elements_text(e->'tags')), e->>'department'
      from jsonb_array_elements(${json}::jsonb) e`);
    await rebuildRecordIndex(tx, tenant.id);
  });
  await db.execute(sql`select enishi_analyze_registry()`);
  return tenant.id;
}

const forms: RecordFilter[] = [
  { q: '佐藤' },
  { q: '高橋' },
  { q: '髙橋' },
  { q: 'さとう' },
  { q: 'タカハシ' },
  { q: 'ｻﾄｳ' },
  { q: '佐藤 真一' },
  { q: '佐藤真一' },
  { q: 'さとうしんいち' },
  { q: '真一' },
  { q: 'しんいち' },
  { q: '藤' },
  { q: '高' },
  { q: 'たか' },
  { q: 'はし' },
  { q: 'takahashi' },
  { q: 'TAKAHASHI' },
  { q: 'ｔａｋａｈａｓｈｉ' },
  { q: 'satoh' },
  { q: 'ono' },
  { q: 'sinichi' },
  { q: 'sato.1' },
  { q: 'E001' },
  { tag: 'エンジニア' },
  { department: '営業' },
  { q: '佐藤', tag: '営業' },
  { q: 'さとう', department: '開発' },
];

describe('registry search plans', () => {
  it('answers every search form from indexes: no sequential scan of the records for page or total', async () => {
    const tenantId = await registry();
    const db = server.deps.database.db;
    for (const filter of forms) {
      for (const sort of ['reading', 'leftOn', 'name'] as RecordSort[]) {
        const matches = indexedMatches(
          tenantId,
          filter,
          personQuery(recordTokenSource, tenantId, filter.q ?? ''),
        );
        expect(matches, JSON.stringify(filter)).not.toBeNull();
        // With sequential scans priced out, a Seq Scan left in the plan is one no index can replace; on a
        // few thousand rows the planner would otherwise rightly read small tables whole.
        const plan = await inTenant(db, tenantId, async (tx) => {
          await tx.execute(sql`set local enable_seqscan = off`);
          return queryRows<{ 'QUERY PLAN': string }>(
            tx,
            sql`explain ${indexedPageStatement(tenantId, matches!, { sort, limit: 20 })}`,
          );
        });
        const text = plan.map((row) => row['QUERY PLAN']).join('\n');
        expect(text, `${JSON.stringify(filter)} ${sort}\n${text}`).not.toMatch(
          /Seq Scan on (alumni_records|record_emails|record_search_postings)/,
        );
      }
    }
  });

  it('finds what the readings say for every form, with exact totals', async () => {
    const tenantId = await registry();
    const db = server.deps.database.db;
    const find = async (filter: RecordFilter) => {
      const page = await findRecordsPage(db, tenantId, { filter, sort: 'reading', limit: 200 });
      return { total: page.total, shown: page.records.length, sample: page.records[0] };
    };
    // Each family name is every tenth record; 高橋 and 髙橋 are one name for search.
    const perFamily = ROWS / families.length;
    expect((await find({ q: '佐藤' })).total).toBe(perFamily);
    expect((await find({ q: '高橋' })).total).toBe(2 * perFamily);
    expect((await find({ q: '髙橋' })).total).toBe(2 * perFamily);
    expect((await find({ q: 'takahashi' })).total).toBe(2 * perFamily);
    expect((await find({ q: 'ｔａｋａｈａｓｈｉ' })).total).toBe(2 * perFamily);
    expect((await find({ q: 'ohno' })).total).toBe(perFamily);
    // ono: オノ or, its long vowel unwritten, オオノ.
    expect((await find({ q: 'ono' })).total).toBe(perFamily);
    expect((await find({ q: 'satoh' })).total).toBe(perFamily);
    // sato is the start of サトウ; サイトウ is not found by it.
    expect((await find({ q: 'sato' })).total).toBe(perFamily);
    expect((await find({ q: 'さいとう' })).sample?.familyName).toBe('斉藤');
    expect((await find({ q: '斎藤' })).total).toBe(perFamily);
    expect((await find({ q: 'sinichi' })).total).toBe(ROWS / givens.length);
    expect((await find({ q: 'E0001' })).total).toBe(10);
    expect((await find({ q: 'sato.1' })).total).toBeGreaterThan(0);
    expect((await find({ tag: 'エンジニア' })).total).toBe(ROWS / 5);
    expect((await find({ department: '営業' })).total).toBe(ROWS / departments.length);
    expect((await find({ department: '営業部' })).total).toBe(ROWS / departments.length);
  });
});
