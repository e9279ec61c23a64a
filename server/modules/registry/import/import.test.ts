import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { importChunks, importIssues, importStaged, importTokenChanges } from '../../../db/schema/index.js';
import { inTenant } from '../../../db/scope.js';
import { translate } from '../../../platform/i18n/messages.js';
import type { TestClient } from '../../../test/client.js';
import { tenantWithMember } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { expireDryRuns } from './expire-dry-runs.js';
import { resumeInterruptedApplies } from './resume-applies.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, '../../../test/fixtures', name));

type Import = {
  id: string;
  status: string;
  encoding: string;
  format: string;
  headers: string[];
  mapping: Record<string, string>;
  totalRows: number;
  counts: {
    new: number;
    updated: number;
    unchanged: number;
    rejected: number;
    merged: number;
    warned: number;
  } | null;
  error: string | null;
};
type Issue = {
  row: number;
  column: string | null;
  value: string | null;
  code: string;
  severity: 'error' | 'warning';
  message: string;
};
type Row = {
  id: string;
  employeeNumber: string | null;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  leftOn: string | null;
  email: string | null;
};

async function upload(client: TestClient, slug: string, bytes: Uint8Array, fileName = 'leavers.csv') {
  return client.upload<Import>(
    `/api/v1/t/${slug}/registry/imports?fileName=${encodeURIComponent(fileName)}`,
    bytes,
  );
}

async function dryRun(client: TestClient, slug: string, imp: Import, mapping = imp.mapping) {
  const queued = await client.post<Import>(`/api/v1/t/${slug}/registry/imports/${imp.id}/check`, { mapping });
  expect(queued.status).toBe(202);
  await server.deps.jobs.drain();
  return (await client.get<Import>(`/api/v1/t/${slug}/registry/imports/${imp.id}`)).body;
}

async function allIssues(client: TestClient, slug: string, id: string) {
  const issues: Issue[] = [];
  let cursor: string | null = null;
  do {
    const page: { issues: Issue[]; nextCursor: string | null } = (
      await client.get<{ issues: Issue[]; nextCursor: string | null }>(
        `/api/v1/t/${slug}/registry/imports/${id}/issues?limit=50${cursor ? `&cursor=${cursor}` : ''}`,
      )
    ).body;
    issues.push(...page.issues);
    cursor = page.nextCursor;
  } while (cursor);
  return issues;
}

async function apply(client: TestClient, slug: string, id: string) {
  const queued = await client.post<Import>(`/api/v1/t/${slug}/registry/imports/${id}/apply`);
  expect(queued.status).toBe(202);
  await server.deps.jobs.drain();
  return (await client.get<Import>(`/api/v1/t/${slug}/registry/imports/${id}`)).body;
}

const records = async (client: TestClient, slug: string, q = '') =>
  (
    await client.get<{ records: Row[]; total: number }>(
      `/api/v1/t/${slug}/registry/records?limit=200&q=${encodeURIComponent(q)}`,
    )
  ).body;

