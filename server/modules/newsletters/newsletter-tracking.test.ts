import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programmeMailLinks, programmeMailTracking } from '../../db/schema/index.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { renderCampaignMail } from './campaign-mail.js';
import {
  type Campaign,
  draft,
  type NewsletterNetwork,
  newsletterNetwork,
  outboxFor,
  read,
} from './newsletter-fixtures.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Tracking = { opened: number; opens: number; clicked: number; clicks: number } | null;
type Delivery = {
  recipientKind: string;
  tracking: { openedAt: string | null; opens: number; clickedAt: string | null; clicks: number } | null;
};

async function setTracking(n: NewsletterNetwork, on: boolean) {
  const res = await n.owner.patch<{ newsletterTracking: boolean }>(`/api/v1/t/${n.slug}/settings`, {
    newsletterTracking: on,
  });
  expect(res.status).toBe(200);
  expect(res.body.newsletterTracking).toBe(on);
}

async function sendOne(n: NewsletterNetwork) {
  const campaign = await draft(n);
  expect((await n.staff.client.post(`${n.desk}/newsletters/${campaign.id}/send`)).status).toBe(202);
  await server.deps.jobs.drain();
  return campaign;
}

const campaignOf = async (n: NewsletterNetwork, id: string) =>
  (await n.staff.client.get<Campaign & { tracking: Tracking }>(`${n.desk}/newsletters/${id}`)).body;
const deliveriesOf = async (n: NewsletterNetwork, id: string) =>
  (await n.staff.client.get<{ deliveries: Delivery[] }>(`${n.desk}/newsletters/${id}/deliveries`)).body
    .deliveries;
const get = (url: string, headers: Record<string, string> = {}) =>
  fetch(url, { redirect: 'manual', headers });

/** The tracking addresses in a mail: its picture and its links (with the token each carries). */
function trackingIn(html: string, text: string) {
  const pixel = /<img src="([^"]+\/open\.gif)"/.exec(html)?.[1];
  const links = [...text.matchAll(/(https?:\/\/\S+\/mail\/[^/\s]+\/([0-9a-f]{64})\/(\d+))/g)].map(
    (m) => m[1]!,
  );
  return { pixel, links };
}

