import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segments } from '../../../db/schema/index.js';
import { enterTenant, inTenant } from '../../../db/scope.js';
import type { TestClient } from '../../../test/client.js';
import { addTestMember, createTestTenant, signIn } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { audienceMember, audienceRecord } from './audience-factories.js';
import { AudienceSpecSchema } from './audience-spec.js';
import { resolveAudience } from './resolve-audience.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Preview = {
  reached: number;
  reachedMembers: number;
  reachedRecords: number;
  leftOut: { reason: string; count: number; sample: string[] }[];
};

/** A network with one person for every way of being reached or left out. */
async function network() {
  const created = await createTestTenant(server);
  const tenantId = created.tenant.id;
  const news = ['company_news' as const];
  const people = {
    reached: await audienceMember(server, tenantId, {
      displayName: '届く 花子',
      consents: news,
      intents: ['job_info'],
      record: { lastDepartment: '営業部', wouldReturn: 'yes' },
    }),
    noConsent: await audienceMember(server, tenantId, { displayName: '同意なし 太郎' }),
    unsubscribed: await audienceMember(server, tenantId, {
      displayName: '配信停止 次郎',
      consents: news,
      withdrawn: [{ purpose: 'company_news', source: 'unsubscribe' }],
    }),
    suspended: await audienceMember(server, tenantId, {
      displayName: '停止中 三郎',
      consents: news,
      status: 'suspended',
    }),
    excluded: await audienceMember(server, tenantId, {
      displayName: '除外 四郎',
      consents: news,
      record: { eligibility: 'not_eligible' },
    }),
    bounced: await audienceMember(server, tenantId, {
      displayName: '不達 五郎',
      consents: news,
      bounced: true,
    }),
    mailOff: await audienceMember(server, tenantId, {
      displayName: 'メール停止 六子',
      consents: news,
      emailNotifications: false,
      preferences: { comment: { inApp: false } },
    }),
    employee: await audienceMember(server, tenantId, {
      displayName: '社員 七子',
      role: 'employee',
      consents: news,
    }),
    recordReached: await audienceRecord(server, tenantId, {
      familyName: '記録届く',
      contactConsent: 'granted',
      consentSource: 'exit_survey',
      lastDepartment: '営業部',
    }),
    recordNoConsent: await audienceRecord(server, tenantId, { familyName: '記録同意なし' }),
    recordNoAddress: await audienceRecord(server, tenantId, {
      familyName: '記録宛先なし',
      contactConsent: 'granted',
      emails: [],
    }),
    recordExcluded: await audienceRecord(server, tenantId, {
      familyName: '記録除外',
      contactConsent: 'granted',
      eligibility: 'not_eligible',
      status: 'excluded',
    }),
    recordUnsubscribed: await audienceRecord(server, tenantId, {
      familyName: '記録停止',
      contactConsent: 'withdrawn',
      consentSource: 'unsubscribe:company_news',
    }),
    recordBounced: await audienceRecord(
      server,
      tenantId,
      { familyName: '記録不達', contactConsent: 'granted' },
      { bounced: true },
    ),
  };
  // Joined without the invitation linking the record: reached once, as the member.
  await audienceRecord(server, tenantId, {
    familyName: '記録は会員',
    contactConsent: 'granted',
    emails: [people.reached.email],
  });
  const owner = await signIn(server, created.ownerEmail);
  return { tenantId, slug: created.slug, owner, people };
}

const preview = (client: TestClient, slug: string, body: unknown) =>
  client.post<Preview>(`/api/v1/t/${slug}/programmes/audience/preview`, body);
const counts = (body: Preview) => Object.fromEntries(body.leftOut.map((row) => [row.reason, row.count]));