describe('registry import', () => {
  it('reads the CP932 sample: detects the encoding, pre-fills the mapping and reports each awkward row', async () => {
    const { slug, client } = await tenantWithMember(server, 'admin');
    const uploaded = await upload(client, slug, fixture('leavers-sjis.csv'));
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ format: 'csv', encoding: 'cp932', totalRows: 300 });
    expect(uploaded.body.mapping).toMatchObject({
      社員番号: 'employeeNumber',
      氏名: 'fullName',
      '氏名（フリガナ）': 'fullNameKana',
      退職年月日: 'leftOn',
      最終所属: 'lastDepartment',
      個人メールアドレス: 'email',
      会社情報の案内希望: 'contactConsent',
      再入社希望: 'wouldReturn',
      備考: 'hrNotes',
      性別: 'ignore',
      生年月日: 'ignore',
    });

    const checked = await dryRun(client, slug, uploaded.body);
    expect(checked.status).toBe('checked');
    const counts = checked.counts!;
    expect(counts.new + counts.rejected).toBe(300);
    expect(counts.updated + counts.unchanged).toBe(0);
    expect((await records(client, slug)).total).toBe(0);

    const issues = await allIssues(client, slug, uploaded.body.id);
    const rowsWith = (code: string) => [...new Set(issues.filter((i) => i.code === code).map((i) => i.row))];
    // Row 71: "not-an-address"; rows 2 and 17 share user0.11@example.jp; row 5 has no employee number but an e-mail.
    expect(issues.find((i) => i.row === 71 && i.code === 'field_invalid_email')).toMatchObject({
      column: '個人メールアドレス',
      value: 'not-an-address',
      message: 'メールアドレスの形式が正しくありません。',
    });
    expect(rowsWith('import_duplicate_email')).toEqual(expect.arrayContaining([2, 17]));
    expect(issues.find((i) => i.row === 2 && i.code === 'import_duplicate_email')!.message).toContain('17');
    expect(rowsWith('import_duplicate_email')).toEqual(expect.arrayContaining([5, 81]));
    expect(rowsWith('import_missing_key')).toEqual([]);
    expect(new Set(issues.map((i) => i.row)).size).toBe(counts.rejected);

    const applied = await apply(client, slug, uploaded.body.id);
    expect(applied.status).toBe('applied');
    expect((await records(client, slug)).total).toBe(counts.new);

    // Variant glyphs, half-width readings, full-width dates and era dates all land normalised.
    const takahashi = (await records(client, slug, '高橋 隆')).records;
    expect(takahashi).toEqual([
      expect.objectContaining({
        familyName: '髙橋',
        givenName: '隆',
        familyNameKana: 'タカハシ',
        leftOn: '2001-01-21',
      }),
    ]);
    const kobayashi = (await records(client, slug, 'こばやし たかし')).records;
    expect(kobayashi).toEqual([
      expect.objectContaining({
        employeeNumber: 'E100241',
        familyNameKana: 'コバヤシ',
        givenNameKana: 'タカシ',
      }),
    ]);
    const yamamoto = (await records(client, slug, 'E100013')).records[0]!;
    expect(yamamoto).toMatchObject({ familyName: '山本', givenName: '恵', leftOn: '2006-07-27' });
    const eraRow = (await records(client, slug, 'E100019')).records[0]!;
    expect(eraRow.leftOn).toBe('2026-10-31');
    const blankNumber = (await records(client, slug, 'user3.11@example.jp')).records;
    expect(blankNumber).toHaveLength(0); // row 5 shares its address with row 81, so both wait for HR
    const detail = await client.get<{
      record: { hrNotes: string; phone: string; contactConsent: string; consentSource: string };
    }>(`/api/v1/t/${slug}/registry/records/${(await records(client, slug, 'E100016')).records[0]!.id}`);
    expect(detail.body.record.hrNotes).toBe('面談時コメント:\n「また機会があれば戻りたい」');
    expect(detail.body.record).toMatchObject({
      phone: '09011935654',
      contactConsent: 'withdrawn',
      consentSource: 'import:leavers.csv',
    });
  });

  it('is idempotent: the same file again changes nothing, and an edited row updates only that record', async () => {
    const { slug, client } = await tenantWithMember(server, 'owner');
    const bytes = fixture('leavers-utf8.csv');
    const first = await upload(client, slug, bytes);
    expect(first.body.encoding).toBe('utf8');
    const firstCheck = await dryRun(client, slug, first.body);
    await apply(client, slug, first.body.id);
    const total = (await records(client, slug)).total;
    expect(total).toBe(firstCheck.counts!.new);

    const again = await upload(client, slug, bytes);
    const secondCheck = await dryRun(client, slug, again.body);
    expect(secondCheck.counts).toEqual({
      new: 0,
      updated: 0,
      unchanged: firstCheck.counts!.new,
      rejected: firstCheck.counts!.rejected,
      merged: 0,
      warned: 0,
    });
    await apply(client, slug, again.body.id);
    expect((await records(client, slug)).total).toBe(total);

    const edited = Buffer.from(bytes.toString('utf8').replace('E100001,渡辺 律子', 'E100001,渡部 律子'));
    const third = await upload(client, slug, edited);
    expect((await dryRun(client, slug, third.body)).counts).toMatchObject({ new: 0, updated: 1 });
    await apply(client, slug, third.body.id);
    const record = (await records(client, slug, 'E100001')).records[0]!;
    expect(record.familyName).toBe('渡部');
    // The search tokens follow the new name.
    expect((await records(client, slug, '渡部 律子')).records.map((r) => r.id)).toEqual([record.id]);
    expect((await records(client, slug, '渡辺 律子')).records.map((r) => r.id)).not.toContain(record.id);
    const detail = await client.get<{
      history: { source: string; changes: { field: string; from: unknown; to: unknown }[] }[];
    }>(`/api/v1/t/${slug}/registry/records/${record.id}`);
    expect(detail.body.history[0]).toMatchObject({
      source: 'import',
      changes: [{ field: 'familyName', from: '渡辺', to: '渡部' }],
    });
  });

  it('refuses to apply over records edited after the dry run, and writes nothing', async () => {
    const { slug, client } = await tenantWithMember(server, 'admin');
    const csv = '社員番号,氏名,退職日\nA1,山田 太郎,2020/4/1\nA2,佐藤 花子,2021/4/1\n';
    const first = await upload(client, slug, Buffer.from(csv));
    await dryRun(client, slug, first.body);
    await apply(client, slug, first.body.id);
    const changed = Buffer.from(csv.replace('2020/4/1', '2020/5/1').replace('2021/4/1', '2021/5/1'));
    const second = await upload(client, slug, changed);
    expect((await dryRun(client, slug, second.body)).counts).toMatchObject({ updated: 2 });
    const yamada = (await records(client, slug, 'A1')).records[0]!;
    await client.patch(`/api/v1/t/${slug}/registry/records/${yamada.id}`, { lastTitle: '課長' });
    const failed = await apply(client, slug, second.body.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain('もう一度確認');
    const after = (await records(client, slug)).records.map((r) => r.leftOn).sort();
    expect(after).toEqual(['2020-04-01', '2021-04-01']);
  });

  /** Queues the apply, then leaves its job taken and unfinished, as a worker killed mid-apply does. */
  async function applyThatDies(client: TestClient, slug: string, id: string) {
    expect((await client.post(`/api/v1/t/${slug}/registry/imports/${id}/apply`)).status).toBe(202);
    await server.deps.database.execute(
      `update pgboss.job set state = 'active', started_on = now()
       where name = 'registry.import.apply' and data->>'importId' = $1`,
      [id],
    );
    expect(await server.deps.jobs.drain()).toBe(0);
    const imp = (await client.get<Import>(`/api/v1/t/${slug}/registry/imports/${id}`)).body;
    expect(imp.status).toBe('applying');
  }

  it('lets HR apply again an import whose apply died, and writes each record once', async () => {
    const { slug, client } = await tenantWithMember(server, 'admin');
    const csv = '社員番号,氏名,退職日\nD1,山田 太郎,2020/4/1\nD2,佐藤 花子,2021/4/1\n';
    const uploaded = await upload(client, slug, Buffer.from(csv));
    await dryRun(client, slug, uploaded.body);
    await applyThatDies(client, slug, uploaded.body.id);
    expect((await records(client, slug)).total).toBe(0);

    const applied = await apply(client, slug, uploaded.body.id);
    expect(applied.status).toBe('applied');
    expect((await records(client, slug)).total).toBe(2);
    // pg-boss's own retry of the dead job, when it comes, finds the import applied and does nothing.
    await server.deps.database.execute(
      `update pgboss.job set state = 'retry', start_after = now() - interval '1 second'
       where name = 'registry.import.apply' and state = 'active' and data->>'importId' = $1`,
      [uploaded.body.id],
    );
    expect(await server.deps.jobs.drain()).toBeGreaterThan(0);
    const after = (await client.get<Import>(`/api/v1/t/${slug}/registry/imports/${uploaded.body.id}`)).body;
    expect(after.status).toBe('applied');
    expect((await records(client, slug)).total).toBe(2);
    expect((await client.post(`/api/v1/t/${slug}/registry/imports/${uploaded.body.id}/apply`)).status).toBe(
      409,
    );
  });

  it('queues again by itself an apply whose worker died, when a worker starts or on its minute round', async () => {
    const { slug, client } = await tenantWithMember(server, 'admin');
    const csv = '社員番号,氏名,退職日\nR1,山田 太郎,2020/4/1\n';
    const uploaded = await upload(client, slug, Buffer.from(csv));
    await dryRun(client, slug, uploaded.body);
    await applyThatDies(client, slug, uploaded.body.id);
    expect(await resumeInterruptedApplies(server.deps)).toBe(1);
    await server.deps.jobs.drain();
    const imp = (await client.get<Import>(`/api/v1/t/${slug}/registry/imports/${uploaded.body.id}`)).body;
    expect(imp.status).toBe('applied');
    expect((await records(client, slug, 'R1')).total).toBe(1);
    // The dead job is no longer counted as taken, so the next round finds nothing to do.
    expect(await resumeInterruptedApplies(server.deps)).toBe(0);
  });

  it('expires dry runs not applied within IMPORT_DRY_RUN_DAYS: staging dropped, listed as expired, apply refused', async () => {
    const { slug, client, tenant } = await tenantWithMember(server, 'admin');
    const tenantId = tenant.id;
    const csv = '社員番号,氏名,退職日,備考\nX1,山田 太郎,2020/4/1,\nX2,佐藤 花子,2021/4/1,\n,名無し,,\n';
    const checked = await upload(client, slug, Buffer.from(csv));
    await dryRun(client, slug, checked.body);
    const uploadedOnly = await upload(client, slug, Buffer.from(csv));
    const done = await upload(client, slug, Buffer.from(csv.replace('X1', 'X3').replace('X2', 'X4')));
    await dryRun(client, slug, done.body);
    await apply(client, slug, done.body.id);
    const leftOver = async (importId: string) =>
      inTenant(server.deps.database.db, tenantId, async (tx) => {
        let rows = 0;
        for (const table of [importStaged, importTokenChanges, importChunks, importIssues]) {
          const [row] = await tx
            .select({ n: sql<number>`count(*)::int` })
            .from(table)
            .where(and(eq(table.tenantId, tenantId), eq(table.importId, importId)));
          rows += row!.n;
        }
        return rows;
      });
    expect(await leftOver(checked.body.id)).toBeGreaterThan(0);

    const day = 86_400_000;
    expect(server.deps.config.importDryRunDays).toBe(7);
    await expireDryRuns(server.deps, new Date(Date.now() + 6 * day));
    expect(
      (await client.get<Import>(`/api/v1/t/${slug}/registry/imports/${checked.body.id}`)).body.status,
    ).toBe('checked');
    await expireDryRuns(server.deps, new Date(Date.now() + 8 * day));

    const list = (await client.get<{ imports: Import[] }>(`/api/v1/t/${slug}/registry/imports`)).body.imports;
    const statusOf = (id: string) => list.find((imp) => imp.id === id)?.status;
    expect(statusOf(checked.body.id)).toBe('expired');
    expect(statusOf(uploadedOnly.body.id)).toBe('expired');
    expect(statusOf(done.body.id)).toBe('applied');
    expect(list.find((imp) => imp.id === checked.body.id)!.counts).toMatchObject({ new: 2, rejected: 1 });
    expect(await leftOver(checked.body.id)).toBe(0);
    expect(await leftOver(uploadedOnly.body.id)).toBe(0);

    const refused = await client.post<{ code: string; title: string }>(
      `/api/v1/t/${slug}/registry/imports/${checked.body.id}/apply`,
    );
    expect(refused.status).toBe(410);
    expect(refused.body.code).toBe('import_expired');
    expect(refused.body.title).toContain('もう一度ファイルをアップロード');
    const recheck = await client.post(`/api/v1/t/${slug}/registry/imports/${uploadedOnly.body.id}/check`, {
      mapping: uploadedOnly.body.mapping,
    });
    expect(recheck.status).toBe(410);
    expect((await records(client, slug)).total).toBe(2);
  });

  it('reads .xlsx, and refuses files it cannot read or mappings without a key', async () => {
    const { slug, client } = await tenantWithMember(server, 'admin');
    const xlsx = await writeXlsxFile([
      [{ value: '社員番号' }, { value: '氏名' }, { value: 'フリガナ' }, { value: '退職日' }],
      [
        { value: 'X1' },
        { value: '齋藤 恵' },
        { value: 'さいとう めぐみ' },
        { value: new Date(Date.UTC(2023, 3, 1)), format: 'yyyy/mm/dd' },
      ],
    ]).toBuffer();
    const uploaded = await upload(client, slug, xlsx, 'leavers.xlsx');
    expect(uploaded.body).toMatchObject({ format: 'xlsx', totalRows: 1 });
    const incomplete = await client.post<{ code: string }>(
      `/api/v1/t/${slug}/registry/imports/${uploaded.body.id}/check`,
      {
        mapping: { ...uploaded.body.mapping, 社員番号: 'ignore' },
      },
    );
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.code).toBe('import_mapping_incomplete');
    const checked = await dryRun(client, slug, uploaded.body);
    expect(checked.counts).toMatchObject({ new: 1, rejected: 0 });
    await apply(client, slug, uploaded.body.id);
    expect((await records(client, slug, '斎藤')).records[0]).toMatchObject({
      familyNameKana: 'サイトウ',
      leftOn: '2023-04-01',
    });

    const empty = await upload(client, slug, Buffer.from('社員番号,氏名\n'));
    expect(empty.status).toBe(422);
    const broken = await upload(client, slug, Buffer.from('社員番号,氏名\nA1,"山田\n'));
    expect(broken.status).toBe(422);
    expect((broken.body as unknown as { code: string }).code).toBe('import_file_malformed');
    expect(
      (await client.get<{ imports: unknown[] }>(`/api/v1/t/${slug}/registry/imports`)).body.imports,
    ).toHaveLength(1);
    expect((await records(client, slug)).total).toBe(1);
  });

  it('keeps CP932 glyphs (髙 﨑 ① ㈱) intact through decoding', async () => {
    const { slug, client } = await tenantWithMember(server, 'admin');
    const csv = '社員番号,氏名,備考\nB1,山﨑 翔太,①プロジェクト完了後に退職、㈱へ転籍\n';
    const uploaded = await upload(client, slug, iconv.encode(csv, 'cp932'));
    expect(uploaded.body.encoding).toBe('cp932');
    await dryRun(client, slug, uploaded.body);
    await apply(client, slug, uploaded.body.id);
    const row = (await records(client, slug, '山崎')).records[0]!;
    const detail = await client.get<{ record: { familyName: string; hrNotes: string } }>(
      `/api/v1/t/${slug}/registry/records/${row.id}`,
    );
    expect(detail.body.record).toMatchObject({
      familyName: '山﨑',
      hrNotes: '①プロジェクト完了後に退職、㈱へ転籍',
    });
  });
});

