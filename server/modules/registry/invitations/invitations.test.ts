import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../../test/client.js';
import { latestMail, tenantWithMember, tokenFrom } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { remindInvitation } from './remind-invitation.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Preview = { invitable: { id: string; name: string }[]; skipped: { id: string; reason: string }[] };

async function createRecord(client: TestClient, slug: string, fields: Record<string, unknown>) {
  const created = await client.post<{ id: string }>(`/api/v1/t/${slug}/registry/records`, {
    familyName: '中村',
    givenName: '智博',
    familyNameKana: 'ナカムラ',
    givenNameKana: 'トモヒロ',
    contactConsent: 'granted',
    ...fields,
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

const template = {
  locale: 'ja',
  subject: '{会社名}のアルムナイへ',
  body: '{氏名} 様\nぜひご参加ください。\n{リンク}',
};

describe('invitations', () => {
  it('skips the excluded, the unconsented, the unreachable and the joined, and says why', async () => {
    const { slug, client } = await tenantWithMember(server, 'admin');
    const ok = await createRecord(client, slug, { emails: ['ok@example.jp'] });
    const excluded = await createRecord(client, slug, {
      emails: ['ex@example.jp'],
      eligibility: 'not_eligible',
    });
    const noConsent = await createRecord(client, slug, {
      emails: ['nc@example.jp'],
      contactConsent: 'withdrawn',
    });
    const noEmail = await createRecord(client, slug, { emails: [] });
    const preview = await client.post<Preview>(`/api/v1/t/${slug}/registry/invitations/preview`, {
      recordIds: [ok, excluded, noConsent, noEmail],
    });
    expect(preview.body.invitable.map((p) => p.id)).toEqual([ok]);
    expect(Object.fromEntries(preview.body.skipped.map((s) => [s.id, s.reason]))).toEqual({
      [excluded]: 'excluded',
      [noConsent]: 'no_consent',
      [noEmail]: 'no_email',
    });

    const onlyExcluded = await client.post<{ code: string }>(`/api/v1/t/${slug}/registry/invitations`, {
      recordIds: [excluded],
      ...template,
    });
    expect(onlyExcluded.status).toBe(422);
    expect(onlyExcluded.body.code).toBe('invitation_nobody');
    expect(await latestMail(server, 'ex@example.jp')).toBeNull();

    const sent = await client.post(`/api/v1/t/${slug}/registry/invitations`, {
      filter: {},
      ...template,
    });
    expect(sent.body).toEqual({ sent: 1, skipped: 3 });
    expect(await latestMail(server, 'nc@example.jp')).toBeNull();
    const again = await client.post<Preview>(`/api/v1/t/${slug}/registry/invitations/preview`, {
      recordIds: [ok],
    });
    expect(again.body.skipped).toEqual([expect.objectContaining({ id: ok, reason: 'already_invited' })]);
  });

  it('takes the invitee from the e-mailed link to a signed-in, verified alumnus linked to the record', async () => {
    const { slug, client, tenant } = await tenantWithMember(server, 'admin');
    const email = `inv.${Date.now()}@example.jp`;
    const recordId = await createRecord(client, slug, {
      emails: [email],
      hrNotes: '人事メモ: 競合他社へ',
      hrTags: ['要フォロー'],
    });
    await client.post(`/api/v1/t/${slug}/registry/invitations`, { recordIds: [recordId], ...template });
    const mail = await latestMail(server, email);
    expect(mail!.subject).toBe(`${tenant.nameJa}のアルムナイへ`);
    expect(mail!.textBody).toContain('中村 智博 様');
    const token = tokenFrom(mail!.textBody);

    const invitee = new TestClient(server);
    const opened = await invitee.post<{ name: string; network: { slug: string } }>(
      '/api/v1/invitations/open',
      { slug, token },
    );
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ name: '中村 智博', network: { slug } });
    let tracked = await client.get<{ invitations: { status: string; openedAt: string | null }[] }>(
      `/api/v1/t/${slug}/registry/invitations`,
    );
    expect(tracked.body.invitations[0]).toMatchObject({ status: 'opened' });

    const accepted = await invitee.post<{ redirectTo: string }>('/api/v1/invitations/accept', {
      slug,
      token,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.redirectTo).toBe(`/t/${slug}/welcome`);
    const home = await invitee.get<Record<string, unknown>>(`/api/v1/t/${slug}/home`);
    expect(home.status).toBe(200);
    expect(home.body).toMatchObject({ member: { role: 'alumnus', displayName: '中村 智博' } });

    // Nothing HR keeps about the person reaches them through any member-facing response.
    for (const path of [
      `/api/v1/t/${slug}/home`,
      '/api/v1/session',
      '/api/v1/account/sessions',
      '/api/v1/account/passkeys',
      `/api/v1/t/${slug}/community/me`,
      `/api/v1/t/${slug}/community/people`,
    ]) {
      const response = await invitee.get(path);
      expect(response.status).toBe(200);
      const text = JSON.stringify(response.body);
      expect(text).not.toContain('人事メモ');
      expect(text).not.toContain('要フォロー');
      expect(text).not.toMatch(/hrNotes|hrTags|eligibility|contactConsent/);
    }
    expect((await invitee.get(`/api/v1/t/${slug}/registry/records/${recordId}`)).status).toBe(403);

    const record = await client.get<{ record: { status: string; member: { displayName: string } | null } }>(
      `/api/v1/t/${slug}/registry/records/${recordId}`,
    );
    expect(record.body.record).toMatchObject({ status: 'joined', member: { displayName: '中村 智博' } });
    tracked = await client.get(`/api/v1/t/${slug}/registry/invitations`);
    expect(tracked.body.invitations[0]).toMatchObject({ status: 'joined' });
  });

  it('refuses a link once the person is excluded, with the same answer as a bad link', async () => {
    const { slug, client } = await tenantWithMember(server, 'owner');
    const email = `late.${Date.now()}@example.jp`;
    const recordId = await createRecord(client, slug, { emails: [email] });
    await client.post(`/api/v1/t/${slug}/registry/invitations`, { recordIds: [recordId], ...template });
    const token = tokenFrom((await latestMail(server, email))!.textBody);
    await client.patch(`/api/v1/t/${slug}/registry/records/${recordId}`, { eligibility: 'not_eligible' });
    const invitee = new TestClient(server);
    const refused = await invitee.post<{ code: string }>('/api/v1/invitations/accept', { slug, token });
    const bogus = await invitee.post<{ code: string }>('/api/v1/invitations/accept', {
      slug,
      token: 'x'.repeat(43),
    });
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe('invitation_invalid');
    expect(bogus.body.code).toBe(refused.body.code);
    expect((await invitee.get(`/api/v1/t/${slug}/home`)).status).toBe(401);
  });

  it('lets the invitee decline, after which nobody invites them by accident', async () => {
    const { slug, client } = await tenantWithMember(server, 'admin');
    const email = `decline.${Date.now()}@example.jp`;
    const recordId = await createRecord(client, slug, { emails: [email] });
    await client.post(`/api/v1/t/${slug}/registry/invitations`, { recordIds: [recordId], ...template });
    const token = tokenFrom((await latestMail(server, email))!.textBody);
    const invitee = new TestClient(server);
    expect((await invitee.post('/api/v1/invitations/decline', { slug, token })).status).toBe(200);
    const record = await client.get<{ record: { status: string } }>(
      `/api/v1/t/${slug}/registry/records/${recordId}`,
    );
    expect(record.body.record.status).toBe('declined');
    const preview = await client.post<Preview>(`/api/v1/t/${slug}/registry/invitations/preview`, {
      recordIds: [recordId],
    });
    expect(preview.body.skipped).toEqual([expect.objectContaining({ id: recordId, reason: 'declined' })]);
    expect((await invitee.post('/api/v1/invitations/accept', { slug, token })).status).toBe(404);
  });

  it('sends one reminder to people who have not joined, and none after they join', async () => {
    const { slug, client, tenant } = await tenantWithMember(server, 'admin');
    const email = `remind.${Date.now()}@example.jp`;
    const recordId = await createRecord(client, slug, { emails: [email] });
    await client.post(`/api/v1/t/${slug}/registry/invitations`, {
      recordIds: [recordId],
      ...template,
      reminderAfterDays: 7,
    });
    const token = tokenFrom((await latestMail(server, email))!.textBody);
    const invitations = await client.get<{ invitations: { id: string; reminderAt: string }[] }>(
      `/api/v1/t/${slug}/registry/invitations`,
    );
    const invitation = invitations.body.invitations[0]!;
    expect(new Date(invitation.reminderAt).getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3600 * 1000);
    await remindInvitation(server.deps, { tenantId: tenant.id, invitationId: invitation.id, token });
    const reminder = await latestMail(server, email);
    expect(reminder!.subject).toMatch(/^【再送】/);
    expect(tokenFrom(reminder!.textBody)).toBe(token);
    await remindInvitation(server.deps, { tenantId: tenant.id, invitationId: invitation.id, token });
    expect((await latestMail(server, email))!.id).toBe(reminder!.id);
  });

  it('shows a joined invitation as joined, with no reminder planned', async () => {
    const { slug, client } = await tenantWithMember(server, 'admin');
    const email = `joined.${Date.now()}@example.jp`;
    const recordId = await createRecord(client, slug, { emails: [email] });
    await client.post(`/api/v1/t/${slug}/registry/invitations`, {
      recordIds: [recordId],
      ...template,
      reminderAfterDays: 7,
    });
    const token = tokenFrom((await latestMail(server, email))!.textBody);
    type Listed = { invitations: { status: string; reminderAt: string | null; joinedAt: string | null }[] };
    const before = await client.get<Listed>(`/api/v1/t/${slug}/registry/invitations`);
    expect(before.body.invitations[0]!.reminderAt).not.toBeNull();
    const invitee = new TestClient(server);
    expect((await invitee.post('/api/v1/invitations/accept', { slug, token })).status).toBe(200);
    const after = await client.get<Listed>(`/api/v1/t/${slug}/registry/invitations`);
    expect(after.body.invitations[0]).toMatchObject({ status: 'joined', reminderAt: null });
    expect(after.body.invitations[0]!.joinedAt).not.toBeNull();
  });
});

describe('invitation access', () => {
  it.each(['moderator', 'alumnus'] as const)('refuses the staff side to a %s', async (role) => {
    const { slug, client } = await tenantWithMember(server, role);
    expect((await client.post(`/api/v1/t/${slug}/registry/invitations/preview`, { filter: {} })).status).toBe(
      403,
    );
    expect(
      (await client.post(`/api/v1/t/${slug}/registry/invitations`, { filter: {}, ...template })).status,
    ).toBe(403);
    expect((await client.get(`/api/v1/t/${slug}/registry/invitations`)).status).toBe(403);
    expect((await client.get(`/api/v1/t/${slug}/registry/invitation-templates`)).status).toBe(403);
  });

  it("cannot invite another network's records or use its links under another slug", async () => {
    const a = await tenantWithMember(server, 'admin');
    const b = await tenantWithMember(server, 'admin');
    const email = `cross.${Date.now()}@example.jp`;
    const recordId = await createRecord(a.client, a.slug, { emails: [email] });
    const preview = await b.client.post<Preview>(`/api/v1/t/${b.slug}/registry/invitations/preview`, {
      recordIds: [recordId],
    });
    expect(preview.body).toEqual({ invitable: [], skipped: [] });
    expect(
      (
        await b.client.post(`/api/v1/t/${b.slug}/registry/invitations`, {
          recordIds: [recordId],
          ...template,
        })
      ).status,
    ).toBe(422);
    await a.client.post(`/api/v1/t/${a.slug}/registry/invitations`, { recordIds: [recordId], ...template });
    const token = tokenFrom((await latestMail(server, email))!.textBody);
    expect(
      (await b.client.get<{ invitations: unknown[] }>(`/api/v1/t/${b.slug}/registry/invitations`)).body
        .invitations,
    ).toEqual([]);
    const wrongSlug = await new TestClient(server).post('/api/v1/invitations/accept', {
      slug: b.slug,
      token,
    });
    expect(wrongSlug.status).toBe(404);
  });
});
