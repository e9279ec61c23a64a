import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../test/client.js';
import { createTestTenant, latestMail, tokenFrom, uniqueEmail, uniqueSlug } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

describe("creating a company's alumni network", () => {
  it('creates the network and its owner once the e-mailed link is opened', async () => {
    const email = uniqueEmail('hr');
    const slug = uniqueSlug('acme');
    const client = new TestClient(server);
    const requested = await client.post('/api/v1/signup', {
      networkNameJa: 'アクメ株式会社 アルムナイ',
      networkNameEn: 'Acme Alumni',
      slug,
      ownerName: '人事 花子',
      email,
    });
    expect(requested.status).toBe(202);
    expect((await client.get(`/api/v1/t/${slug}/home`)).status).toBe(401);
    const mail = await latestMail(server, email);
    expect(mail?.subject).toContain('アクメ株式会社');
    const verified = await client.post<{ redirectTo: string }>('/api/v1/auth/verify', {
      token: tokenFrom(mail!.textBody),
    });
    expect(verified.body.redirectTo).toBe(`/t/${slug}/admin`);
    const home = await client.get<{
      tenant: { nameEn: string };
      member: { role: string; displayName: string };
    }>(`/api/v1/t/${slug}/home`);
    expect(home.body.tenant.nameEn).toBe('Acme Alumni');
    expect(home.body.member).toMatchObject({ role: 'owner', displayName: '人事 花子' });
  });

  it('refuses a taken address, and a malformed one, without sending mail', async () => {
    const { slug } = await createTestTenant(server);
    const email = uniqueEmail('late');
    const base = { networkNameJa: '後発', networkNameEn: 'Late', ownerName: '遅 刻', email };
    const taken = await new TestClient(server).post('/api/v1/signup', { ...base, slug });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('slug_taken');
    const malformed = await new TestClient(server).post<{ errors: { path: string; message: string }[] }>(
      '/api/v1/signup',
      {
        ...base,
        slug: 'Bad Slug!',
      },
    );
    expect(malformed.status).toBe(422);
    expect(malformed.body.errors[0]).toMatchObject({
      path: 'slug',
      message: expect.stringContaining('半角英小文字'),
    });
    expect(await latestMail(server, email)).toBeNull();
  });
});
