import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PresentedSpreadsheetSummary as SpreadsheetSummaryBody } from '../../platform/spreadsheet/spreadsheet-summary.js';
import type { TestClient } from '../../test/client.js';
import { tenantWithMember } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

function exportRequest(client: TestClient, slug: string, body: unknown, accept = '*/*') {
  return fetch(`${server.baseUrl}/api/v1/t/${slug}/registry/export`, {
    method: 'POST',
    headers: {
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': client.cookies.get('enishi_csrf')!,
      'content-type': 'application/json',
      'accept-language': 'ja',
      accept,
    },
    body: JSON.stringify(body),
  });
}

async function download(client: TestClient, slug: string, body: unknown) {
  const response = await exportRequest(client, slug, body);
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

/** The export with its summary: the two parts of a multipart/form-data body. */
async function downloadWithSummary(client: TestClient, slug: string, body: unknown) {
  const response = await exportRequest(client, slug, body, 'multipart/form-data, text/csv;q=0.5');
  expect(response.status).toBe(200);
  const form = await response.formData();
  const file = form.get('file') as File;
  return {
    headers: response.headers,
    summary: JSON.parse(form.get('summary') as string) as SpreadsheetSummaryBody,
    fileName: file.name,
    fileType: file.type,
    bytes: Buffer.from(await file.arrayBuffer()),
  };
}

describe('registry export', () => {
  it('writes UTF-8 with a BOM that imports back unchanged, and is audited', async () => {
    const { slug, client } = await tenantWithMember(server, 'owner');
    await client.post(`/api/v1/t/${slug}/registry/records`, {
      employeeNumber: 'E1',
      familyName: '渡邊',
      givenName: '健一',
      familyNameKana: 'ワタナベ',
      givenNameKana: 'ケンイチ',
      emails: ['kenichi@example.jp'],
      leftOn: '2020-03-31',
      wouldReturn: 'yes',
      contactConsent: 'granted',
      hrNotes: '送別会:\n「またいつか」',
    });
    const file = await download(client, slug, {
      columns: [
        'employeeNumber',
        'fullName',
        'fullNameKana',
        'email',
        'leftOn',
        'wouldReturn',
        'contactConsent',
        'hrNotes',
      ],
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('utf-8');
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.bytes.subarray(3).toString('utf8')).toBe(
      '社員番号,氏名,氏名（フリガナ）,個人メールアドレス,退職年月日,再入社希望,会社情報の案内希望,備考\r\n' +
        'E1,渡邊 健一,ワタナベ ケンイチ,kenichi@example.jp,2020-03-31,あり,希望する,"送別会:\n「またいつか」"\r\n',
    );
    const reimport = await client.upload<{ id: string; mapping: Record<string, string> }>(
      `/api/v1/t/${slug}/registry/imports?fileName=export.csv`,
      file.bytes,
    );
    await client.post(`/api/v1/t/${slug}/registry/imports/${reimport.body.id}/check`, {
      mapping: reimport.body.mapping,
    });
    await server.deps.jobs.drain();
    const checked = await client.get<{ counts: unknown }>(
      `/api/v1/t/${slug}/registry/imports/${reimport.body.id}`,
    );
    expect(checked.body.counts).toEqual({
      new: 0,
      updated: 0,
      unchanged: 1,
      rejected: 0,
      merged: 0,
      warned: 0,
    });
    const audit = await client.get<{
      events: { action: string; data: { rows: number; encoding: string } }[];
    }>(`/api/v1/t/${slug}/audit-events?action=registry.exported`);
    expect(audit.body.events[0]).toMatchObject({
      action: 'registry.exported',
      data: { rows: 1, encoding: 'utf8' },
    });
  });

  it('writes CP932 and lists the letters it cannot hold instead of silently replacing them', async () => {
    const { slug, client } = await tenantWithMember(server, 'admin');
    await client.post(`/api/v1/t/${slug}/registry/records`, {
      employeeNumber: 'Y1',
      familyName: '𠮷田',
      givenName: '髙子',
      emails: [],
    });
    await client.post(`/api/v1/t/${slug}/registry/records`, {
      employeeNumber: 'Y2',
      familyName: '山﨑',
      givenName: '①',
      emails: [],
    });
    const file = await downloadWithSummary(client, slug, {
      columns: ['employeeNumber', 'fullName'],
      encoding: 'cp932',
    });
    expect(file.fileType.toLowerCase()).toBe('text/csv; charset=shift_jis');
    expect(file.fileName).toMatch(/^alumni-\d{4}-\d{2}-\d{2}-sjis\.csv$/);
    const text = iconv.decode(file.bytes, 'cp932');
    expect(text).toContain('Y1,〓田 髙子');
    expect(text).toContain('Y2,山﨑 ①');
    expect(file.summary).toMatchObject({
      rows: 2,
      encoding: 'cp932',
      unencodableLetters: ['𠮷'],
      unencodable: [{ row: expect.any(Number), ref: 'Y1 𠮷田 髙子', column: '氏名', characters: '𠮷' }],
    });
    expect(file.summary.notices).toEqual([
      'Shift_JIS（CP932）で表せない文字（𠮷）を含むセルが 1 件あり、その文字を「〓」に置き換えました。UTF-8 で書き出すとそのまま保存できます。',
    ]);
    // The plain download (what a browser saves) carries counts in headers, never the list.
    const plain = await download(client, slug, {
      columns: ['employeeNumber', 'fullName'],
      encoding: 'cp932',
    });
    expect(plain.headers.get('content-type')).toBe('text/csv; charset=Shift_JIS');
    expect(plain.headers.get('x-enishi-unencodable-count')).toBe('1');
    expect(plain.headers.get('x-enishi-unencodable')).toBeNull();
    expect(plain.bytes.equals(file.bytes)).toBe(true);
  });

  it('keeps the list of unencodable letters out of the headers however many rows have them', async () => {
    const { slug, client } = await tenantWithMember(server, 'admin');
    const rows = Array.from({ length: 1500 }, (_, i) => `K${i},𠮷田 ${i}\r\n`).join('');
    const upload = await client.upload<{ id: string; mapping: Record<string, string> }>(
      `/api/v1/t/${slug}/registry/imports?fileName=many.csv`,
      Buffer.from(`社員番号,氏名\r\n${rows}`),
    );
    await client.post(`/api/v1/t/${slug}/registry/imports/${upload.body.id}/check`, {
      mapping: upload.body.mapping,
    });
    await server.deps.jobs.drain();
    await client.post(`/api/v1/t/${slug}/registry/imports/${upload.body.id}/apply`, {});
    await server.deps.jobs.drain();
    const plain = await exportRequest(client, slug, {
      columns: ['employeeNumber', 'fullName'],
      encoding: 'cp932',
    });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('x-enishi-rows')).toBe('1500');
    expect(plain.headers.get('x-enishi-unencodable-count')).toBe('1500');
    const headerBytes = [...plain.headers].reduce(
      (sum, [name, value]) => sum + name.length + value.length,
      0,
    );
    expect(headerBytes).toBeLessThan(2048);
    const file = await downloadWithSummary(client, slug, {
      columns: ['employeeNumber', 'fullName'],
      encoding: 'cp932',
    });
    expect(file.summary.unencodable).toHaveLength(1500);
  });

  it('guards cells a spreadsheet would run as formulas, keeping phone numbers and negative numbers readable', async () => {
    const { slug, client } = await tenantWithMember(server, 'owner');
    await client.post(`/api/v1/t/${slug}/registry/custom-fields`, {
      key: 'balance',
      label: '精算額',
      type: 'number',
    });
    await client.post(`/api/v1/t/${slug}/registry/custom-fields`, {
      key: 'memo',
      label: '=メモ',
      type: 'text',
    });
    await client.post(`/api/v1/t/${slug}/registry/custom-fields`, {
      key: 'formula',
      label: '式',
      type: 'text',
    });
    await client.post(`/api/v1/t/${slug}/registry/records`, {
      employeeNumber: '=1+2',
      familyName: '@SUM(A1:A9)',
      givenName: '太郎',
      phone: '+81-3-1234-5678',
      lastDepartment: '-営業部',
      lastTitle: '=cmd|"/c calc"!A1',
      hrNotes: "'=既に引用符付き",
      emails: [],
      customFields: { balance: -1234.5, memo: '-3', formula: '-2+3' },
    });
    const columns = ['employeeNumber', 'fullName', 'phone', 'lastDepartment', 'lastTitle', 'hrNotes'];
    const customColumns = ['balance', 'memo', 'formula'];
    for (const encoding of ['utf8', 'cp932'] as const) {
      const file = await downloadWithSummary(client, slug, { columns, customColumns, encoding });
      const text =
        encoding === 'utf8' ? file.bytes.subarray(3).toString('utf8') : iconv.decode(file.bytes, 'cp932');
      expect(text).toBe(
        "社員番号,氏名,携帯電話番号,最終所属,最終役職,備考,精算額,'=メモ,式\r\n" +
          `'=1+2,'@SUM(A1:A9) 太郎,'+81312345678,'-営業部,"'=cmd|""/c calc""!A1",''=既に引用符付き,-1234.5,-3,'-2+3\r\n`,
      );
      expect(file.summary.formulaCellsGuarded).toBe(8);
      expect(file.summary.notices[0]).toBe(
        "8 件のセルが「=」「+」「-」「@」などで始まっていたため、表計算ソフトで数式として実行されないよう先頭に「'」を付けました。",
      );
    }
    const audit = await client.get<{ events: { data: { formulaCellsGuarded: number } }[] }>(
      `/api/v1/t/${slug}/audit-events?action=registry.exported`,
    );
    expect(audit.body.events[0]!.data.formulaCellsGuarded).toBe(8);

    // Edited in a spreadsheet and imported back, the guarded cells read as what was exported.
    const file = await download(client, slug, { columns, customColumns });
    const reimport = await client.upload<{ id: string; mapping: Record<string, string> }>(
      `/api/v1/t/${slug}/registry/imports?fileName=export.csv`,
      file.bytes,
    );
    await client.post(`/api/v1/t/${slug}/registry/imports/${reimport.body.id}/check`, {
      mapping: reimport.body.mapping,
    });
    await server.deps.jobs.drain();
    const checked = await client.get<{ counts: unknown }>(
      `/api/v1/t/${slug}/registry/imports/${reimport.body.id}`,
    );
    expect(checked.body.counts).toEqual({
      new: 0,
      updated: 0,
      unchanged: 1,
      rejected: 0,
      merged: 0,
      warned: 0,
    });
  });

  it('exports just the selected records when asked', async () => {
    const { slug, client } = await tenantWithMember(server, 'admin');
    const a = await client.post<{ id: string }>(`/api/v1/t/${slug}/registry/records`, {
      employeeNumber: 'S1',
      familyName: '選択',
      emails: [],
    });
    await client.post(`/api/v1/t/${slug}/registry/records`, {
      employeeNumber: 'S2',
      familyName: '対象外',
      emails: [],
    });
    const file = await download(client, slug, {
      filter: { ids: [a.body.id] },
      columns: ['employeeNumber', 'fullName'],
    });
    expect(file.bytes.subarray(3).toString('utf8')).toBe('社員番号,氏名\r\nS1,選択\r\n');
  });

  it("exports only the caller's network, and only to HR", async () => {
    const a = await tenantWithMember(server, 'admin');
    const b = await tenantWithMember(server, 'admin');
    await a.client.post(`/api/v1/t/${a.slug}/registry/records`, {
      employeeNumber: 'A1',
      familyName: '秘密',
      emails: [],
    });
    const fromB = await download(b.client, b.slug, { columns: ['employeeNumber', 'fullName'] });
    expect(fromB.bytes.toString('utf8')).not.toContain('秘密');
    expect(fromB.headers.get('x-enishi-rows')).toBe('0');
    expect((await download(b.client, a.slug, { columns: ['fullName'] })).status).toBe(404);
    const moderator = await tenantWithMember(server, 'moderator');
    expect((await download(moderator.client, moderator.slug, { columns: ['fullName'] })).status).toBe(403);
  });
});
