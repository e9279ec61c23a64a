import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alumniRecords, consentEvents, memberProfiles } from '../../db/schema/index.js';
import { inTenant } from '../../db/scope.js';
import { TestClient } from '../../test/client.js';
import { communityMember, linkedRecord, policyVersion } from '../../test/community-factories.js';
import { tenantWithMember } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { exitSurvey, wording } from './test-surveys.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Page = { consent: { version: string; text: string } };

/** A network whose exit survey is chosen, and a member (company news as given) whose record is linked. */
async function memberLeaving(companyNews: boolean) {
  const staff = await tenantWithMember(server, 'admin');
  const base = `/api/v1/t/${staff.slug}`;
  const survey = exitSurvey('named');
  const created = await staff.client.post<{ id: string }>(`${base}/surveys`, {
    ...survey,
    texts: { ...survey.texts, title: wording('退職時アンケート', 'Exit survey') },
    questions: survey.questions.map((q) =>
      q.id === 'q1' ? { ...q, wouldReturn: { yes: ['yes'], no: ['no'] } } : q,
    ),
  });
  await staff.client.post(`${base}/surveys/${created.body.id}/status`, { status: 'open' });
  await staff.client.put(`${base}/surveys/exit`, { surveyId: created.body.id });
  const member = await communityMember(server, { id: staff.tenant.id, slug: staff.slug });
  await linkedRecord(server, staff.tenant, member.id, { familyName: '会員' });
  // Chosen in the app after the record was linked, so the record follows (company news = contact consent).
  const chosen = await member.client.put(`${base}/community/me/consents?source=settings`, {
    companyNews,
    listedInDirectory: true,
    companyContact: false,
    policyVersion,
  });
  expect(chosen.status).toBe(200);
  const read = () =>
    inTenant(server.deps.database.db, staff.tenant.id, async (tx) => ({
      record: (await tx.select().from(alumniRecords).where(eq(alumniRecords.membershipId, member.id)))[0]!,
      profile: (await tx.select().from(memberProfiles).where(eq(memberProfiles.membershipId, member.id)))[0]!,
      ledger: await tx
        .select()
        .from(consentEvents)
        .where(and(eq(consentEvents.membershipId, member.id), eq(consentEvents.source, 'exit_survey'))),
    }));
  const { record } = await read();
  const issued = await staff.client.post<{ url: string }>(
    `${base}/registry/records/${record.id}/exit-survey-link`,
    { send: false },
  );
  expect(issued.status).toBe(201);
  const token = /#token=([0-9a-f]{64})$/.exec(issued.body.url)![1]!;
  const answer = async (granted: boolean) => {
    const path = `/api/v1/exit-survey/${staff.slug}/${token}`;
    const leaver = new TestClient(server);
    const page = await leaver.get<Page>(path);
    return leaver.post(`${path}/response`, {
      answers: { q1: 'yes', q5: 8 },
      consent: { granted, version: page.body.consent.version },
    });
  };
  return { slug: staff.slug, member, read, answer };
}

describe('the exit survey of a leaver who is also a member', () => {
  it('declining on the exit survey withdraws company news on the member’s own consent, not only the record’s', async () => {
    const { read, answer } = await memberLeaving(true);
    expect((await read()).record.contactConsent).toBe('granted');
    expect((await answer(false)).status).toBe(201);
    const { record, profile, ledger } = await read();
    expect(record).toMatchObject({ contactConsent: 'withdrawn', consentSource: 'exit_survey' });
    expect(profile.companyNews).toBe(false);
    // The member's own ledger names the exit survey and its wording version; the other purposes are untouched.
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({
      purpose: 'company_news',
      granted: false,
      policyVersion: 'exit-2026-12',
    });
    expect(profile.listedInDirectory).toBe(true);
  });

  it('agreeing turns company news on for the member too, and the member sees it in their consent history', async () => {
    const { slug, member, read, answer } = await memberLeaving(false);
    expect((await answer(true)).status).toBe(201);
    const { record, profile, ledger } = await read();
    expect(record.contactConsent).toBe('granted');
    expect(profile.companyNews).toBe(true);
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ purpose: 'company_news', granted: true });
    const me = await member.client.get<{
      consentHistory: { purpose: string; granted: boolean; source: string }[];
    }>(`/api/v1/t/${slug}/community/me`);
    expect(me.body.consentHistory[0]).toMatchObject({
      purpose: 'company_news',
      granted: true,
      source: 'exit_survey',
    });
  });

  it('an unchanged choice adds nothing to the member’s ledger', async () => {
    const { read, answer } = await memberLeaving(true);
    expect((await answer(true)).status).toBe(201);
    const { profile, ledger } = await read();
    expect(profile.companyNews).toBe(true);
    expect(ledger).toHaveLength(0);
  });
});
