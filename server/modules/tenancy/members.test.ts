import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../db/schema/index.js';
import { enterTenant } from '../../db/scope.js';
import { TestClient } from '../../test/client.js';
import {
  addTestMember,
  createTestTenant,
  latestMail,
  signIn,
  tokenFrom,
  uniqueEmail,
} from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { createProfile } from '../community/profiles.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

async function memberClient(tenantId: string, role: Role) {
  const member = await addTestMember(server, tenantId, role);
  return { ...member, client: await signIn(server, member.email) };
}

describe('members and roles', () => {
  it.each(['moderator', 'employee', 'alumnus'] as const)(
    'refuses member management to a %s with 403',
    async (role) => {
      const { tenant, slug } = await createTestTenant(server);
      const { client } = await memberClient(tenant.id, role);
      expect((await client.get(`/api/v1/t/${slug}/members`)).status).toBe(403);
      expect(
        (
          await client.post(`/api/v1/t/${slug}/members`, {
            email: uniqueEmail(),
            displayName: 'x',
            role: 'admin',
          })
        ).status,
      ).toBe(403);
      expect((await client.get(`/api/v1/t/${slug}/audit-events`)).status).toBe(403);
      expect((await client.patch(`/api/v1/t/${slug}/settings`, { nameJa: 'x' })).status).toBe(403);
      const home = await client.get<{ member: { role: string }; tenant: { slug: string } }>(
        `/api/v1/t/${slug}/home`,
      );
      expect(home.status).toBe(200);
      expect(home.body.member.role).toBe(role);
    },
  );

  it('lets an HR admin add a moderator, who receives a link into the network', async () => {
    const { tenant, slug } = await createTestTenant(server);
    const { client: admin } = await memberClient(tenant.id, 'admin');
    const email = uniqueEmail('mod');
    const created = await admin.post<{ id: string; role: string; email: string }>(
      `/api/v1/t/${slug}/members`,
      {
        email,
        displayName: '鈴木 一郎',
        role: 'moderator',
      },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ role: 'moderator', email });
    const mail = await latestMail(server, email);
    expect(mail?.subject).toContain('招待');
    const invitee = new TestClient(server);
    const verified = await invitee.post<{ redirectTo: string }>('/api/v1/auth/verify', {
      token: tokenFrom(mail!.textBody),
    });
    expect(verified.body.redirectTo).toBe(`/t/${slug}`);
    expect((await invitee.get(`/api/v1/t/${slug}/home`)).status).toBe(200);
    expect(
      (await admin.post(`/api/v1/t/${slug}/members`, { email, displayName: '再', role: 'alumnus' })).status,
    ).toBe(409);
  });

  it('keeps owner and admin roles an owner’s decision', async () => {
    const { tenant, slug } = await createTestTenant(server);
    const { client: admin } = await memberClient(tenant.id, 'admin');
    const denied = await admin.post(`/api/v1/t/${slug}/members`, {
      email: uniqueEmail(),
      displayName: 'x',
      role: 'admin',
    });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('owner_only');
    const alumnus = await addTestMember(server, tenant.id, 'alumnus');
    const promote = await admin.patch(`/api/v1/t/${slug}/members/${alumnus.membership.id}`, {
      role: 'owner',
    });
    expect(promote.status).toBe(403);
    const moderate = await admin.patch<{ role: string }>(
      `/api/v1/t/${slug}/members/${alumnus.membership.id}`,
      {
        role: 'moderator',
      },
    );
    expect(moderate.body.role).toBe('moderator');
  });

  it('lets an owner hand over ownership but not change their own role', async () => {
    const { tenant, slug, owner } = await createTestTenant(server);
    const { client: secondOwner, membership } = await memberClient(tenant.id, 'owner');
    expect((await secondOwner.patch(`/api/v1/t/${slug}/members/${owner.id}`, { role: 'admin' })).status).toBe(
      200,
    );
    const selfDemotion = await secondOwner.patch(`/api/v1/t/${slug}/members/${membership.id}`, {
      role: 'admin',
    });
    expect(selfDemotion.status).toBe(403);
    expect(selfDemotion.body.code).toBe('self_change');
    const owners = await secondOwner.get<{ members: unknown[] }>(`/api/v1/t/${slug}/members?role=owner`);
    expect(owners.body.members).toHaveLength(1);
  });

  it('suspends and removes members; a removed member loses access and the audit log says who did it', async () => {
    const { tenant, slug, ownerEmail } = await createTestTenant(server);
    const owner = await signIn(server, ownerEmail);
    const { client: leaver, membership } = await memberClient(tenant.id, 'alumnus');
    expect(
      (await owner.patch(`/api/v1/t/${slug}/members/${membership.id}`, { status: 'suspended' })).status,
    ).toBe(200);
    expect((await leaver.get(`/api/v1/t/${slug}/home`)).status).toBe(404);
    expect((await owner.delete(`/api/v1/t/${slug}/members/${membership.id}`)).status).toBe(200);
    expect((await owner.get(`/api/v1/t/${slug}/members/${membership.id}`)).status).toBe(404);
    const audit = await owner.get<{ events: { action: string; actorName: string }[] }>(
      `/api/v1/t/${slug}/audit-events`,
    );
    expect(audit.body.events.map((e) => e.action)).toEqual([
      'member.removed',
      'member.updated',
      'tenant.created',
    ]);
    expect(audit.body.events[0]!.actorName).toBe('オーナー 太郎');
    const filtered = await owner.get<{ events: { action: string }[] }>(
      `/api/v1/t/${slug}/audit-events?action=member.updated`,
    );
    expect(filtered.body.events.map((e) => e.action)).toEqual(['member.updated']);
  });

  it('pages through members by name without gaps or repeats', async () => {
    const { tenant, slug, ownerEmail } = await createTestTenant(server);
    for (let i = 0; i < 7; i += 1)
      await addTestMember(server, tenant.id, 'alumnus', { displayName: `会員 ${i % 3}` });
    const owner = await signIn(server, ownerEmail);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page: { body: { members: { id: string }[]; nextCursor: string | null } } = await owner.get(
        `/api/v1/t/${slug}/members?limit=3${query}`,
      );
      seen.push(...page.body.members.map((m) => m.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
    const bad = await owner.get(`/api/v1/t/${slug}/members?cursor=not-a-cursor`);
    expect(bad.status).toBe(422);
  });

  it('lists members in kana order of their readings (五十音順), not by kanji code point', async () => {
    const { tenant, slug, ownerEmail } = await createTestTenant(server);
    for (const [name, reading] of [
      ['中村 智博', 'ナカムラ トモヒロ'],
      ['井上 真央', 'いのうえ まお'],
      ['伊藤 翼', 'イトウ ツバサ'],
      ['渡辺 健', 'ワタナベ ケン'],
    ] as const) {
      const added = await addTestMember(server, tenant.id, 'alumnus', { displayName: name });
      await server.deps.database.db.transaction(async (tx) => {
        await enterTenant(tx, tenant.id);
        await createProfile(tx, tenant.id, added.membership.id, reading);
      });
    }
    const owner = await signIn(server, ownerEmail);
    type Listed = { id: string; displayName: string; reading: string };
    const listed: Listed[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page: { body: { members: Listed[]; nextCursor: string | null } } = await owner.get(
        `/api/v1/t/${slug}/members?limit=2&role=alumnus${query}`,
      );
      listed.push(...page.body.members);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(listed.map((m) => m.displayName)).toEqual(['伊藤 翼', '井上 真央', '中村 智博', '渡辺 健']);
    // The reading the order comes from is shown beside the name, in the list and for one member.
    expect(listed.map((m) => m.reading)).toEqual([
      'イトウ ツバサ',
      'イノウエ マオ',
      'ナカムラ トモヒロ',
      'ワタナベ ケン',
    ]);
    const one = await owner.get<Listed>(`/api/v1/t/${slug}/members/${listed[0]!.id}`);
    expect(one.body.reading).toBe('イトウ ツバサ');
    // Someone without a profile yet has no reading.
    const added = await owner.post<Listed>(`/api/v1/t/${slug}/members`, {
      email: uniqueEmail(),
      displayName: '新人 太郎',
      role: 'admin',
    });
    expect(added.status).toBe(201);
    expect(added.body.reading).toBe('');
  });

  it('adds current employees only once the owner lets them join, and says why before that', async () => {
    const { tenant, slug, ownerEmail } = await createTestTenant(server);
    const { client: admin } = await memberClient(tenant.id, 'admin');
    const alumnus = await addTestMember(server, tenant.id, 'alumnus');
    const employee = { email: uniqueEmail('emp'), displayName: '現役 社員', role: 'employee' };
    const refused = await admin.post<{ code: string; title: string }>(`/api/v1/t/${slug}/members`, employee);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('employees_not_allowed');
    expect(refused.body.title).toContain('現役社員の参加を許可していません');
    const promoted = await admin.patch<{ code: string }>(
      `/api/v1/t/${slug}/members/${alumnus.membership.id}`,
      { role: 'employee' },
    );
    expect(promoted.body.code).toBe('employees_not_allowed');
    const listed = await admin.get<{ members: { email: string; role: string }[] }>(
      `/api/v1/t/${slug}/members?role=employee`,
    );
    expect(listed.body.members).toEqual([]);

    const owner = await signIn(server, ownerEmail);
    expect((await owner.patch(`/api/v1/t/${slug}/settings`, { employeesMayJoin: true })).status).toBe(200);
    expect((await admin.post(`/api/v1/t/${slug}/members`, employee)).status).toBe(201);
    const after = await admin.get<{ members: { email: string }[] }>(
      `/api/v1/t/${slug}/members?role=employee`,
    );
    expect(after.body.members.map((m) => m.email)).toEqual([employee.email]);
  });
});
