import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/raw.js';
import { inTenant } from '../../db/scope.js';
import type { TestClient } from '../../test/client.js';
import { tenantWithMember } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { countRecords, findRecordsPage, listRecords } from './record-query.js';
import { rebuildRecordIndex } from './search-index.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Row = { id: string; familyName: string; givenName: string };
type Import = { id: string; mapping: Record<string, string>; counts: Record<string, number> | null };

const search = async (client: TestClient, slug: string, q: string) =>
  (
    await client.get<{ records: Row[] }>(`/api/v1/t/${slug}/registry/records?q=${encodeURIComponent(q)}`)
  ).body.records
    .map((r) => `${r.familyName} ${r.givenName}`)
    .sort();

async function importCsv(client: TestClient, slug: string, csv: string) {
  const uploaded = await client.upload<Import>(
    `/api/v1/t/${slug}/registry/imports?fileName=leavers.csv`,
    Buffer.from(csv),
  );
  await client.post(`/api/v1/t/${slug}/registry/imports/${uploaded.body.id}/check`, {
    mapping: uploaded.body.mapping,
  });
  await server.deps.jobs.drain();
  const applied = await client.post(`/api/v1/t/${slug}/registry/imports/${uploaded.body.id}/apply`);
  expect(applied.status).toBe(202);
  await server.deps.jobs.drain();
  return uploaded.body.id;
}

/** The index as stored: each posting list (ids with the reading keys held beside them) sorted, and every address. */
async function indexOf(tenantId: string) {
  return inTenant(server.deps.database.db, tenantId, async (tx) => ({
    postings: await queryRows<{ token: string; ids: string[] }>(
      tx,
      sql`select token, array(select u.id::text || ' ' || coalesce(u.key, '(none)')
          from unnest(record_ids, reading_keys) u(id, key) order by 1)::text[] as ids
        from record_search_postings where tenant_id = ${tenantId} order by token`,
    ),
    // Keys the postings hold that are not their record's reading key (none, however the record changed).
    staleKeys: await queryRows(
      tx,
      sql`select p.token, u.id from record_search_postings p, unnest(p.record_ids, p.reading_keys) u(id, key)
        left join alumni_records r on r.tenant_id = ${tenantId} and r.id = u.id
        where p.tenant_id = ${tenantId} and u.key is distinct from r.reading_key`,
    ),
    emails: await queryRows(
      tx,
      sql`select email, record_id from record_emails where tenant_id = ${tenantId} order by email, record_id`,
    ),
  }));
}