describe('newsletter open and click counts', () => {
  it('are off by default: no picture, no rewritten links, nothing said and nothing stored', async () => {
    const n = await newsletterNetwork(server);
    const settings = await n.owner.get<{ newsletterTracking: boolean }>(`/api/v1/t/${n.slug}/settings`);
    expect(settings.body.newsletterTracking).toBe(false);
    const campaign = await sendOne(n);
    const rows = await outboxFor(n, campaign.id);
    expect(rows).toHaveLength(2);
    for (const { mail } of rows) {
      expect(mail.htmlBody).not.toContain('<img');
      expect(mail.textBody).not.toContain('/mail/');
      expect(mail.htmlBody).not.toContain('/mail/');
      expect(mail.textBody).not.toContain('開封');
      expect(mail.textBody).toContain(`/t/${n.slug}/news/${n.articleId}`);
    }
    expect((await campaignOf(n, campaign.id)).tracking).toBeNull();
    expect((await deliveriesOf(n, campaign.id)).map((row) => row.tracking)).toEqual([null, null]);
    expect(await read(n, (tx) => tx.select().from(programmeMailTracking))).toHaveLength(0);
    expect(await read(n, (tx) => tx.select().from(programmeMailLinks))).toHaveLength(0);
  });

  it('when on, says so in both parts, counts first and every open and click, and redirects only to the mail’s links', async () => {
    const n = await newsletterNetwork(server);
    await setTracking(n, true);
    const campaign = await sendOne(n);
    const rows = await outboxFor(n, campaign.id);
    const articleUrl = `${server.publicUrl}/t/${n.slug}/news/${n.articleId}`;
    for (const { mail } of rows) {
      expect(mail.textBody).toContain('開封とリンクのクリック');
      expect(mail.htmlBody).toContain('開封とリンクのクリック');
      // The article is reached through the tracking address only; the stop link stays direct.
      expect(mail.textBody).not.toContain(articleUrl);
      expect(mail.htmlBody).not.toContain(articleUrl);
      expect(mail.textBody).toMatch(/\/stop\//);
      expect(mail.textBody).not.toContain('{{');
      expect(mail.htmlBody).not.toContain('{{');
    }
    const member = rows.find((row) => row.delivery.recipientKind === 'member')!.mail;
    const record = rows.find((row) => row.delivery.recipientKind === 'record')!.mail;
    const mine = trackingIn(member.htmlBody!, member.textBody);
    const theirs = trackingIn(record.htmlBody!, record.textBody);
    expect(mine.pixel).toBeDefined();
    expect(mine.links).toHaveLength(1);
    expect(mine.links[0]).not.toBe(theirs.links[0]);
    // The tokens are stored hashed: no mail's token appears in the database.
    const stored = await read(n, (tx) => tx.select().from(programmeMailTracking));
    expect(stored).toHaveLength(2);
    for (const row of stored) expect(member.textBody).not.toContain(row.tokenHash);

    const before = await campaignOf(n, campaign.id);
    expect(before.tracking).toEqual({ opened: 0, opens: 0, clicked: 0, clicks: 0 });

    for (let i = 0; i < 2; i++) {
      const open = await get(mine.pixel!);
      expect(open.status).toBe(200);
      expect(open.headers.get('content-type')).toBe('image/gif');
      expect((await open.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
    // A link checker's HEAD is not an open.
    expect((await fetch(mine.pixel!, { method: 'HEAD' })).status).toBe(200);
    const click = await get(mine.links[0]!);
    expect(click.status).toBe(302);
    expect(click.headers.get('location')).toBe(articleUrl);

    expect((await campaignOf(n, campaign.id)).tracking).toEqual({
      opened: 1,
      opens: 2,
      clicked: 1,
      clicks: 1,
    });
    const deliveries = await deliveriesOf(n, campaign.id);
    const memberRow = deliveries.find((row) => row.recipientKind === 'member')!;
    const recordRow = deliveries.find((row) => row.recipientKind === 'record')!;
    expect(memberRow.tracking).toMatchObject({ opens: 2, clicks: 1 });
    expect(memberRow.tracking!.openedAt).not.toBeNull();
    expect(memberRow.tracking!.clickedAt).not.toBeNull();
    expect(recordRow.tracking).toEqual({ openedAt: null, opens: 0, clickedAt: null, clicks: 0 });

    const csv = await n.staff.client.get<string>(`${n.desk}/newsletters/${campaign.id}/deliveries/export`);
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain('開封回数');
  });

  it('refuses forged and unknown tokens, a position the mail did not have and another network, with a plain page', async () => {
    const n = await newsletterNetwork(server);
    await setTracking(n, true);
    const campaign = await sendOne(n);
    const rows = await outboxFor(n, campaign.id);
    const mail = rows.find((row) => row.delivery.recipientKind === 'member')!.mail;
    const { links, pixel } = trackingIn(mail.htmlBody!, mail.textBody);
    const link = links[0]!;
    const token = /\/([0-9a-f]{64})\//.exec(link)![1]!;
    const other = await newsletterNetwork(server);
    const forged = 'f'.repeat(64);
    const refused = [
      link.replace(token, forged),
      link.replace(/\/0$/, '/1'),
      link.replace(/\/0$/, '/-1'),
      link.replace(/\/0$/, '/x'),
      link.replace(token, token.slice(0, 60)),
      link.replace(`/mail/${n.slug}/`, `/mail/${other.slug}/`),
      link.replace(`/mail/${n.slug}/`, '/mail/no-such-network/'),
      `${link}?to=https://evil.example.com/`,
    ];
    for (const url of refused) {
      const res = await get(url, { 'accept-language': 'ja' });
      if (url.includes('?to=')) {
        // Extra parameters change nothing: the stored address only.
        expect(res.status).toBe(302);
        expect(res.headers.get('location')).toBe(`${server.publicUrl}/t/${n.slug}/news/${n.articleId}`);
        continue;
      }
      expect(res.status, url).toBe(404);
      expect(res.headers.get('location'), url).toBeNull();
      expect(res.headers.get('content-type'), url).toMatch(/^text\/html/);
      expect(await res.text(), url).toContain('リンクが見つかりません');
    }
    const english = await get(link.replace(token, forged), { 'accept-language': 'en' });
    expect(await english.text()).toContain('Link not found');
    // Unknown pictures get the same picture and count nothing.
    expect((await get(pixel!.replace(token, forged))).status).toBe(200);
    expect((await get(pixel!.replace(`/mail/${n.slug}/`, `/mail/${other.slug}/`))).status).toBe(200);
    // Only the one ?to= click was counted.
    expect((await campaignOf(n, campaign.id)).tracking).toEqual({
      opened: 0,
      opens: 0,
      clicked: 1,
      clicks: 1,
    });
  });

  it('changing the setting later leaves campaigns already sent as they went out', async () => {
    const n = await newsletterNetwork(server);
    const untracked = await sendOne(n);
    await setTracking(n, true);
    const tracked = await sendOne(n);
    await setTracking(n, false);
    expect((await campaignOf(n, untracked.id)).tracking).toBeNull();
    expect((await campaignOf(n, tracked.id)).tracking).toEqual({
      opened: 0,
      opens: 0,
      clicked: 0,
      clicks: 0,
    });
    const mail = (await outboxFor(n, tracked.id))[0]!.mail;
    const { pixel } = trackingIn(mail.htmlBody!, mail.textBody);
    expect((await get(pixel!)).status).toBe(200);
    expect((await campaignOf(n, tracked.id)).tracking).toMatchObject({ opened: 1, opens: 1 });
    const stored = await read(n, (tx) =>
      tx.select().from(programmeMailTracking).where(eq(programmeMailTracking.programmeId, untracked.id)),
    );
    expect(stored).toHaveLength(0);
  });

  it('only owners turn it on', async () => {
    const n = await newsletterNetwork(server);
    const res = await n.staff.client.patch(`/api/v1/t/${n.slug}/settings`, { newsletterTracking: true });
    expect(res.status).toBe(403);
    const bad = await n.owner.patch(`/api/v1/t/${n.slug}/settings`, { newsletterTracking: 'yes' });
    expect(bad.status).toBe(422);
  });

  it('states it in English too, in the plain-text and HTML parts', () => {
    const content = {
      subject: 'News',
      intro: 'Hello',
      articles: [{ title: 'A', lead: '', url: 'https://x.test/a' }],
    };
    const sender = { name: 'Co', address: 'Tokyo', contact: 'hr@example.com' };
    const mail = renderCampaignMail('en', content, sender, { links: ['https://x.test/a'] });
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain('whether it was opened');
      expect(body).toContain('{{trackUrl}}/0');
      expect(body).not.toContain('https://x.test/a');
    }
    const off = renderCampaignMail('en', content, sender);
    expect(off.text).not.toContain('opened');
    expect(off.html).not.toContain('{{trackUrl}}');
  });
});
