import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  alumniRecords,
  consentEvents,
  mailOutbox,
  memberProfiles,
  notifications,
  programmeDeliveries,
  programmeUnsubscribeKeys,
  recordHistory,
} from '../../../db/schema/index.js';
import { inTenant } from '../../../db/scope.js';
import { TestClient } from '../../../test/client.js';
import { createTestTenant, mailsTo } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { audienceMember, audienceRecord } from '../audience/audience-factories.js';
import { AudienceSpecSchema } from '../audience/audience-spec.js';
import { summariseAudience } from '../audience/summarise-audience.js';
import { type Delivery, deliver } from './deliver.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

async function network() {
  const created = await createTestTenant(server);
  const tenantId = created.tenant.id;
  const news = ['company_news' as const];
  return {
    tenantId,
    slug: created.slug,
    ownerId: created.owner.id,
    hanako: await audienceMember(server, tenantId, { displayName: '花子 <b>&', consents: news }),
    taro: await audienceMember(server, tenantId, { displayName: '太郎', consents: ['company_contact'] }),
    record: await audienceRecord(server, tenantId, {
      familyName: '記録',
      givenName: '一郎',
      contactConsent: 'granted',
      consentSource: 'exit_survey',
      consentWordingVersion: 'exit-2026',
    }),
    noConsentRecord: await audienceRecord(server, tenantId, { familyName: '未同意' }),
  };
}
type Network = Awaited<ReturnType<typeof network>>;

const programme = { kind: 'newsletter', id: '33333333-3333-4333-8333-333333333333' };
const delivery = (): Delivery => ({
  programme,
  spec: AudienceSpecSchema.parse({ records: true }),
  purpose: 'company_news',
  channels: ['inApp', 'email'],
  notification: {
    kind: 'news_published',
    targetType: 'article',
    targetId: programme.id,
    data: { title: '社報' },
  },
  mail: {
    ja: { subject: '今月の社報', text: '{{name}} 様\n今月の社報です。', html: '<p>{{name}} 様</p>' },
    en: { subject: 'This month', text: 'Dear {{name}}', html: '<p>Dear {{name}}</p>' },
  },
});

function run(n: Network, d: Delivery) {
  return inTenant(server.deps.database.db, n.tenantId, (tx) =>
    deliver(
      {
        deps: server.deps,
        tx,
        tenant: { id: n.tenantId, slug: n.slug },
        actor: { membershipId: n.ownerId },
      },
      d,
    ),
  );
}

const read = <T>(n: Network, work: Parameters<typeof inTenant<T>>[2]) =>
  inTenant(server.deps.database.db, n.tenantId, work);

