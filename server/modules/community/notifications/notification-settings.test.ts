import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityMember } from '../../../test/community-factories.js';
import { createTestTenant, mailsTo } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Settings = {
  emailNotifications: boolean;
  digest: string;
  preferences: Record<string, { inApp: boolean; email: boolean; push: boolean }>;
};

async function network() {
  const created = await createTestTenant(server);
  return { id: created.tenant.id, slug: created.slug };
}

/** Notification mail to an address (sign-in links aside), newest first. */
async function notificationMails(email: string) {
  return (await mailsTo(server, email)).filter((mail) => mail.subject.startsWith('【テスト株式会社'));
}

describe('notification settings', () => {
  it('starts from defaults, and each kind reaches each channel as the member chose', async () => {
    const tenant = await network();
    const base = `/api/v1/t/${tenant.slug}/community`;
    const author = await communityMember(server, tenant, { displayName: '投稿 太郎' });
    const friend = await communityMember(server, tenant, { displayName: '友人 花子' });
    const initial = (await author.client.get<Settings>(`${base}/me/notification-settings`)).body;
    expect(initial.digest).toBe('weekly');
    expect(initial.emailNotifications).toBe(true);
    expect(initial.preferences.comment).toEqual({ inApp: true, email: true, push: true });
    expect(initial.preferences.group_request).toEqual({ inApp: true, email: false, push: false });

    const changed = await author.client.patch<Settings>(`${base}/me/notification-settings`, {
      digest: 'daily',
      preferences: { comment: { email: false }, message: { inApp: false } },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.digest).toBe('daily');
    expect(changed.body.preferences.comment).toEqual({ inApp: true, email: false, push: true });
    expect(changed.body.preferences.message).toEqual({ inApp: false, email: true, push: true });

    const post = (await author.client.post<{ id: string }>(`${base}/posts`, { body: '近況です' })).body;
    await friend.client.post(`${base}/posts/${post.id}/comments`, { body: 'おめでとう' });
    const conversation = (
      await friend.client.post<{ id: string }>(`${base}/conversations`, { memberId: author.id })
    ).body;
    await friend.client.post(`${base}/conversations/${conversation.id}/messages`, { body: 'お茶しましょう' });

    const bell = await author.client.get<{ notifications: { kind: string }[] }>(`${base}/notifications`);
    expect(bell.body.notifications.map((n) => n.kind)).toEqual(['comment']);
    const mails = await notificationMails(author.email);
    expect(mails.map((mail) => mail.subject)).toEqual([
      expect.stringContaining('友人 花子 さんからメッセージが届きました。'),
    ]);

    // The master switch stops every notification e-mail, whatever the table says.
    await author.client.patch(`${base}/me/notification-settings`, { emailNotifications: false });
    await friend.client.post(`${base}/conversations/${conversation.id}/messages`, { body: 'もう一度' });
    expect(await notificationMails(author.email)).toHaveLength(1);
  });

  it('refuses unknown kinds, channels and values in the member’s language, changing nothing', async () => {
    const tenant = await network();
    const base = `/api/v1/t/${tenant.slug}/community`;
    const member = await communityMember(server, tenant);
    for (const bad of [
      { preferences: { likes: { email: true } } },
      { preferences: { comment: { sms: true } } },
      { digest: 'hourly' },
      { emailNotifications: 'yes' },
      { theme: 'dark' },
    ]) {
      const response = await member.client.patch<{ code: string; title: string }>(
        `${base}/me/notification-settings`,
        bad,
      );
      expect(response.status).toBe(422);
      expect(response.body.title).toBe('入力内容を確認してください。');
    }
    const settings = (await member.client.get<Settings>(`${base}/me/notification-settings`)).body;
    expect(settings.digest).toBe('weekly');
    expect(settings.preferences.comment).toEqual({ inApp: true, email: true, push: true });
  });

  it('is each member’s own: other networks get 404, the signed-out 401', async () => {
    const tenant = await network();
    const other = await network();
    const base = `/api/v1/t/${tenant.slug}/community`;
    await communityMember(server, tenant);
    const outsider = await communityMember(server, other);
    expect((await outsider.client.get(`${base}/me/notification-settings`)).status).toBe(404);
    expect((await outsider.client.patch(`${base}/me/notification-settings`, { digest: 'off' })).status).toBe(
      404,
    );
    const anonymous = await fetch(`${server.baseUrl}${base}/me/notification-settings`);
    expect(anonymous.status).toBe(401);
  });
});