describe('import rules that keep data whole', () => {
  it('merges identical rows with a warning and rejects rows that share a key but differ, naming both rows', async () => {
    const { slug, client } = await tenantWithMember(server, 'admin');
    const csv = [
      '社員番号,氏名,退職日,個人メールアドレス',
      'D1,山田 太郎,2020/4/1,taro@example.jp',
      'D1,山田 太郎,2020/4/1,taro@example.jp',
      'D2,佐藤 花子,2021/4/1,hanako@example.jp',
      'D2,佐藤 花子,2021/5/1,hanako@example.jp',
      'D3,鈴木 一郎,2021/4/1,same@example.jp',
      'D4,田中 次郎,2021/4/1,same@example.jp',
      ',高橋 三郎,2022/4/1,saburo@example.jp',
      ',高橋 三郎,2022/4/1,saburo@example.jp',
    ].join('\n');
    const uploaded = await upload(client, slug, Buffer.from(csv));
    const checked = await dryRun(client, slug, uploaded.body);
    expect(checked.counts).toEqual({ new: 2, updated: 0, unchanged: 0, rejected: 4, merged: 2, warned: 0 });
    const issues = await allIssues(client, slug, uploaded.body.id);
    expect(issues.filter((i) => i.severity === 'warning')).toEqual([
      expect.objectContaining({
        row: 3,
        code: 'import_duplicate_merged',
        message: expect.stringContaining('2 行目'),
      }),
      expect.objectContaining({
        row: 9,
        code: 'import_duplicate_merged',
        message: expect.stringContaining('8 行目'),
      }),
    ]);
    const errors = issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => [i.row, i.code])).toEqual([
      [4, 'import_duplicate_employee_number'],
      [4, 'import_duplicate_email'],
      [5, 'import_duplicate_employee_number'],
      [5, 'import_duplicate_email'],
      [6, 'import_duplicate_email'],
      [7, 'import_duplicate_email'],
    ]);
    expect(errors[0]!.message).toContain('4, 5 行目');
    expect(errors[5]!.message).toContain('6, 7 行目');

    await apply(client, slug, uploaded.body.id);
    const imported = (await records(client, slug)).records;
    expect(imported.map((r) => r.employeeNumber ?? r.email).sort()).toEqual(['D1', 'saburo@example.jp']);
  });

  it('reads an Excel serial date in a CSV date column within 1950–2099, and refuses one outside', async () => {
    const { slug, client } = await tenantWithMember(server, 'admin');
    const csv =
      '社員番号,氏名,入社日,退職日\nS1,山田 太郎,36617,45017\nS2,佐藤 花子,,12345\nS3,鈴木 一郎,,73051\n';
    const uploaded = await upload(client, slug, Buffer.from(csv));
    const checked = await dryRun(client, slug, uploaded.body);
    expect(checked.counts).toMatchObject({ new: 1, rejected: 2, warned: 0 });
    const issues = await allIssues(client, slug, uploaded.body.id);
    expect(issues.map((i) => [i.row, i.code, i.value])).toEqual([
      [3, 'field_invalid_date', '12345'],
      [4, 'field_invalid_date', '73051'],
    ]);
    await apply(client, slug, uploaded.body.id);
    const row = (await records(client, slug, 'S1')).records[0]!;
    expect(row.leftOn).toBe('2023-04-01');
    const detail = await client.get<{ record: { joinedOn: string } }>(
      `/api/v1/t/${slug}/registry/records/${row.id}`,
    );
    expect(detail.body.record.joinedOn).toBe('2000-04-01');
  });

  it('accepts era dates outside their era with a warning naming the right era, in both directions', async () => {
    const { slug, client, tenant } = await tenantWithMember(server, 'admin');
    const csv = [
      '社員番号,氏名,退職日',
      'E1,山田 太郎,H31.5.1',
      'E2,佐藤 花子,S64.1.8',
      'E3,鈴木 一郎,H1.1.7',
      'E4,田中 次郎,R1.4.30',
      'E5,高橋 三郎,平成31年4月30日',
      'E6,伊藤 四郎,令和元年5月1日',
    ].join('\n');
    const uploaded = await upload(client, slug, Buffer.from(csv));
    const checked = await dryRun(client, slug, uploaded.body);
    expect(checked.counts).toMatchObject({ new: 6, rejected: 0, warned: 4 });
    const issues = await allIssues(client, slug, uploaded.body.id);
    expect(issues.map((i) => [i.row, i.severity, i.message])).toEqual([
      [2, 'warning', '「H31.5.1」は平成の期間外のため、令和元年5月1日（2019-05-01）として読み取りました。'],
      [3, 'warning', '「S64.1.8」は昭和の期間外のため、平成元年1月8日（1989-01-08）として読み取りました。'],
      [4, 'warning', '「H1.1.7」は平成の期間外のため、昭和64年1月7日（1989-01-07）として読み取りました。'],
      [5, 'warning', '「R1.4.30」は令和の期間外のため、平成31年4月30日（2019-04-30）として読み取りました。'],
    ]);
    const r14 = await inTenant(server.deps.database.db, tenant.id, (tx) =>
      tx
        .select()
        .from(importIssues)
        .where(and(eq(importIssues.importId, uploaded.body.id), eq(importIssues.rowNumber, 5))),
    );
    expect(translate('en', 'import_era_outside', r14[0]!.detail)).toBe(
      '"R1.4.30" lies outside the Reiwa era; read as Heisei 31 (2019-04-30).',
    );
    await apply(client, slug, uploaded.body.id);
    const leftOn = (await records(client, slug)).records.map((r) => [r.employeeNumber, r.leftOn]);
    expect(Object.fromEntries(leftOn)).toEqual({
      E1: '2019-05-01',
      E2: '1989-01-08',
      E3: '1989-01-07',
      E4: '2019-04-30',
      E5: '2019-04-30',
      E6: '2019-05-01',
    });
  });

  it('keeps a quoted line break in notes, and elsewhere replaces it by a space with a warning', async () => {
    const { slug, client } = await tenantWithMember(server, 'admin');
    const csv = '社員番号,氏名,最終所属,備考\nL1,"山田\n太郎","営業部\r\n第一課","一行目\n二行目"\n';
    const uploaded = await upload(client, slug, Buffer.from(csv));
    const checked = await dryRun(client, slug, uploaded.body);
    expect(checked.counts).toMatchObject({ new: 1, rejected: 0, warned: 1 });
    const issues = await allIssues(client, slug, uploaded.body.id);
    expect(issues.map((i) => [i.column, i.severity, i.code])).toEqual([
      ['氏名', 'warning', 'import_line_break_replaced'],
      ['最終所属', 'warning', 'import_line_break_replaced'],
    ]);
    expect(issues[0]!.message).toBe('この項目は 1 行で入力するものなので、改行を空白に置き換えました。');
    await apply(client, slug, uploaded.body.id);
    const row = (await records(client, slug, 'L1')).records[0]!;
    const detail = await client.get<{
      record: { familyName: string; givenName: string; lastDepartment: string; hrNotes: string };
    }>(`/api/v1/t/${slug}/registry/records/${row.id}`);
    expect(detail.body.record).toMatchObject({
      familyName: '山田',
      givenName: '太郎',
      lastDepartment: '営業部 第一課',
      hrNotes: '一行目\n二行目',
    });
  });
});