describe('deliver', () => {
  it('writes one delivery per recipient and channel with its consent proof, a bell entry and an outbox mail', async () => {
    const n = await network();
    const result = await run(n, delivery());
    // In the app: every member in the audience (the owner is staff, the employees flag is off).
    expect(result).toEqual({ inApp: { delivered: 2 }, email: { queued: 2 }, push: { devices: 0 } });
    const rows = await read(n, (tx) =>
      tx.select().from(programmeDeliveries).where(eq(programmeDeliveries.tenantId, n.tenantId)),
    );
    expect(rows).toHaveLength(4);
    const hanakoMail = rows.find((row) => row.recipientId === n.hanako.id && row.channel === 'email')!;
    const ledger = await read(n, (tx) =>
      tx
        .select()
        .from(consentEvents)
        .where(and(eq(consentEvents.membershipId, n.hanako.id), eq(consentEvents.purpose, 'company_news'))),
    );
    expect(hanakoMail.consentEventId).toBe(ledger[0]!.id);
    const recordMail = rows.find((row) => row.recipientId === n.record.id)!;
    expect(recordMail).toMatchObject({
      recipientKind: 'record',
      recordId: n.record.id,
      membershipId: null,
      recordConsent: { contactConsent: 'granted', source: 'exit_survey', wordingVersion: 'exit-2026' },
    });
    expect(rows.some((row) => row.recipientId === n.taro.id && row.channel === 'email')).toBe(false);
    const bell = await read(n, (tx) =>
      tx.select().from(notifications).where(eq(notifications.recipientId, n.taro.id)),
    );
    expect(bell).toMatchObject([{ kind: 'news_published', targetId: programme.id, data: { title: '社報' } }]);

    const [mail] = await server.deps.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.id, hanakoMail.outboxMailId!));
    expect(mail).toMatchObject({ lane: 'bulk', recipient: n.hanako.email, subject: '今月の社報' });
    expect(mail!.textBody).toContain('花子 <b>& 様');
    expect(mail!.htmlBody).toContain('花子 &lt;b&gt;&amp; 様');
    const [key] = await read(n, (tx) =>
      tx.select().from(programmeUnsubscribeKeys).where(eq(programmeUnsubscribeKeys.recipientId, n.hanako.id)),
    );
    expect(key!.token).toMatch(/^[0-9a-f]{64}$/);
    expect(mail!.textBody).toContain(`/stop/${n.slug}#token=${key!.token}`);
    expect(mail!.headers).toEqual({
      'List-Unsubscribe': `<${server.deps.config.publicUrl}/api/v1/programmes/unsubscribe/one-click?slug=${n.slug}&token=${key!.token}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    // The outbox sends it (here into the dev mailbox).
    const delivered = await mailsTo(server, n.record.email!);
    expect(delivered.map((m) => m.subject)).toEqual(['今月の社報']);
    expect(delivered[0]!.textBody).toContain('記録 一郎 様');
  });

  it('delivering again, or twice at once, sends nothing more', async () => {
    const n = await network();
    const [first, second] = await Promise.all([run(n, delivery()), run(n, delivery())]);
    expect(first.email.queued + second.email.queued).toBe(2);
    expect(first.inApp.delivered + second.inApp.delivered).toBe(2);
    expect(await run(n, delivery())).toEqual({
      inApp: { delivered: 0 },
      email: { queued: 0 },
      push: { devices: 0 },
    });
    const rows = await read(n, (tx) =>
      tx.select().from(programmeDeliveries).where(eq(programmeDeliveries.tenantId, n.tenantId)),
    );
    expect(rows).toHaveLength(4);
    expect(await mailsTo(server, n.hanako.email)).toHaveLength(1);
  });
});

describe('one-click unsubscribe', () => {
  const tokenOf = (n: Network, recipientId: string) =>
    read(n, (tx) =>
      tx.select().from(programmeUnsubscribeKeys).where(eq(programmeUnsubscribeKeys.recipientId, recipientId)),
    ).then((rows) => rows[0]!.token);
  const oneClick = (slug: string, token: string) =>
    fetch(`${server.baseUrl}/api/v1/programmes/unsubscribe/one-click?slug=${slug}&token=${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });

  it("a member's one click withdraws that purpose in the ledger at once and withholds queued mail", async () => {
    const n = await network();
    const sent = await run(n, delivery());
    expect(sent.email.queued).toBe(2);
    const token = await tokenOf(n, n.hanako.id);
    const res = await oneClick(n.slug, token);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, purpose: 'company_news' });
    const events = await read(n, (tx) =>
      tx
        .select()
        .from(consentEvents)
        .where(and(eq(consentEvents.membershipId, n.hanako.id), eq(consentEvents.purpose, 'company_news'))),
    );
    expect(events.map((e) => [e.granted, e.source]).sort()).toEqual(
      [
        [false, 'unsubscribe'],
        [true, 'onboarding'],
      ].sort(),
    );
    const [profile] = await read(n, (tx) =>
      tx.select().from(memberProfiles).where(eq(memberProfiles.membershipId, n.hanako.id)),
    );
    expect(profile!.companyNews).toBe(false);
    // The mail queued before the click does not go out.
    const [row] = await read(n, (tx) =>
      tx
        .select()
        .from(programmeDeliveries)
        .where(
          and(eq(programmeDeliveries.recipientId, n.hanako.id), eq(programmeDeliveries.channel, 'email')),
        ),
    );
    const [mail] = await server.deps.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.id, row!.outboxMailId!));
    expect(mail!.state).toBe('suppressed');
    expect(await mailsTo(server, n.hanako.email)).toHaveLength(0);
    // The next preview says why.
    const summary = await read(n, (tx) =>
      summariseAudience({ tx, tenant: { id: n.tenantId } }, AudienceSpecSchema.parse({}), {
        purpose: 'company_news',
        channel: 'email',
      }),
    );
    expect(summary.leftOut.find((r) => r.reason === 'unsubscribed')?.sample).toEqual(['花子 <b>&']);
    // Again: nothing more changes.
    expect((await oneClick(n.slug, token)).status).toBe(200);
    const after = await read(n, (tx) =>
      tx.select().from(consentEvents).where(eq(consentEvents.membershipId, n.hanako.id)),
    );
    expect(after).toHaveLength(events.length + 2);
  });

  it("a not-joined record's link withdraws its contact consent with history, from the page without signing in", async () => {
    const n = await network();
    await run(n, delivery());
    const token = await tokenOf(n, n.record.id);
    const visitor = new TestClient(server);
    const res = await visitor.post(`/api/v1/programmes/unsubscribe`, { slug: n.slug, token });
    expect(res.status).toBe(200);
    const [record] = await read(n, (tx) =>
      tx.select().from(alumniRecords).where(eq(alumniRecords.id, n.record.id)),
    );
    expect(record).toMatchObject({ contactConsent: 'withdrawn', consentSource: 'unsubscribe:company_news' });
    const history = await read(n, (tx) =>
      tx.select().from(recordHistory).where(eq(recordHistory.recordId, n.record.id)),
    );
    expect(history).toMatchObject([
      { source: 'unsubscribe', changes: { contactConsent: ['granted', 'withdrawn'] } },
    ]);
    // A later delivery for another programme leaves them out.
    const later = await run(n, { ...delivery(), programme: { kind: 'newsletter', id: n.record.id } });
    expect(later.email.queued).toBe(1);
  });

  it('unknown or malformed tokens, and a token used with another network, change nothing', async () => {
    const n = await network();
    await run(n, delivery());
    const token = await tokenOf(n, n.hanako.id);
    const other = await createTestTenant(server);
    expect((await oneClick(other.slug, token)).status).toBe(404);
    expect((await oneClick(n.slug, 'f'.repeat(64))).status).toBe(404);
    expect((await oneClick(n.slug, 'not-a-token')).status).toBe(422);
    expect((await oneClick('no-such-network', token)).status).toBe(404);
    const [profile] = await read(n, (tx) =>
      tx.select().from(memberProfiles).where(eq(memberProfiles.membershipId, n.hanako.id)),
    );
    expect(profile!.companyNews).toBe(true);
  });
});
