import { and, eq, inArray } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, consentEvents, mailOutbox } from '../../db/schema/index.js';
import { TestClient } from '../../test/client.js';
import { communityMember } from '../../test/community-factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { audienceMember } from '../programmes/audience/audience-factories.js';
import {
  draft,
  type NewsletterNetwork,
  newsletterNetwork,
  oneClick,
  outboxFor,
  read,
} from './newsletter-fixtures.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Delivery = {
  id: string;
  recipientKind: 'member' | 'record';
  name: string | null;
  email: string;
  status: string;
  queuedAt: string;
  sentAt: string | null;
  consent: {
    kind: string;
    id: string | null;
    at: string | null;
    source: string | null;
    version: string | null;
  };
};
type DeliveryList = { deliveries: Delivery[]; total: number; page: number; pageSize: number };

/** A network whose newsletter went out to its member, its record and a member named like a formula. */
async function sent() {
  const n = await newsletterNetwork(server);
  const formula = await audienceMember(server, n.tenantId, {
    displayName: '=HYPERLINK("x") 髙橋',
    consents: ['company_news'],
    record: { lastDepartment: '営業' },
  });
  const campaign = await draft(n);
  expect((await n.staff.client.post(`${n.desk}/newsletters/${campaign.id}/send`)).status).toBe(202);
  await server.deps.jobs.drain();
  return { n, campaign, formula, base: `${n.desk}/newsletters/${campaign.id}/deliveries` };
}

