import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  alumniRecords,
  auditEvents,
  exitSurveyLinks,
  recordConsentEvents,
  recordHistory,
  surveyResponses,
} from '../../db/schema/index.js';
import { inTenant } from '../../db/scope.js';
import { TestClient } from '../../test/client.js';
import { mailsTo, tenantWithMember } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { audienceRecord } from '../programmes/audience/audience-factories.js';
import { EXIT_LINK_DAYS } from './exit-survey-links.js';
import { exitSurvey, wording } from './test-surveys.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Problem = { code: string; detail?: string; title?: string; errors?: { path: string; code: string }[] };
type Status = {
  survey: { id: string; title: string } | null;
  email: string | null;
  excluded: boolean;
  link: { state: string; emailed: boolean; expiresAt: string; createdAt: string } | null;
  url: string | null;
};
type Page = {
  survey: { title: string; anonymity: string; state: string; questions: { id: string }[] };
  consent: { version: string; text: string };
};

/** A named exit survey whose first question records would-return. */
function namedExitSurvey(title = '退職時アンケート') {
  const survey = exitSurvey('named');
  return {
    ...survey,
    texts: { ...survey.texts, title: wording(title, 'Exit survey') },
    questions: survey.questions.map((q) =>
      q.id === 'q1' ? { ...q, wouldReturn: { yes: ['yes'], no: ['no'] } } : q,
    ),
  };
}

async function network() {
  const staff = await tenantWithMember(server, 'admin');
  const base = `/api/v1/t/${staff.slug}/surveys`;
  const open = async (body: unknown) => {
    const created = await staff.client.post<{ id: string }>(base, body);
    expect(created.status).toBe(201);
    await staff.client.post(`${base}/${created.body.id}/status`, { status: 'open' });
    return created.body.id;
  };
  const exitId = await open(namedExitSurvey());
  expect((await staff.client.put(`${base}/exit`, { surveyId: exitId })).status).toBe(200);
  const leaver = await audienceRecord(server, staff.tenant.id, {
    familyName: '退職',
    givenName: '花子',
    leftOn: '2026-12-25',
  });
  const linkPath = `/api/v1/t/${staff.slug}/registry/records/${leaver.id}/exit-survey-link`;
  return { ...staff, base, open, exitId, leaver, linkPath };
}

const tokenOf = (url: string) => {
  const match = /\/exit\/([^#]+)#token=([0-9a-f]{64})$/.exec(url);
  if (!match?.[2]) throw new Error(`not an exit link: ${url}`);
  return match[2];
};

const pageOf = (slug: string, token: string) => `/api/v1/exit-survey/${slug}/${token}`;

const readRecord = (tenantId: string, recordId: string) =>
  inTenant(server.deps.database.db, tenantId, async (tx) => ({
    record: (await tx.select().from(alumniRecords).where(eq(alumniRecords.id, recordId)))[0]!,
    history: await tx.select().from(recordHistory).where(eq(recordHistory.recordId, recordId)),
    ledger: await tx.select().from(recordConsentEvents).where(eq(recordConsentEvents.recordId, recordId)),
    responses: await tx.select().from(surveyResponses).where(eq(surveyResponses.recordId, recordId)),
    audit: await tx
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenantId), eq(auditEvents.targetId, recordId))),
  }));

