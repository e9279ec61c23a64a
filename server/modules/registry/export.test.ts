import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantWithMember } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

async function download(client: import('../../test/client.js').TestClient, slug: string, body: unknown) {
  const csrf = client.cookies.get('enishi_csrf')!;
  const response = await fetch(`${server.baseUrl}/api/v1/t/${slug}/registry/export`, {
    method: 'POST',
    headers: {
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': csrf,
      'content-type': 'application/json',
      'accept-language': 'ja',
    },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
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
    expect(checked.body.counts).toEqual({ new: 0, updated: 0, unchanged: 1, rejected: 0 });
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
    const file = await download(client, slug, { columns: ['employeeNumber', 'fullName'], encoding: 'cp932' });
    expect(file.headers.get('content-type')).toContain('Shift_JIS');
    const text = iconv.decode(file.bytes, 'cp932');
    expect(text).toContain('Y1,〓田 髙子');
    expect(text).toContain('Y2,山﨑 ①');
    expect(JSON.parse(decodeURIComponent(file.headers.get('x-enishi-unencodable')!))).toEqual([
      { employeeNumber: 'Y1', name: '𠮷田 髙子', column: '氏名', characters: '𠮷' },
    ]);
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