describe('registry import access', () => {
  it.each(['moderator', 'alumnus'] as const)('refuses uploads and imports to a %s', async (role) => {
    const { slug, client } = await tenantWithMember(server, role);
    expect((await upload(client, slug, Buffer.from('社員番号,氏名\nA1,山田 太郎\n'))).status).toBe(403);
    expect((await client.get(`/api/v1/t/${slug}/registry/imports`)).status).toBe(403);
  });

  it("cannot see or drive another network's import", async () => {
    const a = await tenantWithMember(server, 'admin');
    const b = await tenantWithMember(server, 'admin');
    const imp = (await upload(a.client, a.slug, Buffer.from('社員番号,氏名\nA1,山田 太郎\n'))).body;
    const base = `/api/v1/t/${b.slug}/registry/imports/${imp.id}`;
    expect((await b.client.get(base)).status).toBe(404);
    expect((await b.client.get(`${base}/issues`)).status).toBe(404);
    expect((await b.client.post(`${base}/check`, { mapping: imp.mapping })).status).toBe(404);
    expect((await b.client.post(`${base}/apply`)).status).toBe(404);
    expect(
      (await b.client.get<{ imports: unknown[] }>(`/api/v1/t/${b.slug}/registry/imports`)).body.imports,
    ).toEqual([]);
  });
});