describe('exit survey links', () => {
  it('mails a link to the leaver, who answers once, grants contact consent and says they would return', async () => {
    const n = await network();
    const before = await n.client.get<Status>(n.linkPath);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({
      survey: { id: n.exitId },
      email: n.leaver.email,
      link: null,
      url: null,
    });

    const issued = await n.client.post<Status>(n.linkPath, { send: true });
    expect(issued.status).toBe(201);
    expect(issued.body.link).toMatchObject({ state: 'live', emailed: true });
    const days =
      (Date.parse(issued.body.link!.expiresAt) - Date.parse(issued.body.link!.createdAt)) / 86_400_000;
    expect(days).toBe(EXIT_LINK_DAYS);
    const token = tokenOf(issued.body.url!);
    const mail = (await mailsTo(server, n.leaver.email!))[0]!;
    expect(mail.textBody).toContain(issued.body.url!);
    expect(mail.textBody).toContain('退職 花子 様');
    // HR sees the state later, never the link itself.
    const status = await n.client.get<Status>(n.linkPath);
    expect(status.body).toMatchObject({ link: { state: 'live', emailed: true }, url: null });

    const leaver = new TestClient(server);
    const page = await leaver.get<Page>(pageOf(n.slug, token));
    expect(page.status).toBe(200);
    expect(page.body.survey).toMatchObject({
      title: '退職時アンケート',
      anonymity: 'named',
      state: 'not_started',
    });
    expect(page.body.consent.text).toContain('同意します');

    // Answers that do not fit, or an outdated consent wording, store nothing and keep the link usable.
    const unfit = await leaver.post<Problem>(`${pageOf(n.slug, token)}/response`, {
      answers: { q1: 'maybe' },
      consent: { granted: true, version: page.body.consent.version },
    });
    expect(unfit.status).toBe(422);
    const outdated = await leaver.post<Problem>(`${pageOf(n.slug, token)}/response`, {
      answers: { q1: 'yes', q5: 9 },
      consent: { granted: true, version: '2020-01' },
    });
    expect(outdated.status).toBe(409);
    expect((await readRecord(n.tenant.id, n.leaver.id)).ledger).toEqual([]);

    const answered = await leaver.post<Page>(`${pageOf(n.slug, token)}/response`, {
      answers: { q1: 'yes', q5: 9, q6: '皆さまに感謝しています' },
      consent: { granted: true, version: page.body.consent.version },
    });
    expect(answered.status).toBe(201);
    expect(answered.body.survey.state).toBe('submitted');

    // Used once: opening or answering again says so.
    const again = await leaver.post<Problem>(`${pageOf(n.slug, token)}/response`, {
      answers: { q1: 'yes', q5: 9 },
      consent: { granted: true, version: page.body.consent.version },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('exit_link_used');
    expect((await leaver.get<Problem>(pageOf(n.slug, token))).body.code).toBe('exit_link_used');

    const { record, history, ledger, responses, audit } = await readRecord(n.tenant.id, n.leaver.id);
    expect(record).toMatchObject({
      wouldReturn: 'yes',
      contactConsent: 'granted',
      consentSource: 'exit_survey',
      consentWordingVersion: page.body.consent.version,
    });
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({
      purpose: 'company_news',
      granted: true,
      source: 'exit_survey',
      wording: page.body.consent.text,
      locale: 'ja',
      surveyId: n.exitId,
    });
    expect(history.map((h) => [h.source, h.changes]).sort()).toEqual(
      [
        ['survey', { wouldReturn: ['unanswered', 'yes'], survey: [null, '退職時アンケート'] }],
        [
          'exit_survey',
          {
            contactConsent: ['unknown', 'granted'],
            consentSource: [null, 'exit_survey'],
            survey: [null, '退職時アンケート'],
          },
        ],
      ].sort(),
    );
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ surveyId: n.exitId, status: 'submitted' });
    // Audited: issuing (by HR) and answering (by nobody signed in), without the answers.
    const actions = audit.map((a) => a.action);
    expect(actions).toContain('exit_survey_link.issued');
    const answeredEntry = audit.find((a) => a.action === 'exit_survey_link.answered')!;
    expect(answeredEntry.actorMembershipId).toBeNull();
    expect(answeredEntry.data).toEqual({ surveyId: n.exitId, consentGranted: true, wouldReturn: 'yes' });
    expect(JSON.stringify(answeredEntry.data)).not.toContain('感謝');

    // HR sees the consent in the record's ledger, and the record in the would-return segment.
    const consents = await n.client.get<{
      consents: { granted: boolean; source: string; surveyTitle: string }[];
    }>(`/api/v1/t/${n.slug}/registry/records/${n.leaver.id}/consents`);
    expect(consents.body.consents).toEqual([
      expect.objectContaining({ granted: true, source: 'exit_survey', surveyTitle: '退職時アンケート' }),
    ]);
    const wouldReturn = await n.client.get<{ records: { id: string }[] }>(
      `/api/v1/t/${n.slug}/registry/records?wouldReturn=yes`,
    );
    expect(wouldReturn.body.records.map((r) => r.id)).toEqual([n.leaver.id]);
    // A second link for someone who has answered is refused.
    const reissue = await n.client.post<Problem>(n.linkPath, { send: false });
    expect(reissue.status).toBe(409);
    expect(reissue.body.code).toBe('exit_survey_already_answered');
  });

  it('re-issuing revokes the previous link; expired and foreign links are refused with a clear message', async () => {
    const n = await network();
    const first = await n.client.post<Status>(n.linkPath, { send: false });
    expect(first.status).toBe(201);
    expect(first.body.link?.emailed).toBe(false);
    expect(await mailsTo(server, n.leaver.email!)).toEqual([]);
    const second = await n.client.post<Status>(n.linkPath, { send: false });
    expect(second.status).toBe(201);
    const stranger = new TestClient(server, { language: 'en' });
    const revoked = await stranger.get<Problem>(pageOf(n.slug, tokenOf(first.body.url!)));
    expect(revoked.status).toBe(410);
    expect(revoked.body.code).toBe('exit_link_revoked');
    expect(revoked.body.title ?? revoked.body.detail).toMatch(/replaced by a newer one/);
    const japanese = await new TestClient(server).get<Problem>(pageOf(n.slug, tokenOf(first.body.url!)));
    expect(japanese.body.title ?? japanese.body.detail).toMatch(/無効になりました/);

    // Another network's address for the same token, and a made-up token, are unknown.
    const other = await tenantWithMember(server, 'admin');
    const live = tokenOf(second.body.url!);
    const foreign = await stranger.get<Problem>(pageOf(other.slug, live));
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('exit_link_unknown');
    expect((await stranger.get(pageOf(n.slug, '0'.repeat(64)))).status).toBe(404);
    expect((await stranger.get(pageOf(n.slug, 'not-a-token'))).status).toBe(422);

    await inTenant(server.deps.database.db, n.tenant.id, (tx) =>
      tx
        .update(exitSurveyLinks)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(exitSurveyLinks.recordId, n.leaver.id)),
    );
    const expired = await stranger.post<Problem>(`${pageOf(n.slug, live)}/response`, {
      answers: { q1: 'yes', q5: 9 },
      consent: { granted: true, version: 'exit-2026-12' },
    });
    expect(expired.status).toBe(410);
    expect(expired.body.code).toBe('exit_link_expired');
    expect((await n.client.get<Status>(n.linkPath)).body.link?.state).toBe('expired');
    expect((await readRecord(n.tenant.id, n.leaver.id)).responses).toEqual([]);
  });

  it('declining consent is recorded as not given and grants nothing', async () => {
    const n = await network();
    const issued = await n.client.post<Status>(n.linkPath, { send: false });
    const token = tokenOf(issued.body.url!);
    const leaver = new TestClient(server, { language: 'en' });
    const page = await leaver.get<Page>(pageOf(n.slug, token));
    expect(page.body.consent.text).toContain('I agree');
    const answered = await leaver.post(`${pageOf(n.slug, token)}/response`, {
      answers: { q1: 'no', q3: 'Moving abroad', q5: 6 },
      consent: { granted: false, version: page.body.consent.version },
    });
    expect(answered.status).toBe(201);
    const { record, ledger } = await readRecord(n.tenant.id, n.leaver.id);
    expect(record).toMatchObject({ wouldReturn: 'no', contactConsent: 'unknown', consentSource: null });
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ granted: false, locale: 'en', wording: page.body.consent.text });
  });

  it('the exit survey must be open, named and ask would-return; links need one chosen and an address to mail', async () => {
    const n = await network();
    const anonymous = await n.open({ ...exitSurvey('anonymous'), texts: exitSurvey().texts });
    const noWouldReturn = await n.open(exitSurvey('named'));
    const draft = (await n.client.post<{ id: string }>(n.base, namedExitSurvey('下書き'))).body.id;
    for (const [surveyId, code] of [
      [anonymous, 'exit_survey_not_named'],
      [noWouldReturn, 'exit_survey_no_would_return'],
      [draft, 'exit_survey_not_open'],
    ] as const) {
      const refused = await n.client.put<Problem>(`${n.base}/exit`, { surveyId });
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'surveyId', code })]);
    }
    expect((await n.client.put(`${n.base}/exit`, { surveyId: 'nope' })).status).toBe(422);
    expect((await n.client.get<{ surveyId: string }>(`${n.base}/exit`)).body.surveyId).toBe(n.exitId);

    const noAddress = await audienceRecord(server, n.tenant.id, { familyName: '住所無', emails: [] });
    const path = `/api/v1/t/${n.slug}/registry/records/${noAddress.id}/exit-survey-link`;
    const refusedMail = await n.client.post<Problem>(path, { send: true });
    expect(refusedMail.status).toBe(422);
    expect(refusedMail.body.errors?.[0]?.code).toBe('exit_link_no_address');
    expect((await n.client.post(path, { send: false })).status).toBe(201);
    const excluded = await audienceRecord(server, n.tenant.id, { familyName: '除外', status: 'excluded' });
    const excludedPath = `/api/v1/t/${n.slug}/registry/records/${excluded.id}/exit-survey-link`;
    expect((await n.client.post<Problem>(excludedPath, { send: true })).body.code).toBe('exit_link_excluded');
    expect((await n.client.post<Problem>(n.linkPath, {})).status).toBe(422);

    expect((await n.client.put(`${n.base}/exit`, { surveyId: null })).status).toBe(200);
    const none = await n.client.post<Problem>(n.linkPath, { send: false });
    expect(none.status).toBe(409);
    expect(none.body.code).toBe('exit_survey_not_chosen');
  });

  it('only staff of the network issue links, read the ledger or choose the exit survey', async () => {
    const n = await network();
    const member = await tenantWithMember(server, 'alumnus');
    const moderator = await tenantWithMember(server, 'moderator');
    for (const who of [member, moderator]) {
      const path = `/api/v1/t/${who.slug}/registry/records/${n.leaver.id}/exit-survey-link`;
      expect((await who.client.post(path, { send: false })).status).toBe(403);
      expect((await who.client.get(`/api/v1/t/${who.slug}/surveys/exit`)).status).toBe(403);
      expect((await who.client.put(`/api/v1/t/${who.slug}/surveys/exit`, { surveyId: null })).status).toBe(
        403,
      );
    }
    // Staff of another network: the record is not theirs, through their own network or this one.
    const other = await tenantWithMember(server, 'admin');
    const theirs = `/api/v1/t/${other.slug}/registry/records/${n.leaver.id}`;
    expect((await other.client.post(`${theirs}/exit-survey-link`, { send: false })).status).toBe(404);
    expect((await other.client.get(`${theirs}/exit-survey-link`)).status).toBe(404);
    expect((await other.client.get(`${theirs}/consents`)).status).toBe(404);
    expect((await other.client.post(n.linkPath, { send: false })).status).toBe(404);
    expect(
      (await other.client.put(`/api/v1/t/${other.slug}/surveys/exit`, { surveyId: n.exitId })).status,
    ).toBe(422);
    const anonymousVisitor = new TestClient(server);
    expect((await anonymousVisitor.post(n.linkPath, { send: false })).status).toBe(401);
  });
});