describe('audience resolution and the staff preview', () => {
  let n: Awaited<ReturnType<typeof network>>;
  beforeAll(async () => {
    n = await network();
  }, 120_000);

  it('reaches members and not-joined records with consent by e-mail, and names every reason for the rest', async () => {
    const res = await preview(n.owner, n.slug, {
      spec: { records: true },
      purpose: 'company_news',
      channel: 'email',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ reached: 3, reachedMembers: 2, reachedRecords: 1 });
    expect(counts(res.body)).toEqual({
      excluded: 2,
      blocked: 1,
      no_consent: 2,
      unsubscribed: 2,
      no_address: 1,
      bounced: 2,
    });
    const sample = Object.fromEntries(res.body.leftOut.map((row) => [row.reason, [...row.sample].sort()]));
    expect(sample.unsubscribed).toEqual(['記録停止', '配信停止 次郎'].sort());
    expect(sample.blocked).toEqual(['停止中 三郎']);
    // Nothing but counts and names: no addresses.
    expect(JSON.stringify(res.body)).not.toContain('@');
  });

  it('lists the recipients with the proof of consent each delivery keeps', async () => {
    const spec = AudienceSpecSchema.parse({ records: true });
    const { recipients, leftOut } = await inTenant(server.deps.database.db, n.tenantId, (tx) =>
      resolveAudience({ tx, tenant: { id: n.tenantId } }, spec, {
        purpose: 'company_news',
        channel: 'email',
      }),
    );
    const byName = new Map(recipients.map((person) => [person.name, person]));
    expect([...byName.keys()].sort()).toEqual(['メール停止 六子', '届く 花子', '記録届く'].sort());
    expect(byName.get('届く 花子')).toMatchObject({ personKind: 'member', email: n.people.reached.email });
    expect(byName.get('届く 花子')?.consentEventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(byName.get('記録届く')).toMatchObject({
      personKind: 'record',
      recordId: n.people.recordReached.id,
      consentEventId: null,
      recordConsent: { contactConsent: 'granted', source: 'exit_survey' },
    });
    const noConsent = leftOut.filter((person) => person.reason === 'no_consent');
    expect(noConsent.map((person) => person.consentEventId)).toEqual([null, null]);
  });

  it('reaches employees only when the spec says, and records never by another channel', async () => {
    const withStaff = await preview(n.owner, n.slug, {
      spec: { includeEmployees: true },
      purpose: 'company_news',
    });
    // The employee and the owner (who has no consent answered).
    expect(withStaff.body.reached).toBe(3);
    expect(counts(withStaff.body).no_consent).toBe(2);
    const onlyStaff = await preview(n.owner, n.slug, {
      spec: { members: false, includeEmployees: true, records: true },
      purpose: 'company_news',
      channel: 'inApp',
    });
    expect(onlyStaff.body).toMatchObject({ reached: 2, reachedRecords: 0 });
  });

  it('in the app needs no mail consent, and a member who turned a kind off there is channel_off', async () => {
    const res = await preview(n.owner, n.slug, {
      spec: {},
      purpose: 'company_news',
      channel: 'inApp',
      kind: 'comment',
    });
    expect(counts(res.body)).toEqual({ excluded: 1, blocked: 1, channel_off: 1 });
    expect(res.body.reached).toBe(4);
    const byMail = await preview(n.owner, n.slug, {
      spec: {},
      purpose: 'company_news',
      channel: 'email',
      kind: 'comment',
    });
    expect(counts(byMail.body).channel_off).toBe(1);
    expect(byMail.body.leftOut.find((row) => row.reason === 'channel_off')?.sample).toEqual([
      'メール停止 六子',
    ]);
  });

  it('narrows by segment (members through their record), intents and would-return', async () => {
    const segmentId = await server.deps.database.db.transaction(async (tx) => {
      await enterTenant(tx, n.tenantId);
      const [segment] = await tx
        .insert(segments)
        .values({ tenantId: n.tenantId, name: '営業部出身', filter: { department: '営業' } })
        .returning();
      return segment!.id;
    });
    const bySegment = await preview(n.owner, n.slug, {
      spec: { records: true, segmentId },
      purpose: 'company_news',
    });
    expect(bySegment.body).toMatchObject({ reached: 2, reachedMembers: 1, reachedRecords: 1, leftOut: [] });
    const byIntent = await preview(n.owner, n.slug, {
      spec: { records: true, openTo: ['job_info', 'mentoring'] },
      purpose: 'company_news',
    });
    expect(byIntent.body).toMatchObject({ reached: 1, reachedRecords: 0, leftOut: [] });
    const returners = await preview(n.owner, n.slug, {
      spec: { records: true, wouldReturn: true },
      purpose: 'company_news',
    });
    expect(returners.body).toMatchObject({ reached: 1, reachedMembers: 1 });
  });

  it("refuses another network's segment, bad specs, and non-JSON bodies without a 500", async () => {
    const other = await createTestTenant(server);
    const foreign = await server.deps.database.db.transaction(async (tx) => {
      await enterTenant(tx, other.tenant.id);
      const [segment] = await tx
        .insert(segments)
        .values({ tenantId: other.tenant.id, name: 'よそ', filter: {} })
        .returning();
      return segment!.id;
    });
    const foreignSegment = await preview(n.owner, n.slug, {
      spec: { segmentId: foreign },
      purpose: 'company_news',
    });
    expect(foreignSegment.status).toBe(404);
    const unknownField = await preview(n.owner, n.slug, {
      spec: { everyone: true },
      purpose: 'company_news',
    });
    expect(unknownField.status).toBe(422);
    expect(unknownField.contentType).toContain('application/problem+json');
    expect((await preview(n.owner, n.slug, { spec: {}, purpose: 'spam' })).status).toBe(422);
    expect((await preview(n.owner, n.slug, { spec: {}, purpose: 'company_news\u0000' })).status).toBe(422);
    const empty = await n.owner.request('POST', `/api/v1/t/${n.slug}/programmes/audience/preview`, {
      body: '',
      headers: { 'content-type': 'application/json' },
    });
    expect(empty.status).toBe(400);
    expect(empty.contentType).toContain('application/problem+json');
    const text = await n.owner.request('POST', `/api/v1/t/${n.slug}/programmes/audience/preview`, {
      body: 'spec=all',
      headers: { 'content-type': 'text/plain' },
    });
    expect([415, 422]).toContain(text.status);
  });

  it('is for owners and admins: members, employees and moderators get 403, another network 404', async () => {
    for (const role of ['alumnus', 'employee', 'moderator'] as const) {
      const member = await addTestMember(server, n.tenantId, role);
      const client = await signIn(server, member.email);
      const res = await preview(client, n.slug, { spec: {}, purpose: 'company_news' });
      expect(res.status).toBe(403);
    }
    const admin = await addTestMember(server, n.tenantId, 'admin');
    const adminClient = await signIn(server, admin.email);
    expect((await preview(adminClient, n.slug, { spec: {}, purpose: 'company_news' })).status).toBe(200);
    const other = await createTestTenant(server);
    const outsider = await signIn(server, other.ownerEmail);
    const res = await preview(outsider, n.slug, { spec: {}, purpose: 'company_news' });
    expect(res.status).toBe(404);
    const anonymous = await preview(new (n.owner.constructor as typeof TestClient)(server), n.slug, {
      spec: {},
      purpose: 'company_news',
    });
    expect(anonymous.status).toBe(401);
  });
});
