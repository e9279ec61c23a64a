import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alumniRecords, auditEvents, invitations, programmeDeliveries } from '../../db/schema/index.js';
import { inTenant } from '../../db/scope.js';
import { mailsTo, signIn } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { audienceMember, audienceRecord } from '../programmes/audience/audience-factories.js';
import { network, open, type Problem } from './opportunity-test-factories.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Announcement = { inApp: number; email: number; push: number; invited: number };
type Bell = {
  notifications: { kind: string; target: { type: string; id: string }; data: { title?: string } }[];
};

/** A network whose would-return people are each reached differently, and one who would not return. */
async function people(tenantId: string) {
  const returning = { wouldReturn: 'yes' as const };
  const contact = ['company_contact' as const];
  return {
    aoi: await audienceMember(server, tenantId, {
      displayName: '青井',
      consents: contact,
      record: returning,
    }),
    ben: await audienceMember(server, tenantId, { displayName: '別所', record: returning }),
    dan: await audienceMember(server, tenantId, {
      displayName: '段',
      consents: contact,
      record: returning,
      preferences: { opportunity_announced: { email: false } },
    }),
    excluded: await audienceMember(server, tenantId, {
      displayName: '江口',
      consents: contact,
      record: { ...returning, eligibility: 'not_eligible' },
    }),
    stays: await audienceMember(server, tenantId, {
      displayName: '千賀',
      consents: contact,
      record: { wouldReturn: 'no' },
    }),
    record: await audienceRecord(server, tenantId, {
      familyName: '記録',
      givenName: '花',
      wouldReturn: 'yes',
      contactConsent: 'granted',
      consentSource: 'exit_survey',
    }),
    silentRecord: await audienceRecord(server, tenantId, { familyName: '無同意', wouldReturn: 'yes' }),
    excludedRecord: await audienceRecord(server, tenantId, {
      familyName: '除外',
      wouldReturn: 'yes',
      contactConsent: 'granted',
      status: 'excluded',
    }),
  };
}

describe('announcing an opportunity', () => {
  it('tells its audience in the app, mails and invites only those with company_contact consent, and never twice', async () => {
    const net = await network(server);
    const p = await people(net.id);
    const role = await open(net, {
      title: '{氏名} カムバック PM',
      audience: { wouldReturn: true, records: true },
    });
    const url = `/api/v1/t/${net.slug}/opportunities/${role.id}/announce`;

    const first = await net.hr.post<Announcement>(url, {});
    expect(first.status).toBe(200);
    // In the app: Aoi, Ben (no consent is needed for the bell) and Dan; Eguchi is not eligible.
    // By e-mail: Aoi only (Ben has no consent, Dan turned this kind off). One record invited.
    expect(first.body).toEqual({ inApp: 3, email: 1, push: 0, invited: 1 });

    const aoiMail = await mailsTo(server, p.aoi.email);
    expect(aoiMail).toHaveLength(1);
    expect(aoiMail[0]!.subject).toContain('{氏名} カムバック PM');
    expect(aoiMail[0]!.textBody).toContain('青井 様');
    expect(aoiMail[0]!.textBody).toContain(`/t/${net.slug}/opportunities/${role.id}`);
    for (const nobody of [p.ben, p.dan, p.excluded, p.stays]) {
      expect(await mailsTo(server, nobody.email)).toHaveLength(0);
    }
    const invited = await mailsTo(server, p.record.email!);
    expect(invited).toHaveLength(1);
    expect(invited[0]!.subject).toContain('カムバック採用「氏名 カムバック PM」');
    expect(invited[0]!.textBody).toContain('記録 花 様');
    expect(invited[0]!.textBody).toContain(`/invite/${net.slug}#token=`);
    expect(await mailsTo(server, p.silentRecord.email!)).toHaveLength(0);
    expect(await mailsTo(server, p.excludedRecord.email!)).toHaveLength(0);

    const bell = async (email: string) =>
      (await (await signIn(server, email)).get<Bell>(`/api/v1/t/${net.slug}/community/notifications`)).body
        .notifications;
    expect(await bell(p.ben.email)).toMatchObject([
      {
        kind: 'opportunity_announced',
        target: { type: 'opportunity', id: role.id },
        data: { title: '{氏名} カムバック PM' },
      },
    ]);
    expect(await bell(p.excluded.email)).toEqual([]);
    expect(await bell(p.stays.email)).toEqual([]);

    const [record] = await inTenant(server.deps.database.db, net.id, (tx) =>
      tx.select().from(alumniRecords).where(eq(alumniRecords.id, p.record.id)),
    );
    expect(record!.status).toBe('invited');

    // Announcing again reaches nobody new: no second bell, mail or invitation.
    const again = await net.hr.post<Announcement>(url, {});
    expect(again.body).toEqual({ inApp: 0, email: 0, push: 0, invited: 0 });
    expect(await mailsTo(server, p.aoi.email)).toHaveLength(1);
    expect(await mailsTo(server, p.record.email!)).toHaveLength(1);
    const rows = await inTenant(server.deps.database.db, net.id, (tx) =>
      tx.select().from(programmeDeliveries).where(eq(programmeDeliveries.programmeId, role.id)),
    );
    expect(rows.map((row) => `${row.channel}:${row.recipientKind}`).sort()).toEqual([
      'email:member',
      'email:record',
      'inApp:member',
      'inApp:member',
      'inApp:member',
    ]);
    const [invitation] = await inTenant(server.deps.database.db, net.id, (tx) =>
      tx.select().from(invitations).where(eq(invitations.recordId, p.record.id)),
    );
    expect(invitation!.invitedBy).toBe(net.hrId);

    const audits = await inTenant(server.deps.database.db, net.id, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'opportunity.announced'), eq(auditEvents.targetId, role.id))),
    );
    expect(audits.map((a) => a.data)).toEqual(
      expect.arrayContaining([{ inApp: 3, email: 1, push: 0, invited: 1 }]),
    );
  });

  it('refuses a draft or closed opportunity with a clear message', async () => {
    const net = await network(server);
    const draft = await open(net, { status: 'draft' });
    const refused = await net.hr.post<Problem>(
      `/api/v1/t/${net.slug}/opportunities/${draft.id}/announce`,
      {},
    );
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('opportunity_not_announceable');
    expect(refused.body.title).toContain('公開中');
  });

  it('is for HR staff of the same network only', async () => {
    const net = await network(server);
    const role = await open(net);
    const alumnus = await audienceMember(server, net.id, {
      displayName: '会員',
      consents: ['company_contact'],
    });
    const asAlumnus = await (await signIn(server, alumnus.email)).post<Problem>(
      `/api/v1/t/${net.slug}/opportunities/${role.id}/announce`,
      {},
    );
    expect(asAlumnus.status).toBe(403);
    const other = await network(server);
    const crossTenant = await other.hr.post<Problem>(
      `/api/v1/t/${other.slug}/opportunities/${role.id}/announce`,
      {},
    );
    expect(crossTenant.status).toBe(404);
    const elsewhere = await other.hr.post<Problem>(
      `/api/v1/t/${net.slug}/opportunities/${role.id}/announce`,
      {},
    );
    expect(elsewhere.status).toBe(404);
  });
});
