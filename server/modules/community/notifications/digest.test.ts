import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberProfiles } from '../../../db/schema/index.js';
import { inTenant } from '../../../db/scope.js';
import { TestClient } from '../../../test/client.js';
import { communityMember } from '../../../test/community-factories.js';
import { createTestTenant, mailsTo } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { sendDueDigests } from './digest.js';
import { digestPeriodStart } from './digest-schedule.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const DAY = 24 * 60 * 60 * 1000;

async function network() {
  const created = await createTestTenant(server);
  return { id: created.tenant.id, slug: created.slug, name: created.tenant.nameJa };
}

/** As if the member had joined a month (or `ago`) before and never had a digest. */
async function joinedLongAgo(tenantId: string, membershipId: string, ago = 30 * DAY) {
  await inTenant(server.deps.database.db, tenantId, (tx) =>
    tx
      .update(memberProfiles)
      .set({ onboardedAt: new Date(Date.now() - ago), lastDigestAt: null })
      .where(and(eq(memberProfiles.tenantId, tenantId), eq(memberProfiles.membershipId, membershipId))),
  );
}

async function digestsTo(email: string) {
  return (await mailsTo(server, email)).filter((mail) => mail.subject.includes('のアルムナイネットワーク'));
}

describe('the digest e-mail', () => {
  it('mails what is new under followed hashtags once per period, and never what a block hides', async () => {
    const tenant = await network();
    const base = `/api/v1/t/${tenant.slug}/community`;
    const reader = await communityMember(server, tenant, { displayName: '読む 人' });
    const daily = await communityMember(server, tenant, { displayName: '毎日 派' });
    const quiet = await communityMember(server, tenant, { displayName: '静か 派' });
    const author = await communityMember(server, tenant, { displayName: '起業 先輩' });
    const blocked = await communityMember(server, tenant, { displayName: '会いたくない 人' });
    for (const member of [reader, daily, quiet]) await joinedLongAgo(tenant.id, member.id);
    for (const member of [reader, daily]) await member.client.put(`${base}/hashtags/起業/follow`, {});
    await daily.client.patch(`${base}/me/notification-settings`, { digest: 'daily' });
    await reader.client.put(`${base}/people/${blocked.id}/block`, {});
    const post = (
      await author.client.post<{ id: string }>(`${base}/posts`, { body: '**新しい事業**を始めました #起業' })
    ).body;
    await blocked.client.post(`${base}/posts`, { body: '見えないはずの投稿 #起業' });

    const now = new Date();
    await sendDueDigests(server.deps, now);
    const [weekly] = await digestsTo(reader.email);
    expect(weekly!.subject).toBe(`【${tenant.name}】今週のアルムナイネットワーク`);
    expect(weekly!.textBody).toContain('■ 新しい投稿（1 件）');
    expect(weekly!.textBody).toContain('・起業 先輩 さん「新しい事業を始めました #起業」');
    expect(weekly!.textBody).toContain(`/t/${tenant.slug}/posts/${post.id}`);
    expect(weekly!.textBody).not.toContain('見えないはずの投稿');
    expect(weekly!.textBody).toMatch(/このダイジェストを停止する（サインイン不要）: .*list=digest/);
    const [dailyMail] = await digestsTo(daily.email);
    expect(dailyMail!.subject).toBe(`【${tenant.name}】今日のアルムナイネットワーク`);
    expect(dailyMail!.textBody).toContain('見えないはずの投稿');
    // Nothing new for someone who follows nothing: no mail.
    expect(await digestsTo(quiet.email)).toEqual([]);

    // The same period again (a second instance, or a retry): nothing is sent twice.
    await sendDueDigests(server.deps, new Date(now.getTime() + 60_000));
    expect(await digestsTo(reader.email)).toHaveLength(1);
    expect(await digestsTo(daily.email)).toHaveLength(1);

    // The next day the daily member is due again; the weekly one only from next Monday 08:00, which is
    // that same turn when the test runs on a Sunday (or a Monday before 08:00) in Japan.
    const tomorrow = new Date(now.getTime() + DAY);
    await author.client.post(`${base}/posts`, { body: '続報です #起業' });
    const nextDay = new Date(digestPeriodStart(tomorrow, 'daily', 'Asia/Tokyo').getTime() + 1000);
    const nextWeek = new Date(digestPeriodStart(now, 'weekly', 'Asia/Tokyo').getTime() + 7 * DAY + 1000);
    await sendDueDigests(server.deps, nextDay);
    expect(await digestsTo(daily.email)).toHaveLength(2);
    expect(await digestsTo(reader.email)).toHaveLength(nextDay >= nextWeek ? 2 : 1);
    await sendDueDigests(server.deps, nextWeek);
    const [second] = await digestsTo(reader.email);
    expect(second!.textBody).toContain('続報です');
    expect(second!.textBody).not.toContain('新しい事業');
  });

  it('puts company announcements only in the digests of members who agreed to company news by e-mail', async () => {
    const tenant = await network();
    const base = `/api/v1/t/${tenant.slug}/community`;
    const consenting = await communityMember(server, tenant, {
      displayName: '受け取る 人',
      companyNews: true,
    });
    const declining = await communityMember(server, tenant, { displayName: '断った 人' });
    const newsOnly = await communityMember(server, tenant, { displayName: '何も フォローしない人' });
    const hr = await communityMember(server, tenant, { role: 'admin', displayName: '人事 担当' });
    const author = await communityMember(server, tenant, { displayName: '起業 先輩' });
    for (const member of [consenting, declining, newsOnly]) await joinedLongAgo(tenant.id, member.id);
    for (const member of [consenting, declining]) await member.client.put(`${base}/hashtags/起業/follow`, {});
    for (const body of ['会社説明会のご案内', '起業支援制度のお知らせ #起業']) {
      expect((await hr.client.post(`${base}/posts`, { body, announcement: true })).status).toBe(201);
    }
    await author.client.post(`${base}/posts`, { body: '起業しました #起業' });

    await sendDueDigests(server.deps);
    const [toConsenting] = await digestsTo(consenting.email);
    expect(toConsenting!.textBody).toContain('■ 新しい投稿（3 件）');
    expect(toConsenting!.textBody).toContain('会社説明会のご案内');
    expect(toConsenting!.textBody).toContain('起業支援制度のお知らせ');
    const [toDeclining] = await digestsTo(declining.email);
    expect(toDeclining!.textBody).toContain('■ 新しい投稿（1 件）');
    expect(toDeclining!.textBody).toContain('・起業 先輩 さん「起業しました #起業」');
    expect(toDeclining!.textBody).not.toContain('会社説明会');
    expect(toDeclining!.textBody).not.toContain('起業支援制度');
    // Nothing but announcements is new for someone who declined them: no digest at all.
    expect(await digestsTo(newsOnly.email)).toEqual([]);
  });

  it('stops between batches when the server shuts down, and the next run mails who was left', async () => {
    const tenant = await network();
    const base = `/api/v1/t/${tenant.slug}/community`;
    const reader = await communityMember(server, tenant);
    const author = await communityMember(server, tenant);
    await joinedLongAgo(tenant.id, reader.id);
    await reader.client.put(`${base}/hashtags/転職/follow`, {});
    await author.client.post(`${base}/posts`, { body: '転職しました #転職' });
    const stopping = new AbortController();
    stopping.abort();
    expect(await sendDueDigests(server.deps, new Date(), stopping.signal)).toBe(0);
    expect(await digestsTo(reader.email)).toEqual([]);
    await sendDueDigests(server.deps);
    expect(await digestsTo(reader.email)).toHaveLength(1);
  });

  it('stops from the link in the digest without signing in, leaving other e-mail as it was', async () => {
    const tenant = await network();
    const base = `/api/v1/t/${tenant.slug}/community`;
    const reader = await communityMember(server, tenant);
    const author = await communityMember(server, tenant);
    await joinedLongAgo(tenant.id, reader.id);
    await reader.client.put(`${base}/hashtags/副業/follow`, {});
    await author.client.post(`${base}/posts`, { body: '案件の相談です #副業' });
    await sendDueDigests(server.deps);
    const [mail] = await digestsTo(reader.email);
    const link = /\/unsubscribe\/([\w-]+)#(\S+)/.exec(mail!.textBody)!;
    const params = new URLSearchParams(link[2]);
    expect(params.get('list')).toBe('digest');
    const anonymous = new TestClient(server);
    const stopped = await anonymous.post('/api/v1/unsubscribe', {
      slug: link[1],
      member: params.get('member'),
      key: params.get('key'),
      list: 'digest',
    });
    expect(stopped.status).toBe(200);
    const settings = await reader.client.get<{ digest: string; emailNotifications: boolean }>(
      `${base}/me/notification-settings`,
    );
    expect(settings.body).toMatchObject({ digest: 'off', emailNotifications: true });
    await joinedLongAgo(tenant.id, reader.id);
    await sendDueDigests(server.deps);
    expect(await digestsTo(reader.email)).toHaveLength(1);
  });

  it('mails a monthly digest once a month from the 1st at 08:00, never at the weekly turn', async () => {
    const tenant = await network();
    const base = `/api/v1/t/${tenant.slug}/community`;
    const monthly = await communityMember(server, tenant, { displayName: '月刊 派' });
    const weekly = await communityMember(server, tenant, { displayName: '週刊 派' });
    const author = await communityMember(server, tenant, { displayName: '起業 先輩' });
    for (const member of [monthly, weekly]) {
      await joinedLongAgo(tenant.id, member.id, 100 * DAY);
      await member.client.put(`${base}/hashtags/月報/follow`, {});
    }
    const chosen = await monthly.client.patch(`${base}/me/notification-settings`, { digest: 'monthly' });
    expect(chosen.status).toBe(200);
    expect(chosen.body).toMatchObject({ digest: 'monthly' });
    await author.client.post(`${base}/posts`, { body: '今月の振り返り #月報' });

    // Last month, just after 08:00 on the 1st: both are due.
    const thisMonth = digestPeriodStart(new Date(), 'monthly', 'Asia/Tokyo');
    const lastMonth = digestPeriodStart(new Date(thisMonth.getTime() - 1), 'monthly', 'Asia/Tokyo');
    const firstRun = new Date(lastMonth.getTime() + 1000);
    await sendDueDigests(server.deps, firstRun);
    const [first] = await digestsTo(monthly.email);
    expect(first!.subject).toBe(`【${tenant.name}】この 1 か月のアルムナイネットワーク`);
    expect(first!.textBody).toContain('この 1 か月の新着をお届けします');
    expect(first!.textBody).toContain('今月の振り返り');
    expect(await digestsTo(weekly.email)).toHaveLength(1);

    // Three weekly turns within that month (the post is still new to both): only the weekly member is mailed.
    for (const weeks of [1, 2, 3]) {
      const turn = digestPeriodStart(new Date(firstRun.getTime() + weeks * 7 * DAY), 'weekly', 'Asia/Tokyo');
      await sendDueDigests(server.deps, new Date(turn.getTime() + 1000));
    }
    expect(await digestsTo(weekly.email)).toHaveLength(4);
    expect(await digestsTo(monthly.email)).toHaveLength(1);

    // This month's 1st at 08:00: the monthly member is due again, once.
    await sendDueDigests(server.deps, new Date(thisMonth.getTime() + 1000));
    await sendDueDigests(server.deps, new Date(thisMonth.getTime() + 2000));
    expect(await digestsTo(monthly.email)).toHaveLength(2);
  });

  it('starts a monthly period at 08:00 on the 1st in the network time zone', () => {
    const at = (iso: string) => digestPeriodStart(new Date(iso), 'monthly', 'Asia/Tokyo').toISOString();
    // 2026-03-15 10:00 JST → 2026-03-01 08:00 JST (2026-02-28T23:00Z).
    expect(at('2026-03-15T01:00:00Z')).toBe('2026-02-28T23:00:00.000Z');
    // 07:59 JST on the 1st still belongs to the month before; January steps back into December.
    expect(at('2026-01-31T22:59:00Z')).toBe('2025-12-31T23:00:00.000Z');
    expect(at('2026-01-31T23:00:00Z')).toBe('2026-01-31T23:00:00.000Z');
    expect(at('2025-12-31T22:59:00Z')).toBe('2025-11-30T23:00:00.000Z');
  });

  it('runs as a durable hourly job scheduled with the queue', async () => {
    const { rows } = await server.deps.database.execute(
      `select name, cron from pgboss.schedule where name in ('community.digest', 'community.cleanup') order by name`,
      [],
    );
    expect(rows).toEqual([
      { name: 'community.cleanup', cron: '40 * * * *' },
      { name: 'community.digest', cron: '5 * * * *' },
    ]);
  });
});