const raw = (n: NewsletterNetwork, path: string) =>
  fetch(`${server.baseUrl}${path}`, {
    headers: { cookie: [...n.staff.client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
  });

describe("a newsletter's delivery list", () => {
  it('lists each recipient with their state and the consent the mail went out under, by state and page', async () => {
    const { n, base, formula, campaign } = await sent();
    const all = await n.staff.client.get<DeliveryList>(base);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 3, page: 1, pageSize: 50 });
    const byName = Object.fromEntries(all.body.deliveries.map((row) => [row.name, row]));
    expect(Object.keys(byName).sort()).toEqual(['=HYPERLINK("x") 髙橋', '同意 花子', '記録 一郎'].sort());
    const [ledger] = await read(n, (tx) =>
      tx
        .select()
        .from(consentEvents)
        .where(
          and(eq(consentEvents.membershipId, n.people.member.id), eq(consentEvents.purpose, 'company_news')),
        ),
    );
    expect(byName['同意 花子']).toMatchObject({
      recipientKind: 'member',
      email: n.people.member.email,
      status: 'sent',
      consent: { kind: 'ledger', id: ledger!.id, version: ledger!.policyVersion, source: ledger!.source },
    });
    expect(byName['同意 花子']!.sentAt).not.toBeNull();
    expect(byName['同意 花子']!.consent.at).toBe(ledger!.createdAt.toISOString());
    expect(byName['記録 一郎']).toMatchObject({
      recipientKind: 'record',
      email: n.people.record.email,
      status: 'sent',
      consent: { kind: 'record', id: null, source: 'exit_survey', version: 'exit-2026' },
    });

    // One mail bounced, one still waits; the record unsubscribes with its one-click link.
    const rows = await outboxFor(n, campaign.id);
    const member = rows.find((row) => row.delivery.membershipId === n.people.member.id)!;
    const other = rows.find((row) => row.delivery.membershipId === formula.id)!;
    const record = rows.find((row) => row.delivery.recipientKind === 'record')!;
    await read(n, async (tx) => {
      await tx.update(mailOutbox).set({ state: 'bounced' }).where(eq(mailOutbox.id, member.mail.id));
      await tx
        .update(mailOutbox)
        .set({ state: 'pending', sentAt: null })
        .where(eq(mailOutbox.id, other.mail.id));
    });
    expect((await oneClick(record.mail.headers['List-Unsubscribe']!)).status).toBe(200);
    const names = async (status: string) => {
      const res = await n.staff.client.get<DeliveryList>(`${base}?status=${status}`);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(res.body.deliveries.length);
      return res.body.deliveries.map((row) => row.name);
    };
    expect(await names('bounced')).toEqual(['同意 花子']);
    expect(await names('queued')).toEqual(['=HYPERLINK("x") 髙橋']);
    expect(await names('unsubscribed')).toEqual(['記録 一郎']);
    expect(await names('sent')).toEqual([]);
    expect(await names('failed')).toEqual([]);

    // Pages of one: every recipient once, the total on each page, nothing past the end.
    const seen: string[] = [];
    for (const page of [1, 2, 3]) {
      const res = await n.staff.client.get<DeliveryList>(`${base}?limit=1&page=${page}`);
      expect(res.body).toMatchObject({ total: 3, page, pageSize: 1 });
      seen.push(...res.body.deliveries.map((row) => row.id));
    }
    expect(new Set(seen).size).toBe(3);
    expect((await n.staff.client.get<DeliveryList>(`${base}?limit=1&page=4`)).body.deliveries).toEqual([]);

    for (const bad of ['status=opened', 'page=0', 'page=x', 'limit=500']) {
      const res = await n.staff.client.get<{ code: string; title: string }>(`${base}?${bad}`);
      expect(res.status, bad).toBe(422);
      expect(res.contentType).toContain('application/problem+json');
      expect(res.body.title).toMatch(/[ぁ-んァ-ン一-龥]/);
    }

    const viewed = await read(n, (tx) =>
      tx.select().from(auditEvents).where(eq(auditEvents.action, 'newsletter.deliveries_viewed')),
    );
    expect(viewed.length).toBeGreaterThanOrEqual(9);
    expect(viewed.every((event) => event.actorMembershipId === n.staff.id)).toBe(true);
  });

  it('audits a view once per visit of the screen and state and page, not on every refresh', async () => {
    const { n, base } = await sent();
    const viewed = async () =>
      (
        await read(n, (tx) =>
          tx.select().from(auditEvents).where(eq(auditEvents.action, 'newsletter.deliveries_viewed')),
        )
      ).length;
    const visit = crypto.randomUUID();
    for (let i = 0; i < 3; i++) {
      expect((await n.staff.client.get(`${base}?visit=${visit}`)).status).toBe(200);
    }
    expect(await viewed()).toBe(1);
    // Another state or page in the same visit is a view of its own; going back to one seen is not.
    await n.staff.client.get(`${base}?visit=${visit}&status=sent`);
    await n.staff.client.get(`${base}?visit=${visit}&limit=1&page=2`);
    await n.staff.client.get(`${base}?visit=${visit}`);
    expect(await viewed()).toBe(3);
    // A new visit, another staff member in the same visit, or a call without a visit: each audited.
    await n.staff.client.get(`${base}?visit=${crypto.randomUUID()}`);
    await n.owner.get(`${base}?visit=${visit}`);
    await n.staff.client.get(base);
    await n.staff.client.get(base);
    expect(await viewed()).toBe(7);
    expect((await n.staff.client.get(`${base}?visit=not-a-uuid`)).status).toBe(422);
  });

  it('exports the recipients as a formula-safe CSV in UTF-8 with a BOM or in CP932, audited', async () => {
    const { n, base } = await sent();
    const utf8 = await raw(n, `${base}/export`);
    expect(utf8.status).toBe(200);
    expect(utf8.headers.get('content-type')).toContain('utf-8');
    expect(utf8.headers.get('x-enishi-rows')).toBe('3');
    expect(utf8.headers.get('x-enishi-formula-cells')).toBe('1');
    const bytes = Buffer.from(await utf8.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const [header, ...lines] = text.trimEnd().split('\r\n');
    expect(header).toBe(
      '氏名,区分,メールアドレス,状態,送信予定に入った日時,送信日時,同意の記録,同意の記録ID,同意日時,同意の取得元,同意文言・規約の版',
    );
    expect(lines).toHaveLength(3);
    expect(text).toContain(`"'=HYPERLINK(""x"") 髙橋",メンバー,`);
    const record = lines.find((line) => line.startsWith('記録 一郎'))!;
    expect(record).toContain(`未参加（名簿）,${n.people.record.email},送信済み,`);
    expect(record).toContain('名簿の連絡同意,,');
    expect(record).toContain('exit_survey,exit-2026');
    expect(lines.find((line) => line.startsWith('同意 花子'))).toContain('同意台帳,');

    const onlySent = await raw(n, `${base}/export?status=unsubscribed`);
    expect(onlySent.headers.get('x-enishi-rows')).toBe('0');
    const sjis = await raw(n, `${base}/export?encoding=cp932`);
    expect(sjis.headers.get('content-type')).toContain('Shift_JIS');
    const decoded = iconv.decode(Buffer.from(await sjis.arrayBuffer()), 'cp932');
    expect(decoded).toContain('髙橋');
    expect(decoded.split('\r\n')[0]).toContain('同意の記録ID');
    const en = await n.staff.client.get<string>(`${base}/export?lang=en`);
    expect(en.body.split('\r\n')[0]).toContain('Name,Kind,E-mail address,Status');
    expect((await n.staff.client.get(`${base}/export?encoding=latin1`)).status).toBe(422);

    const exported = await read(n, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(inArray(auditEvents.action, ['newsletter.deliveries_exported'])),
    );
    const key = (data: Record<string, unknown>) => `${data.status}:${data.rows}:${data.encoding}`;
    expect(exported.map((event) => key(event.data)).sort()).toEqual([
      'null:3:cp932',
      'null:3:utf8',
      'null:3:utf8',
      'unsubscribed:0:utf8',
    ]);
  });

  it('is for staff only, within their own network; members never see who received a mail', async () => {
    const { n, base } = await sent();
    const other = await newsletterNetwork(server);
    const tenant = { id: n.tenantId, slug: n.slug };
    const member = await communityMember(server, tenant, { displayName: '会員' });
    const employee = await communityMember(server, tenant, { role: 'employee', displayName: '社員' });
    for (const path of [base, `${base}?status=sent`, `${base}/export`]) {
      expect((await member.client.get(path)).status, path).toBe(403);
      expect((await employee.client.get(path)).status, path).toBe(403);
      expect((await new TestClient(server).get(path)).status, path).toBe(401);
      // Another network's staff: not in this network, and this campaign is not in theirs.
      expect((await other.staff.client.get(path)).status, path).toBe(404);
      expect((await other.staff.client.get(path.replace(n.desk, other.desk))).status, path).toBe(404);
    }
    const audited = await read(n, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(
          inArray(auditEvents.action, ['newsletter.deliveries_viewed', 'newsletter.deliveries_exported']),
        ),
    );
    expect(audited).toEqual([]);
  });
});