describe('registry search index', () => {
  it('finds whole names typed without a space, names across family and given name, addresses and numbers', async () => {
    const { slug, client } = await tenantWithMember(server, 'admin');
    const people = [
      ['林', '隆', 'ハヤシ', 'タカシ', 'AB-1001', 'hayashi.t@example.jp'],
      ['田中', '太郎', 'タナカ', 'タロウ', 'AB-1002', 'taro@example.jp'],
      ['加藤', '花子', 'カトウ', 'ハナコ', 'AB-1003', 'hanako@example.jp'],
      ['我藤', '花', 'ガトウ', 'ハナ', 'AB-1004', 'hana@example.jp'],
    ];
    for (const [familyName, givenName, familyNameKana, givenNameKana, employeeNumber, email] of people) {
      const created = await client.post(`/api/v1/t/${slug}/registry/records`, {
        familyName,
        givenName,
        familyNameKana,
        givenNameKana,
        employeeNumber,
        emails: [email],
      });
      expect(created.status).toBe(201);
    }
    expect(await search(client, slug, '林隆')).toEqual(['林 隆']);
    expect(await search(client, slug, '田中太')).toEqual(['田中 太郎']);
    expect(await search(client, slug, '中太郎')).toEqual(['田中 太郎']);
    expect(await search(client, slug, 'たなかたろう')).toEqual(['田中 太郎']);
    // A reading range leaves voicing marks aside; the confirming match puts them back.
    expect(await search(client, slug, 'かとう')).toEqual(['加藤 花子']);
    expect(await search(client, slug, 'がとう')).toEqual(['我藤 花']);
    expect(await search(client, slug, 'はな')).toEqual(['加藤 花子', '我藤 花']);
    expect(await search(client, slug, 'Hayashi.T')).toEqual(['林 隆']);
    expect(await search(client, slug, 'TARO@EXAMPLE.JP')).toEqual(['田中 太郎']);
    expect(await search(client, slug, 'ab-1003')).toEqual(['加藤 花子']);
    // In romaji, a reading (ハナ…) and the start of an address (hana@, hanako@) alike.
    expect(await search(client, slug, 'hana')).toEqual(['加藤 花子', '我藤 花']);
    // The start of an employee number or of an address.
    expect(await search(client, slug, 'AB-100')).toEqual(['加藤 花子', '我藤 花', '林 隆', '田中 太郎']);
    expect(await search(client, slug, 'ab-1003')).toEqual(['加藤 花子']);
    expect(await search(client, slug, 'hayashi.')).toEqual(['林 隆']);
    expect(await search(client, slug, 'example.jp')).toEqual([]);
  });

  it('counts and pages the same whichever way the query runs', async () => {
    const { slug, client, tenant } = await tenantWithMember(server, 'admin');
    const names = [
      ['田中', '太郎', 'タナカ', 'タロウ'],
      ['田中', '花子', 'タナカ', 'ハナコ'],
      ['中田', '英寿', 'ナカタ', 'ヒデトシ'],
      ['加藤', '花', 'カトウ', 'ハナ'],
      ['我藤', '花子', 'ガトウ', 'ハナコ'],
      ['山田', '太一', 'ヤマダ', 'タイチ'],
      ['太田', '中', 'オオタ', 'アタル'],
      ['林', '隆', 'ハヤシ', 'タカシ'],
      ['高橋', '隆', 'タカハシ', 'タカシ'],
    ];
    for (const [index, [familyName, givenName, familyNameKana, givenNameKana]] of names.entries()) {
      await client.post(`/api/v1/t/${slug}/registry/records`, {
        employeeNumber: `AB-${index}`,
        familyName,
        givenName,
        familyNameKana,
        givenNameKana,
        emails: [`p${index}@example.jp`],
      });
    }
    const db = server.deps.database.db;
    const queries = [
      '田',
      '田中',
      'たなか',
      'かとう',
      'がとう',
      'たか',
      'はなこ',
      '中太郎',
      '田 花',
      'ab-3',
      'p4',
    ];
    // The postings alone (findRecordsPage) and the records' own conditions (listRecords) agree, page by page.
    for (const q of queries) {
      for (const sort of ['reading', 'leftOn', 'name'] as const) {
        const indexed: string[] = [];
        let total = -1;
        let cursor: string | undefined;
        do {
          const page = await findRecordsPage(db, tenant.id, { filter: { q }, sort, cursor, limit: 2 });
          indexed.push(...page.records.map((r) => r.id));
          total = page.total;
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        const listed = await inTenant(db, tenant.id, (tx) =>
          listRecords(tx, tenant.id, { filter: { q }, sort, limit: 100 }),
        );
        expect(indexed, `${q} ${sort}`).toEqual(listed.records.map((r) => r.id));
        expect(total, q).toBe(indexed.length);
        expect(await inTenant(db, tenant.id, (tx) => countRecords(tx, tenant.id, { q })), q).toBe(total);
      }
    }
    expect(await search(client, slug, 'たか')).toEqual(['林 隆', '高橋 隆']);
  });

  it('stays exactly what a fresh build would hold through edits, imports and re-imports', async () => {
    const { slug, client, tenant } = await tenantWithMember(server, 'admin');
    const created = await client.post<{ id: string }>(`/api/v1/t/${slug}/registry/records`, {
      employeeNumber: 'C1',
      familyName: '佐藤',
      givenName: '健一',
      familyNameKana: 'サトウ',
      givenNameKana: 'ケンイチ',
      emails: ['kenichi@example.jp', 'k.sato@example.com'],
    });
    await importCsv(
      client,
      slug,
      '社員番号,氏名,氏名（フリガナ）,個人メールアドレス\nC2,鈴木 一郎,スズキ イチロウ,ichiro@example.jp\nC3,髙橋 直子,タカハシ ナオコ,naoko@example.jp\n',
    );
    await client.patch(`/api/v1/t/${slug}/registry/records/${created.body.id}`, {
      familyName: '佐々木',
      familyNameKana: 'ササキ',
      formerNames: ['佐藤'],
      emails: ['k.sato@example.com', 'kenichi.sasaki@example.jp'],
    });
    // C2 changes name and address, C3 only the reading of its family name (its sort key), C4 is new.
    await importCsv(
      client,
      slug,
      '社員番号,氏名,氏名（フリガナ）,個人メールアドレス\nC2,鈴木 一朗,スズキ イチロウ,ichiro.suzuki@example.jp\nC3,髙橋 直子,タカバシ ナオコ,naoko@example.jp\nC4,伊藤 美咲,イトウ ミサキ,misaki@example.jp\n',
    );

    const maintained = await indexOf(tenant.id);
    expect(maintained.postings.length).toBeGreaterThan(20);
    expect(maintained.staleKeys).toEqual([]);
    await inTenant(server.deps.database.db, tenant.id, (tx) => rebuildRecordIndex(tx, tenant.id, 2));
    expect(await indexOf(tenant.id)).toEqual(maintained);

    expect(await search(client, slug, '一朗')).toEqual(['鈴木 一朗']);
    expect(await search(client, slug, '一郎')).toEqual([]);
    // An import adds the file's address to those the record has.
    expect(await search(client, slug, 'ichiro@example.jp')).toEqual(['鈴木 一朗']);
    expect(await search(client, slug, 'ichiro.suzuki')).toEqual(['鈴木 一朗']);
    expect(await search(client, slug, 'ささき')).toEqual(['佐々木 健一']);
    expect(await search(client, slug, '佐藤')).toEqual(['佐々木 健一']);
    // Romaji finds the reading (ケンイチ), though no address holds it.
    expect(await search(client, slug, 'kenichi')).toEqual(['佐々木 健一']);
    expect(await search(client, slug, 'sasaki')).toEqual(['佐々木 健一']);
  });

  it('matches spacing voicing marks and dashes typed for ー like ダ and ー, in queries and in keys a rebuild brings up to date', async () => {
    const { slug, client, tenant } = await tenantWithMember(server, 'admin');
    const created = await client.post<{ id: string }>(`/api/v1/t/${slug}/registry/records`, {
      familyName: '吉田',
      givenName: '譲二',
      familyNameKana: 'ヨシタ゛',
      givenNameKana: 'ジョ－ジ',
    });
    expect(created.status).toBe(201);
    for (const q of [
      'ヨシタ゛',
      'よした゛',
      'ヨシダ',
      'ジョ－ジ',
      'ジョ-ジ',
      'ｼﾞｮ-ｼﾞ',
      'ジョージ',
      'よしだじょ‐じ',
    ]) {
      expect(await search(client, slug, q), q).toEqual(['吉田 譲二']);
    }
    expect(await search(client, slug, 'ハ゜ク')).toEqual([]);

    // A record as an earlier release stored it: NFKC's space and lone mark, the dash dropped from the key.
    await inTenant(server.deps.database.db, tenant.id, async (tx) => {
      await tx.execute(sql`insert into alumni_records (tenant_id, family_name, given_name, family_name_kana,
          given_name_kana, reading_key, search_text)
        values (${tenant.id}, '朴', '浩二', ${'ハ ゚'}, ${'コ-ジ'}, ${'ハコシ\u0001ハ\u309aコジ'}, ${'朴浩二 ハ\u309aコジ'})`);
      await rebuildRecordIndex(tx, tenant.id);
    });
    for (const q of ['ハ゜コ－ジ', 'ぱこーじ', 'パコジ', 'こーじ', 'コ－ジ']) {
      expect(await search(client, slug, q), q).toEqual(q === 'パコジ' ? [] : ['朴 浩二']);
    }
  });

  it('shows who created a record by import, from which file, and removes the staged rows afterwards', async () => {
    const { slug, client, tenant, member } = await tenantWithMember(server, 'admin');
    const importId = await importCsv(client, slug, '社員番号,氏名\nD1,山田 太郎\n');
    const [row] = (await client.get<{ records: Row[] }>(`/api/v1/t/${slug}/registry/records?q=D1`)).body
      .records;
    const detail = await client.get<{
      history: { id: string; source: string; actor: string | null; changes: unknown[] }[];
    }>(`/api/v1/t/${slug}/registry/records/${row!.id}`);
    expect(detail.body.history).toEqual([
      expect.objectContaining({
        id: importId,
        source: 'import',
        actor: member.membership.displayName,
        changes: [{ field: 'created', from: null, to: 'leavers.csv' }],
      }),
    ]);
    const left = await inTenant(server.deps.database.db, tenant.id, (tx) =>
      queryRows<{ staged: number; tokens: number }>(
        tx,
        sql`select (select count(*)::int from import_staged where import_id = ${importId}) as staged,
          (select count(*)::int from import_token_changes where import_id = ${importId}) as tokens`,
      ),
    );
    expect(left).toEqual([{ staged: 0, tokens: 0 }]);
  });
});
