import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alumniRecords, joinRequests, referrals } from '../../../db/schema/index.js';
import { inTenant } from '../../../db/scope.js';
import { TestClient } from '../../../test/client.js';
import { latestMail, tenantWithMember, uniqueEmail } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Request = {
  id: string;
  email: string;
  matchKind: string | null;
  candidates: { id: string; familyName: string }[];
};

const claim = (slug: string, email: string, overrides: Record<string, unknown> = {}) => ({
  slug,
  email,
  familyName: '齋藤',
  givenName: '恵',
  familyNameKana: 'さいとう',
  givenNameKana: 'めぐみ',
  joinedYear: 2007,
  leftYear: 2023,
  department: '金融システム事業部',
  ...overrides,
});

async function record(client: TestClient, slug: string, fields: Record<string, unknown>) {
  const created = await client.post<{ id: string }>(`/api/v1/t/${slug}/registry/records`, {
    familyName: '斎藤',
    givenName: '恵',
    familyNameKana: 'サイトウ',
    givenNameKana: 'メグミ',
    leftOn: '2023-03-04',
    contactConsent: 'granted',
    ...fields,
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

describe('join requests', () => {
  it('queues a request for HR with the candidate records, and HR approval invites the asker', async () => {
    const { slug, client } = await tenantWithMember(server, 'admin');
    const recordId = await record(client, slug, { emails: [] });
    const email = uniqueEmail('join');
    const visitor = new TestClient(server);
    const info = await visitor.get<{ nameJa: string }>(`/api/v1/networks/${slug}/join`);
    expect(info.status).toBe(200);
    const sent = await visitor.post('/api/v1/join-requests', claim(slug, email));
    expect(sent.status).toBe(202);
    expect(sent.body).toEqual({ received: true });
    expect(await latestMail(server, email)).toBeNull();

    const queue = await client.get<{ requests: Request[] }>(`/api/v1/t/${slug}/registry/join-requests`);
    expect(queue.body.requests).toHaveLength(1);
    const [request] = queue.body.requests;
    expect(request!.matchKind).toBe('name_reading_year');
    expect(request!.candidates.map((c) => c.id)).toEqual([recordId]);

    const approved = await client.post(`/api/v1/t/${slug}/registry/join-requests/${request!.id}/approve`, {
      recordId,
    });
    expect(approved.status).toBe(200);
    expect((await latestMail(server, email))!.textBody).toContain(`/invite/${slug}#token=`);
    const again = await client.post<{ code: string }>(
      `/api/v1/t/${slug}/registry/join-requests/${request!.id}/dismiss`,
    );
    expect(again.status).toBe(409);
    expect(
      (await client.get<{ requests: Request[] }>(`/api/v1/t/${slug}/registry/join-requests`)).body.requests,
    ).toEqual([]);
  });

  it('approves a strong match on its own when the network allows it', async () => {
    const { slug, client } = await tenantWithMember(server, 'owner');
    await client.patch(`/api/v1/t/${slug}/settings`, { autoApproveJoinRequests: true });
    const email = uniqueEmail('auto');
    await record(client, slug, { emails: [email] });
    await new TestClient(server).post(
      '/api/v1/join-requests',
      claim(slug, email, { familyName: '別名', familyNameKana: 'ベツメイ' }),
    );
    expect((await latestMail(server, email))!.textBody).toContain(`/invite/${slug}#token=`);
    const weak = uniqueEmail('weak');
    await new TestClient(server).post('/api/v1/join-requests', claim(slug, weak, { leftYear: 1999 }));
    expect(await latestMail(server, weak)).toBeNull();
  });

  it('answers an excluded person exactly like everyone else, and tells them neutrally by mail', async () => {
    const { slug, client } = await tenantWithMember(server, 'owner');
    await client.patch(`/api/v1/t/${slug}/settings`, { autoApproveJoinRequests: true });
    const email = uniqueEmail('excluded');
    await record(client, slug, { emails: [email], eligibility: 'not_eligible' });
    const answer = await new TestClient(server).post('/api/v1/join-requests', claim(slug, email));
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({ received: true });
    const mail = await latestMail(server, email);
    expect(mail!.textBody).toContain('ご参加をご案内できません');
    expect(mail!.textBody).not.toMatch(/除外|再雇用|invite\//);
    expect(
      (await client.get<{ requests: Request[] }>(`/api/v1/t/${slug}/registry/join-requests`)).body.requests,
    ).toEqual([]);
  });

  it('refuses bad input in the asker’s language and closed networks', async () => {
    const { slug, client } = await tenantWithMember(server, 'owner');
    const visitor = new TestClient(server, { language: 'en' });
    const bad = await visitor.post<{ errors: { path: string; message: string }[] }>(
      '/api/v1/join-requests',
      claim(slug, 'not-an-address', { familyNameKana: 'Saito' }),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e) => e.path).sort()).toEqual(['email', 'familyNameKana']);
    expect(bad.body.errors.find((e) => e.path === 'familyNameKana')!.message).toBe(
      'Enter the reading in katakana or hiragana.',
    );
    await client.patch(`/api/v1/t/${slug}/settings`, { joinRequestsOpen: false });
    expect((await visitor.get(`/api/v1/networks/${slug}/join`)).status).toBe(404);
    expect((await visitor.post('/api/v1/join-requests', claim(slug, uniqueEmail()))).status).toBe(403);
  });
});

describe('referrals', () => {
  it('invites a referred record under the usual rules and queues unknown addresses for HR', async () => {
    const { slug, client, tenant } = await tenantWithMember(server, 'admin');
    const known = uniqueEmail('known');
    const excluded = uniqueEmail('excluded');
    await record(client, slug, { emails: [known] });
    await record(client, slug, { emails: [excluded], familyName: '除外', eligibility: 'not_eligible' });
    const { addTestMember, signIn } = await import('../../../test/factories.js');
    const alumnus = await addTestMember(server, tenant.id, 'alumnus');
    const member = await signIn(server, alumnus.email);
    for (const email of [known, excluded, 'stranger@example.jp']) {
      const answer = await member.post(`/api/v1/t/${slug}/referrals`, { email, name: '田中 一郎' });
      expect(answer.status).toBe(202);
      expect(answer.body).toEqual({ received: true });
    }
    expect((await latestMail(server, known))!.textBody).toContain(`/invite/${slug}#token=`);
    expect(await latestMail(server, excluded)).toBeNull();
    const queue = await client.get<{ referrals: { id: string; email: string; referrer: string }[] }>(
      `/api/v1/t/${slug}/registry/referrals`,
    );
    expect(queue.body.referrals.map((r) => r.email)).toEqual(['stranger@example.jp']);
    await client.post(`/api/v1/t/${slug}/registry/referrals/${queue.body.referrals[0]!.id}/approve`);
    expect((await latestMail(server, 'stranger@example.jp'))!.textBody).toContain(`/invite/${slug}#token=`);
    const created = await client.get<{ records: { familyName: string; givenName: string }[] }>(
      `/api/v1/t/${slug}/registry/records?q=stranger`,
    );
    expect(created.body.records).toEqual([
      expect.objectContaining({ familyName: '田中', givenName: '一郎' }),
    ]);
  });
});

describe('request access', () => {
  it.each(['moderator', 'alumnus'] as const)('refuses the HR queues to a %s', async (role) => {
    const { slug, client } = await tenantWithMember(server, role);
    const id = '00000000-0000-4000-8000-000000000000';
    expect((await client.get(`/api/v1/t/${slug}/registry/join-requests`)).status).toBe(403);
    expect((await client.post(`/api/v1/t/${slug}/registry/join-requests/${id}/approve`, {})).status).toBe(
      403,
    );
    expect((await client.get(`/api/v1/t/${slug}/registry/referrals`)).status).toBe(403);
    expect((await client.post(`/api/v1/t/${slug}/registry/referrals/${id}/dismiss`)).status).toBe(403);
  });

  it("keeps each network's requests and referrals to itself", async () => {
    const a = await tenantWithMember(server, 'admin');
    const b = await tenantWithMember(server, 'admin');
    await new TestClient(server).post('/api/v1/join-requests', claim(a.slug, uniqueEmail()));
    await a.client.post(`/api/v1/t/${a.slug}/referrals`, { email: uniqueEmail('ref') });
    const aRequest = (
      await a.client.get<{ requests: Request[] }>(`/api/v1/t/${a.slug}/registry/join-requests`)
    ).body.requests[0]!;
    const aReferral = (
      await a.client.get<{ referrals: { id: string }[] }>(`/api/v1/t/${a.slug}/registry/referrals`)
    ).body.referrals[0]!;
    expect(
      (await b.client.get<{ requests: Request[] }>(`/api/v1/t/${b.slug}/registry/join-requests`)).body
        .requests,
    ).toEqual([]);
    expect(
      (await b.client.post(`/api/v1/t/${b.slug}/registry/join-requests/${aRequest.id}/approve`, {})).status,
    ).toBe(404);
    expect(
      (await b.client.post(`/api/v1/t/${b.slug}/registry/referrals/${aReferral.id}/approve`)).status,
    ).toBe(404);
    expect((await b.client.post(`/api/v1/t/${a.slug}/referrals`, { email: uniqueEmail() })).status).toBe(404);
  });
});

describe('a record that requests point at', () => {
  it('can be deleted: the join request and the referral stay in their network, unlinked', async () => {
    const { slug, client, tenant, member } = await tenantWithMember(server, 'admin');
    const recordId = await record(client, slug, { emails: [] });
    const db = server.deps.database.db;
    const { joinRequest, referral } = await inTenant(db, tenant.id, async (tx) => {
      const [joinRequest] = await tx
        .insert(joinRequests)
        .values({
          tenantId: tenant.id,
          email: uniqueEmail('join'),
          familyName: '斎藤',
          givenName: '恵',
          familyNameKana: 'サイトウ',
          givenNameKana: 'メグミ',
          matchedRecordId: recordId,
          matchKind: 'name_reading_year',
        })
        .returning();
      const [referral] = await tx
        .insert(referrals)
        .values({
          tenantId: tenant.id,
          referrerMembershipId: member.membership.id,
          email: uniqueEmail('referred'),
          recordId,
        })
        .returning();
      return { joinRequest: joinRequest!, referral: referral! };
    });

    await inTenant(db, tenant.id, (tx) =>
      tx
        .delete(alumniRecords)
        .where(and(eq(alumniRecords.tenantId, tenant.id), eq(alumniRecords.id, recordId))),
    );

    const after = await inTenant(db, tenant.id, async (tx) => ({
      joinRequest: await tx.select().from(joinRequests).where(eq(joinRequests.id, joinRequest.id)),
      referral: await tx.select().from(referrals).where(eq(referrals.id, referral.id)),
    }));
    expect(after.joinRequest).toEqual([{ ...joinRequest, matchedRecordId: null }]);
    expect(after.referral).toEqual([{ ...referral, recordId: null }]);
  });
});
