import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { magicLinks } from '../../db/schema/index.js';
import { TestClient } from '../../test/client.js';
import { createTestTenant, latestMail, signIn, tokenFrom, uniqueEmail } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { hashToken } from './tokens.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

describe('magic-link sign-in', () => {
  it('signs in once with a link, and the same link fails the second time', async () => {
    const { ownerEmail, slug } = await createTestTenant(server);
    const client = new TestClient(server);
    expect(
      (await client.post('/api/v1/auth/magic-link', { email: ` ${ownerEmail.toUpperCase()} ` })).status,
    ).toBe(202);
    const mail = await latestMail(server, ownerEmail);
    expect(mail?.subject).toContain('サインイン');
    const token = tokenFrom(mail!.textBody);

    const first = await client.post('/api/v1/auth/verify', { token });
    expect(first.status).toBe(200);
    const session = await client.get<{ signedIn: boolean; memberships: { tenant: { slug: string } }[] }>(
      '/api/v1/session',
    );
    expect(session.body.signedIn).toBe(true);
    expect(session.body.memberships.map((m) => m.tenant.slug)).toEqual([slug]);

    const other = new TestClient(server);
    const second = await other.post('/api/v1/auth/verify', { token });
    expect(second.status).toBe(400);
    expect(second.body.code).toBe('link_invalid');
    expect((await other.get<{ signedIn: boolean }>('/api/v1/session')).body.signedIn).toBe(false);
  });

  it('refuses a link after its 15 minutes are over', async () => {
    const { ownerEmail } = await createTestTenant(server);
    const client = new TestClient(server, { language: 'en' });
    await client.post('/api/v1/auth/magic-link', { email: ownerEmail });
    const token = tokenFrom((await latestMail(server, ownerEmail))!.textBody);
    await server.deps.database.db
      .update(magicLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(magicLinks.tokenHash, hashToken(token)));
    const response = await client.post('/api/v1/auth/verify', { token });
    expect(response.status).toBe(400);
    expect(response.body.title).toMatch(/invalid or has expired/);
  });

  it('answers the same for an unknown address and mails no sign-in link', async () => {
    const { ownerEmail } = await createTestTenant(server);
    const unknown = uniqueEmail('nobody');
    const known = await new TestClient(server).post('/api/v1/auth/magic-link', { email: ownerEmail });
    const stranger = await new TestClient(server).post('/api/v1/auth/magic-link', { email: unknown });
    expect(stranger.status).toBe(known.status);
    expect(stranger.body).toEqual(known.body);
    const mail = await latestMail(server, unknown);
    expect(mail?.textBody).not.toContain('#token=');
    expect(mail?.textBody).toContain('見つかりませんでした');
  });

  it('limits requests per address with 429 and Retry-After', async () => {
    const email = uniqueEmail('flood');
    const client = new TestClient(server);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1)
      statuses.push((await client.post('/api/v1/auth/magic-link', { email })).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    const limited = await client.post('/api/v1/auth/magic-link', { email });
    expect(limited.contentType).toContain('application/problem+json');
    expect(limited.body.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses a state-changing request without the CSRF token, or from another origin', async () => {
    const noToken = new TestClient(server, { csrf: false });
    const refused = await noToken.post('/api/v1/auth/magic-link', { email: uniqueEmail() });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('csrf_failed');

    const client = new TestClient(server);
    await client.get('/api/v1/session');
    const foreign = await client.request('POST', '/api/v1/auth/magic-link', {
      json: { email: uniqueEmail() },
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
  });

  it('lists and revokes sessions; a revoked session is signed out', async () => {
    const { ownerEmail } = await createTestTenant(server);
    const laptop = await signIn(server, ownerEmail);
    const phone = await signIn(server, ownerEmail);
    const listed = await laptop.get<{ sessions: { id: string; current: boolean }[] }>(
      '/api/v1/account/sessions',
    );
    expect(listed.body.sessions).toHaveLength(2);
    const phoneSession = listed.body.sessions.find((s) => !s.current)!;
    expect((await laptop.delete(`/api/v1/account/sessions/${phoneSession.id}`)).status).toBe(200);
    expect((await phone.get<{ signedIn: boolean }>('/api/v1/session')).body.signedIn).toBe(false);
    expect((await laptop.get<{ signedIn: boolean }>('/api/v1/session')).body.signedIn).toBe(true);

    expect((await laptop.post('/api/v1/auth/sign-out')).status).toBe(200);
    expect((await laptop.get<{ signedIn: boolean }>('/api/v1/session')).body.signedIn).toBe(false);
  });

  it("cannot revoke someone else's session", async () => {
    const a = await createTestTenant(server);
    const b = await createTestTenant(server);
    const alice = await signIn(server, a.ownerEmail);
    const bob = await signIn(server, b.ownerEmail);
    const bobs = await bob.get<{ sessions: { id: string }[] }>('/api/v1/account/sessions');
    const attempt = await alice.delete(`/api/v1/account/sessions/${bobs.body.sessions[0]!.id}`);
    expect(attempt.status).toBe(404);
    expect((await bob.get<{ signedIn: boolean }>('/api/v1/session')).body.signedIn).toBe(true);
  });
});
