import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, opportunityInterestFiles } from '../../db/schema/index.js';
import { inTenant } from '../../db/scope.js';
import type { TestClient } from '../../test/client.js';
import { communityMember } from '../../test/community-factories.js';
import { addTestMember, signIn } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { type Candidate, type Member, network, open, type Problem } from './opportunity-test-factories.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type FileMeta = { name: string; size: number; uploadedAt: string };

/** A small but real-looking PDF: the header, some content with bytes above 0x7f, and the trailer. */
function pdfBytes(text = 'CV') {
  const body = `%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj << /Title (${text}) >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`;
  return Uint8Array.from(body, (ch) => ch.charCodeAt(0));
}

function putFile(
  client: TestClient,
  url: string,
  bytes: Uint8Array,
  type = 'application/pdf',
  name?: string,
) {
  const query = name === undefined ? '' : `?name=${encodeURIComponent(name)}`;
  return client.request<FileMeta & Problem>('PUT', `${url}${query}`, {
    body: new Blob([new Uint8Array(bytes)]),
    headers: { 'content-type': type },
  });
}

/** The raw bytes of a download (the test client reads bodies as text). */
async function download(client: TestClient, path: string) {
  const cookie = [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const response = await fetch(`${server.baseUrl}${path}`, { headers: { cookie } });
  return {
    status: response.status,
    headers: response.headers,
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
}

async function storedFiles(tenantId: string) {
  return inTenant(server.deps.database.db, tenantId, (tx) =>
    tx.select({ id: opportunityInterestFiles.interestId }).from(opportunityInterestFiles),
  );
}

async function answered() {
  const net = await network(server);
  const member = await communityMember(server, net, { displayName: '応募 花子' });
  const item = await open(net);
  const base = `/api/v1/t/${net.slug}/community/opportunities/${item.id}`;
  expect((await member.client.put(`${base}/interest`, { message: '履歴書を添付します' })).status).toBe(201);
  const card = (
    await net.hr.get<{ candidates: (Candidate & { file: FileMeta | null })[] }>(
      `/api/v1/t/${net.slug}/candidates?opportunity=${item.id}`,
    )
  ).body.candidates[0]!;
  return { net, member, item, base, card, fileUrl: `${base}/interest/file` };
}

describe('a PDF with 「興味あり」', () => {
  it('is stored for the member and HR, replaced by a second upload, and removed on request or withdrawal', async () => {
    const { net, member, base, card, fileUrl } = await answered();
    expect(card.file).toBeNull();
    const cv = pdfBytes('職務経歴書');
    const first = await putFile(member.client, fileUrl, cv, 'application/pdf', '職務経歴書 2026.pdf');
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      name: '職務経歴書 2026.pdf',
      size: cv.length,
      uploadedAt: expect.any(String),
    });

    const own = await download(member.client, fileUrl);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('application/pdf');
    expect(own.headers.get('cache-control')).toContain('no-store');
    expect(own.headers.get('content-disposition')).toBe(
      `attachment; filename="_____ 2026.pdf"; filename*=UTF-8''${encodeURIComponent('職務経歴書 2026.pdf')}`,
    );
    expect(own.bytes).toEqual(cv);
    const seen = await member.client.get<Member>(base);
    expect(seen.body.interest?.file).toEqual(first.body);
    const again = await member.client.put<{ file: FileMeta }>(`${base}/interest`, {});
    expect(again.status).toBe(200);
    expect(again.body.file).toEqual(first.body);

    const listed = await net.hr.get<{ candidates: (Candidate & { file: FileMeta | null })[] }>(
      `/api/v1/t/${net.slug}/candidates`,
    );
    expect(listed.body.candidates[0]!.file).toEqual(first.body);
    const hrCopy = await download(net.hr, `/api/v1/t/${net.slug}/candidates/${card.id}/file`);
    expect(hrCopy.status).toBe(200);
    expect(hrCopy.bytes).toEqual(cv);
    const audit = await inTenant(server.deps.database.db, net.id, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.targetId, card.id), eq(auditEvents.action, 'candidate.file_downloaded'))),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.data).toEqual({ fileName: '職務経歴書 2026.pdf' });

    // A second upload replaces the first; a name without .pdf gets it, and a path is cut to its last part.
    const portfolio = pdfBytes('portfolio');
    const second = await putFile(
      member.client,
      fileUrl,
      portfolio,
      'application/pdf',
      'C:\\Users\\me\\portfolio',
    );
    expect(second.status).toBe(200);
    expect(second.body.name).toBe('portfolio.pdf');
    expect((await download(net.hr, `/api/v1/t/${net.slug}/candidates/${card.id}/file`)).bytes).toEqual(
      portfolio,
    );

    expect((await member.client.delete(fileUrl)).status).toBe(204);
    expect((await download(member.client, fileUrl)).status).toBe(404);
    expect((await download(net.hr, `/api/v1/t/${net.slug}/candidates/${card.id}/file`)).status).toBe(404);
    expect((await member.client.get<Member>(base)).body.interest?.file).toBeNull();

    // Withdrawing the answer deletes the file with it.
    expect((await putFile(member.client, fileUrl, cv)).status).toBe(201);
    expect(await storedFiles(net.id)).toHaveLength(1);
    expect((await member.client.delete(`${base}/interest`)).status).toBe(200);
    expect(await storedFiles(net.id)).toHaveLength(0);
    expect((await download(net.hr, `/api/v1/t/${net.slug}/candidates/${card.id}/file`)).status).toBe(404);
    const refused = await putFile(member.client, fileUrl, cv);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('interest_file_needs_interest');
  });

  it('refuses what is not a PDF, an empty file, more than 10 MB and unstorable names, writing nothing', async () => {
    const { net, member, fileUrl } = await answered();
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const wrongType = await putFile(member.client, fileUrl, pdfBytes(), 'image/png');
    expect(wrongType.status).toBe(415);
    expect(wrongType.body.title).toBe(
      '添付できるのは PDF ファイルだけです（Content-Type: application/pdf）。',
    );
    const json = await member.client.request<Problem>('PUT', fileUrl, { json: { file: 'x' } });
    expect(json.status).toBe(415);
    const disguised = await putFile(member.client, fileUrl, png, 'application/pdf', 'cv.pdf');
    expect(disguised.status).toBe(422);
    expect(disguised.body.code).toBe('interest_file_not_pdf');
    const empty = await putFile(member.client, fileUrl, new Uint8Array(0));
    expect(empty.status).toBe(422);
    expect(empty.body.title).toBe('ファイルが空です。内容のある PDF ファイルを選んでください。');

    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(pdfBytes());
    const tooBig = await putFile(member.client, fileUrl, big);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.title).toBe('ファイルが大きすぎます。10 MB 以下の PDF ファイルを選んでください。');
    const limit = new Uint8Array(10 * 1024 * 1024);
    limit.set(pdfBytes());
    const justFits = await putFile(member.client, fileUrl, limit);
    expect(justFits.status).toBe(201);
    expect(justFits.body.size).toBe(limit.length);
    expect((await download(member.client, fileUrl)).bytes.length).toBe(limit.length);
    await member.client.delete(fileUrl);

    for (const name of ['cv\u0000.pdf', 'cv\u0007.pdf', 'x'.repeat(201)]) {
      const bad = await putFile(member.client, fileUrl, pdfBytes(), 'application/pdf', name);
      expect(bad.status).toBe(422);
    }
    member.client.cookies.set('enishi_lang', 'en');
    const english = await putFile(member.client, fileUrl, png, 'application/pdf');
    expect(english.body.title).toBe('This does not look like a PDF file. Please choose a file saved as PDF.');
    expect(await storedFiles(net.id)).toHaveLength(0);
  });

  it('reaches only the member’s own file, HR staff only, and nothing in another network', async () => {
    const { net, member, item, fileUrl, card } = await answered();
    const other = await network(server);
    expect((await putFile(member.client, fileUrl, pdfBytes())).status).toBe(201);
    const hrFile = `/api/v1/t/${net.slug}/candidates/${card.id}/file`;

    // Another member of the same network has no answer of their own here, so no file to reach.
    const colleague = await communityMember(server, net);
    expect((await download(colleague.client, fileUrl)).status).toBe(404);
    expect((await colleague.client.delete(fileUrl)).status).toBe(404);
    expect((await putFile(colleague.client, fileUrl, pdfBytes())).status).toBe(409);
    expect((await download(colleague.client, hrFile)).status).toBe(403);
    for (const role of ['alumnus', 'employee', 'moderator'] as const) {
      const added = await addTestMember(server, net.id, role);
      expect((await download(await signIn(server, added.email), hrFile)).status).toBe(403);
    }
    expect((await download(member.client, hrFile)).status).toBe(403);
    const owner = await signIn(server, net.ownerEmail);
    expect((await download(owner, hrFile)).status).toBe(200);

    // Another network: neither its staff nor its members reach the file, by either slug.
    expect((await download(other.hr, hrFile)).status).toBe(404);
    expect((await download(other.hr, `/api/v1/t/${other.slug}/candidates/${card.id}/file`)).status).toBe(404);
    const stranger = await communityMember(server, other);
    expect((await download(stranger.client, fileUrl)).status).toBe(404);
    const theirs = `/api/v1/t/${other.slug}/community/opportunities/${item.id}/interest/file`;
    expect((await download(stranger.client, theirs)).status).toBe(404);
    expect((await putFile(stranger.client, theirs, pdfBytes())).status).toBe(404);
    expect((await stranger.client.delete(theirs)).status).toBe(404);
    expect((await download(member.client, fileUrl)).status).toBe(200);
  });
});
