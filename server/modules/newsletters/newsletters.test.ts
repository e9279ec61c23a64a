import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentEvents, invitations, newsletterCampaigns } from '../../db/schema/index.js';
import { TestClient } from '../../test/client.js';
import { communityMember } from '../../test/community-factories.js';
import { mailsTo } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import {
  type Campaign,
  draft,
  newsletterNetwork,
  oneClick,
  outboxFor,
  type Preview,
  read,
} from './newsletter-fixtures.js';
import { sendDueCampaign } from './send-campaigns.js';
import { columns } from './wrap-text.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const network = (options: { sender?: boolean } = {}) => newsletterNetwork(server, options);

describe('newsletters', () => {
  it('previews who a segment reaches and who is left out and why; nobody without consent can be added', async () => {
    const n = await network();
    const campaign = await draft(n);
    const preview = await n.staff.client.get<Preview>(`${n.desk}/newsletters/${campaign.id}/audience`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ reached: 2, reachedMembers: 1, reachedRecords: 1 });
    expect(Object.fromEntries(preview.body.leftOut.map((row) => [row.reason, row.sample]))).toEqual({
      no_consent: ['未同意 太郎', '未同意記録'],
      bounced: ['不達'],
    });
    // There is no list of addresses to add people by hand: an unknown field is refused.
    const byHand = await n.staff.client.post(`${n.desk}/newsletters`, {
      subject: '手で追加',
      recipients: [n.people.noConsentRecord.email],
    });
    expect(byHand.status).toBe(422);
    const patched = await n.staff.client.patch(`${n.desk}/newsletters/${campaign.id}`, {
      recipientIds: [n.people.noConsentMember.id],
    });
    expect(patched.status).toBe(422);
    const unpublished = await n.staff.client.post(`${n.desk}/newsletters`, {
      subject: '下書き入り',
      articleIds: [n.draftArticleId],
    });
    expect(unpublished.status).toBe(422);
    expect(unpublished.body).toMatchObject({ code: 'newsletter_article_unpublished' });
  });

  it('sends a test only to the staff member themself, marked [テスト], and records no delivery', async () => {
    const n = await network();
    const campaign = await draft(n);
    const res = await n.staff.client.post<{ sentTo: string }>(`${n.desk}/newsletters/${campaign.id}/test`);
    expect(res.status).toBe(200);
    expect(res.body.sentTo).toBe(n.staff.email);
    const [mail] = await mailsTo(server, n.staff.email);
    expect(mail!.subject).toBe('[テスト] 12月のアルムナイ通信');
    expect(mail!.textBody).toContain('新しい人事制度のお知らせ');
    expect(mail!.textBody).toContain('東京都千代田区丸の内1-1-1');
    expect(await mailsTo(server, n.people.member.email)).toHaveLength(0);
    expect(await mailsTo(server, n.people.record.email!)).toHaveLength(0);
    expect(await outboxFor(n, campaign.id)).toHaveLength(0);
    const stored = await read(n, (tx) =>
      tx.select().from(newsletterCampaigns).where(eq(newsletterCampaigns.id, campaign.id)),
    );
    expect(stored[0]!.status).toBe('draft');
  });

  it("refuses to send before the sender's address and contact are in the settings", async () => {
    const n = await network({ sender: false });
    const campaign = await draft(n);
    for (const path of ['send', 'test']) {
      const res = await n.staff.client.post(`${n.desk}/newsletters/${campaign.id}/${path}`);
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'newsletter_sender_missing' });
    }
    const settings = await n.owner.get<{ senderAddress: string }>(`/api/v1/t/${n.slug}/settings`);
    expect(settings.body.senderAddress).toBe('');
  });

  it('sends now to consenting members and records only, keeps the consent with each delivery, and refuses a second send', async () => {
    const n = await network();
    const campaign = await draft(n);
    const url = `${n.desk}/newsletters/${campaign.id}/send`;
    const [first, second] = await Promise.all([n.staff.client.post(url), n.staff.client.post(url)]);
    expect([first.status, second.status].sort()).toEqual([202, 409]);
    expect((await n.staff.client.post(url)).status).toBe(409);
    await server.deps.jobs.drain();
    const sent = await n.staff.client.get<Campaign>(`${n.desk}/newsletters/${campaign.id}`);
    expect(sent.body).toMatchObject({ status: 'sent', recipientCount: 2 });
    expect(sent.body.counts).toEqual({ queued: 0, sent: 2, failed: 0, bounced: 0, unsubscribed: 0 });

    const rows = await outboxFor(n, campaign.id);
    expect(rows).toHaveLength(2);
    const toMember = rows.find((row) => row.delivery.recipientKind === 'member')!;
    const toRecord = rows.find((row) => row.delivery.recipientKind === 'record')!;
    const [consent] = await read(n, (tx) =>
      tx
        .select()
        .from(consentEvents)
        .where(
          and(eq(consentEvents.membershipId, n.people.member.id), eq(consentEvents.purpose, 'company_news')),
        ),
    );
    expect(toMember.delivery.consentEventId).toBe(consent!.id);
    expect(toRecord.delivery.recordConsent).toMatchObject({
      contactConsent: 'granted',
      source: 'exit_survey',
      wordingVersion: 'exit-2026',
    });
    for (const { mail } of rows) {
      expect(mail.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
      expect(mail.headers['List-Unsubscribe']).toMatch(/^<http.+\/programmes\/unsubscribe\/one-click\?/);
      expect(mail.textBody).toContain('縁テスト株式会社 人事部');
      expect(mail.textBody).toContain('東京都千代田区丸の内1-1-1');
      expect(mail.textBody).toContain('alumni@example.com');
      expect(mail.htmlBody).toContain('東京都千代田区丸の内1-1-1');
      expect(mail.textBody).toContain(`/t/${n.slug}/news/${n.articleId}`);
      // Lines stay within 76 columns (a Japanese character counts two), addresses apart.
      for (const line of mail.textBody.split('\n')) {
        if (!/https?:\/\//.test(line)) expect(columns(line), line).toBeLessThanOrEqual(78);
      }
    }
    // The member gets no join link; the record gets their own invitation, which opens.
    expect(toMember.mail.textBody).not.toContain('/invite/');
    expect(toMember.mail.textBody).not.toContain('{{');
    const token = /\/invite\/[^#]+#token=([0-9a-f]{64})/.exec(toRecord.mail.textBody)?.[1];
    expect(token).toBeDefined();
    const opened = await new TestClient(server).post('/api/v1/invitations/open', { slug: n.slug, token });
    expect(opened.status).toBe(200);
    const invited = await read(n, (tx) =>
      tx.select().from(invitations).where(eq(invitations.recordId, n.people.record.id)),
    );
    expect(invited).toHaveLength(1);

    expect(await mailsTo(server, n.people.member.email)).toHaveLength(1);
    expect(await mailsTo(server, n.people.record.email!)).toHaveLength(1);
    for (const nobody of [
      n.people.noConsentMember.email,
      n.people.noConsentRecord.email!,
      n.people.bouncedRecord.email!,
      n.people.otherDepartment.email!,
    ]) {
      expect(await mailsTo(server, nobody)).toHaveLength(0);
    }
    // Running the job again sends nothing more.
    expect(await sendDueCampaign(server.deps, { tenantId: n.tenantId, campaignId: campaign.id })).toBe(false);
    expect(await mailsTo(server, n.people.member.email)).toHaveLength(1);
  });

  it('a scheduled send goes out at its time by the job; a cancelled one never does', async () => {
    const n = await network();
    const kept = await draft(n);
    const taken = await draft(n);
    const inAnHour = new Date(Date.now() + 3600_000).toISOString();
    for (const campaign of [kept, taken]) {
      const res = await n.staff.client.post<Campaign>(`${n.desk}/newsletters/${campaign.id}/schedule`, {
        sendAt: inAnHour,
      });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('scheduled');
    }
    const past = await n.staff.client.post(`${n.desk}/newsletters/${kept.id}/schedule`, {
      sendAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(past.status).toBe(422);
    expect((await n.staff.client.patch(`${n.desk}/newsletters/${kept.id}`, { subject: '変更' })).status).toBe(
      409,
    );
    const cancelled = await n.staff.client.post<Campaign>(`${n.desk}/newsletters/${taken.id}/cancel`);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await n.staff.client.post(`${n.desk}/newsletters/${taken.id}/cancel`)).status).toBe(409);
    expect((await n.staff.client.post(`${n.desk}/newsletters/${taken.id}/send`)).status).toBe(409);
    // Not due yet: the job leaves it.
    expect(await sendDueCampaign(server.deps, { tenantId: n.tenantId, campaignId: kept.id })).toBe(false);
    // The time comes (moved into the past here rather than waiting an hour).
    await read(n, (tx) =>
      tx
        .update(newsletterCampaigns)
        .set({ sendAt: new Date(Date.now() - 1000) })
        .where(eq(newsletterCampaigns.tenantId, n.tenantId)),
    );
    expect(await sendDueCampaign(server.deps, { tenantId: n.tenantId, campaignId: taken.id })).toBe(false);
    expect(await sendDueCampaign(server.deps, { tenantId: n.tenantId, campaignId: kept.id })).toBe(true);
    await server.deps.jobs.drain();
    expect(await outboxFor(n, taken.id)).toHaveLength(0);
    expect(await outboxFor(n, kept.id)).toHaveLength(2);
    expect(await mailsTo(server, n.people.member.email)).toHaveLength(1);
  });

  it('one-click unsubscribe works without signing in, is honoured at once and is counted', async () => {
    const n = await network();
    const first = await draft(n);
    expect((await n.staff.client.post(`${n.desk}/newsletters/${first.id}/send`)).status).toBe(202);
    await server.deps.jobs.drain();
    const rows = await outboxFor(n, first.id);
    for (const row of rows) {
      const res = await oneClick(row.mail.headers['List-Unsubscribe']!);
      expect(res.status).toBe(200);
    }
    const [withdrawn] = await read(n, (tx) =>
      tx
        .select()
        .from(consentEvents)
        .where(
          and(
            eq(consentEvents.membershipId, n.people.member.id),
            eq(consentEvents.source, 'unsubscribe' as 'settings'),
          ),
        ),
    );
    expect(withdrawn).toMatchObject({ purpose: 'company_news', granted: false });
    const counted = await n.staff.client.get<Campaign>(`${n.desk}/newsletters/${first.id}`);
    expect(counted.body.counts.unsubscribed).toBe(2);
    const next = await draft(n);
    const preview = await n.staff.client.get<Preview>(`${n.desk}/newsletters/${next.id}/audience`);
    expect(preview.body.reached).toBe(0);
    expect(preview.body.leftOut.find((row) => row.reason === 'unsubscribed')?.count).toBe(2);
    expect((await n.staff.client.post(`${n.desk}/newsletters/${next.id}/send`)).status).toBe(202);
    await server.deps.jobs.drain();
    expect(await outboxFor(n, next.id)).toHaveLength(0);
    expect(await mailsTo(server, n.people.member.email)).toHaveLength(1);
  });

  it('every endpoint is for staff only, and only within their own network', async () => {
    const n = await network();
    const campaign = await draft(n);
    const other = await network();
    const member = await communityMember(server, { id: n.tenantId, slug: n.slug }, { displayName: '会員' });
    const employee = await communityMember(
      server,
      { id: n.tenantId, slug: n.slug },
      { role: 'employee', displayName: '社員' },
    );
    const base = `${n.desk}/newsletters`;
    const one = `${base}/${campaign.id}`;
    const calls: [string, string, unknown?][] = [
      ['get', base],
      ['post', base, { subject: 'x' }],
      ['get', one],
      ['patch', one, { subject: 'x' }],
      ['get', `${one}/audience`],
      ['post', `${one}/test`],
      ['post', `${one}/schedule`, { sendAt: new Date(Date.now() + 3600_000).toISOString() }],
      ['post', `${one}/send`],
      ['post', `${one}/cancel`],
      ['delete', one],
    ];
    const call = (client: TestClient, [method, path, body]: [string, string, unknown?], swap?: string) => {
      const target = swap ? path.replace(n.desk, swap) : path;
      const c = client as unknown as Record<string, (p: string, b?: unknown) => Promise<{ status: number }>>;
      return c[method]!.call(client, target, body);
    };
    for (const route of calls) {
      expect((await call(member.client, route)).status, `${route[0]} ${route[1]}`).toBe(403);
      expect((await call(employee.client, route)).status, `${route[0]} ${route[1]}`).toBe(403);
      // Another network's staff: not in this network (404), and this campaign is not in theirs (404).
      expect((await call(other.staff.client, route)).status, `${route[0]} ${route[1]}`).toBe(404);
      if (route[1] !== base) {
        expect((await call(other.staff.client, route, other.desk)).status, `${route[0]} ${route[1]}`).toBe(
          404,
        );
      }
      expect((await call(new TestClient(server), route)).status).toBe(401);
    }
    const unchanged = await n.staff.client.get<Campaign>(one);
    expect(unchanged.body.status).toBe('draft');
    expect(await outboxFor(n, campaign.id)).toHaveLength(0);
  });
});
