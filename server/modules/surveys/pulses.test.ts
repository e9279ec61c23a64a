import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  alumniRecords,
  programmeDeliveries,
  recordHistory,
  surveyInvitations,
  surveyResponses,
} from '../../db/schema/index.js';
import { inTenant } from '../../db/scope.js';
import { TestClient } from '../../test/client.js';
import { mailsTo, tenantWithMember } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { audienceMember, audienceRecord } from '../programmes/audience/audience-factories.js';
import { dueLeavingDates, japanToday, monthsBefore, runPulses } from './run-pulses.js';
import { exitSurvey, wording } from './test-surveys.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Problem = { code: string; errors?: { path: string; code: string }[] };
const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
/** A date `months` and `days` before a day (the leaving date that makes a mark fall on that day). */
const leftBefore = (day: Date, months: number, days = 0) =>
  iso(new Date(monthsBefore(day, months).getTime() - days * DAY));

/** A named pulse survey whose first question records would-return. */
function pulseSurvey(title: string) {
  const survey = exitSurvey('named');
  return {
    ...survey,
    texts: { ...survey.texts, title: wording(title) },
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
  return { ...staff, base, open };
}

const linkIn = (text: string, slug: string) => {
  const match = new RegExp(`/s/${slug}#token=([0-9a-f]{64})`).exec(text);
  if (!match?.[1]) throw new Error(`no survey link in:\n${text}`);
  return match[1];
};

describe('lifecycle pulses', () => {
  it('works out the due leaving dates in Japan time, month ends clamped', () => {
    expect(iso(japanToday(new Date('2026-12-04T15:30:00Z')))).toBe('2026-12-05');
    expect(iso(monthsBefore(new Date('2026-05-31T00:00:00Z'), 3))).toBe('2026-02-28');
    expect(dueLeavingDates(new Date('2026-12-05T00:00:00Z'), 3, 30)).toEqual({
      from: '2026-08-06',
      to: '2026-09-05',
    });
  });

  it('sends each stage once per person while its window is open, however often and however late it runs', async () => {
    const n = await network();
    const three = await n.open(pulseSurvey('退職後 3 か月'));
    const six = await n.open(pulseSurvey('退職後 6 か月'));
    const saved = await n.client.put<{ stages: { months: number; surveyTitle: string }[] }>(
      `${n.base}/pulses`,
      {
        stages: [
          { months: 3, surveyId: three },
          { months: 6, surveyId: six, windowDays: 30 },
        ],
      },
    );
    expect(saved.status).toBe(200);
    expect(saved.body.stages.map((s) => [s.months, s.surveyTitle])).toEqual([
      [3, '退職後 3 か月'],
      [6, '退職後 6 か月'],
    ]);
    const start = japanToday(new Date());
    const consent = { contactConsent: 'granted' as const };
    const people = {
      // Left 10 days before the 3-month mark falls today, one who left a month ago, one long ago.
      due: await audienceRecord(server, n.tenant.id, {
        familyName: '三月',
        leftOn: leftBefore(start, 3, 10),
        ...consent,
      }),
      recent: await audienceRecord(server, n.tenant.id, {
        familyName: '一月',
        leftOn: leftBefore(start, 1),
        ...consent,
      }),
      longAgo: await audienceRecord(server, n.tenant.id, {
        familyName: '二年',
        leftOn: leftBefore(start, 24),
        ...consent,
      }),
      noConsent: await audienceRecord(server, n.tenant.id, {
        familyName: '未同意',
        leftOn: leftBefore(start, 3, 5),
      }),
      member: await audienceMember(server, n.tenant.id, {
        displayName: '参加 済',
        consents: ['company_contact'],
        record: { leftOn: leftBefore(start, 3, 1), ...consent },
      }),
    };
    // A year of daily runs, a week apart (the window is 30 days) and twice on some days.
    for (let day = 0; day <= 364; day += 7) {
      const now = new Date(Date.now() + day * DAY);
      await runPulses(server.deps, now);
      if (day % 28 === 0) await runPulses(server.deps, now);
    }
    const deliveries = await inTenant(server.deps.database.db, n.tenant.id, (tx) =>
      tx
        .select({ stage: programmeDeliveries.programmeId, recipient: programmeDeliveries.recipientId })
        .from(programmeDeliveries)
        .where(and(eq(programmeDeliveries.programmeKind, 'pulse'), eq(programmeDeliveries.channel, 'email'))),
    );
    const count = (id: string) => deliveries.filter((d) => d.recipient === id).length;
    // due: 3 and 6 months; recent: 3 and 6 (its marks come within the year); member: both, by e-mail too.
    expect(count(people.due.id)).toBe(2);
    expect(count(people.recent.id)).toBe(2);
    expect(count(people.member.id)).toBe(2);
    // Long past both windows, or without consent: never.
    expect(count(people.longAgo.id)).toBe(0);
    expect(count(people.noConsent.id)).toBe(0);
    const invitations = await inTenant(server.deps.database.db, n.tenant.id, (tx) =>
      tx.select().from(surveyInvitations).where(eq(surveyInvitations.recordId, people.due.id)),
    );
    expect(invitations.map((i) => i.surveyId).sort()).toEqual([three, six].sort());
    const mails = await mailsTo(server, people.due.email!);
    expect(mails.map((m) => m.subject).sort()).toEqual([
      `【${n.tenant.nameJa}】アンケート「退職後 3 か月」へのご協力のお願い`,
      `【${n.tenant.nameJa}】アンケート「退職後 6 か月」へのご協力のお願い`,
    ]);
    // The member's mail leads into the app, not to a link of its own.
    const memberMail = (await mailsTo(server, people.member.email))[0]!;
    expect(memberMail.textBody).toContain(`/t/${n.slug}/surveys/`);
  });

  it('a leaver who never joined answers from the mail, once; would-return reaches the record with history', async () => {
    const n = await network();
    const three = await n.open(pulseSurvey('退職後 3 か月'));
    await n.client.put(`${n.base}/pulses`, { stages: [{ months: 3, surveyId: three }] });
    const today = japanToday(new Date());
    const leaver = await audienceRecord(server, n.tenant.id, {
      familyName: '未参加',
      leftOn: leftBefore(today, 3),
      contactConsent: 'granted',
    });
    await runPulses(server.deps);
    const mail = (await mailsTo(server, leaver.email!))[0]!;
    const token = linkIn(mail.textBody, n.slug);
    const stranger = new TestClient(server);
    const link = `/api/v1/survey-links/${n.slug}/${token}`;
    const shown = await stranger.get<{ title: string; state: string; accepting: boolean }>(link);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ title: '退職後 3 か月', state: 'not_started', accepting: true });

    // Answers that do not fit store nothing.
    const unfit = await stranger.post<Problem>(`${link}/response`, { answers: { q1: 'maybe' } });
    expect(unfit.status).toBe(422);
    const wrongType = await stranger.request<Problem>('POST', `${link}/response`, {
      body: 'q1=yes',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(wrongType.status).toBe(415);
    // Another network's address for the same token, and a made-up token, are unknown.
    const other = await tenantWithMember(server, 'admin');
    expect((await stranger.get(`/api/v1/survey-links/${other.slug}/${token}`)).status).toBe(404);
    expect((await stranger.get(`/api/v1/survey-links/${n.slug}/${'0'.repeat(64)}`)).status).toBe(404);
    expect((await stranger.get(`/api/v1/survey-links/${n.slug}/not-a-token`)).status).toBe(422);

    const answered = await stranger.post<{ state: string }>(`${link}/response`, {
      answers: { q1: 'yes', q5: 9 },
    });
    expect(answered.status).toBe(201);
    expect(answered.body.state).toBe('submitted');
    const again = await stranger.post<Problem>(`${link}/response`, { answers: { q1: 'yes', q5: 9 } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('survey_already_answered');

    const { record, history, responses } = await inTenant(
      server.deps.database.db,
      n.tenant.id,
      async (tx) => ({
        record: (await tx.select().from(alumniRecords).where(eq(alumniRecords.id, leaver.id)))[0]!,
        history: await tx.select().from(recordHistory).where(eq(recordHistory.recordId, leaver.id)),
        responses: await tx.select().from(surveyResponses).where(eq(surveyResponses.surveyId, three)),
      }),
    );
    expect(record.wouldReturn).toBe('yes');
    expect(history.map((h) => [h.source, h.changes])).toEqual([
      ['survey', { wouldReturn: ['unanswered', 'yes'], survey: [null, '退職後 3 か月'] }],
    ]);
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ recordId: leaver.id, status: 'submitted' });
    // HR's results count it, and the record is now in would-return audiences (segments, opportunities).
    const results = await n.client.get<{ responses: number }>(`${n.base}/${three}/results`);
    expect(results.body.responses).toBe(1);
  });

  it('only staff set pulses, only with open surveys of their own network, one survey per stage', async () => {
    const n = await network();
    const open = await n.open(pulseSurvey('退職後 3 か月'));
    const draft = (await n.client.post<{ id: string }>(n.base, pulseSurvey('下書き'))).body.id;
    const other = await network();
    const foreign = await other.open(pulseSurvey('他社'));
    const refused = await n.client.put<Problem>(`${n.base}/pulses`, {
      stages: [
        { months: 3, surveyId: open },
        { months: 6, surveyId: open },
        { months: 12, surveyId: draft },
        { months: 24, surveyId: foreign },
      ],
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors?.map((e) => [e.path, e.code])).toEqual([
      ['stages.1.surveyId', 'pulse_survey_taken'],
      ['stages.2.surveyId', 'pulse_survey_not_open'],
      ['stages.3.surveyId', 'pulse_survey_not_open'],
    ]);
    expect((await n.client.get<{ stages: unknown[] }>(`${n.base}/pulses`)).body.stages).toEqual([]);
    const member = await tenantWithMember(server, 'alumnus');
    expect((await member.client.get(`/api/v1/t/${member.slug}/surveys/pulses`)).status).toBe(403);
    expect((await member.client.put(`/api/v1/t/${member.slug}/surveys/pulses`, { stages: [] })).status).toBe(
      403,
    );
    // Another network's staff cannot read or change these.
    expect((await other.client.get(`${n.base}/pulses`)).status).toBe(404);
    expect((await other.client.put(`${n.base}/pulses`, { stages: [] })).status).toBe(404);
  });

  it('refuses a NUL byte, a wrong content type or an empty body, and stores nothing', async () => {
    const n = await network();
    const open = await n.open(pulseSurvey('退職後 3 か月'));
    const nul = await n.client.put<Problem>(`${n.base}/pulses`, {
      stages: [{ months: 3, surveyId: `${open}\u0000` }],
    });
    expect(nul.status).toBe(422);
    const nulKey = await n.client.put<Problem>(`${n.base}/pulses`, {
      stages: [{ months: 3, surveyId: open, 'note\u0000': 'x' }],
    });
    expect(nulKey.status).toBe(422);
    const wrongType = await n.client.request<Problem>('PUT', `${n.base}/pulses`, {
      body: JSON.stringify({ stages: [{ months: 3, surveyId: open }] }),
      headers: { 'content-type': 'text/plain' },
    });
    expect(wrongType.status).toBe(415);
    const empty = await n.client.request<Problem>('PUT', `${n.base}/pulses`, {
      body: '',
      headers: { 'content-type': 'application/json' },
    });
    expect(empty.status).toBeGreaterThanOrEqual(400);
    expect(empty.status).toBeLessThan(500);
    expect((await n.client.get<{ stages: unknown[] }>(`${n.base}/pulses`)).body.stages).toEqual([]);
  });

  it('two saves at once take turns: one survey never ends up serving two stages', async () => {
    const n = await network();
    const survey = await n.open(pulseSurvey('退職後'));
    const saves = await Promise.all([
      n.client.put(`${n.base}/pulses`, { stages: [{ months: 3, surveyId: survey }] }),
      n.client.put(`${n.base}/pulses`, { stages: [{ months: 6, surveyId: survey }] }),
    ]);
    expect(saves.map((s) => s.status)).toEqual([200, 200]);
    const { stages } = (
      await n.client.get<{ stages: { months: number; surveyId: string; enabled: boolean }[] }>(
        `${n.base}/pulses`,
      )
    ).body;
    // Whichever save came last holds; the other's stage is kept, turned off.
    expect(stages.filter((s) => s.enabled)).toHaveLength(1);
    expect(stages.map((s) => s.months)).toEqual([3, 6]);
  });

  it('refuses a would-return question on an anonymous survey, or on more than one question', async () => {
    const n = await network();
    const anonymous = { ...pulseSurvey('匿名'), anonymity: 'anonymous' };
    const refused = await n.client.post<Problem>(n.base, anonymous);
    expect(refused.status).toBe(422);
    expect(refused.body.errors?.map((e) => e.code)).toEqual(['survey_would_return_invalid']);
    const twice = pulseSurvey('二重');
    twice.questions = twice.questions.map((q) =>
      q.id === 'q2' ? { ...q, type: 'single', wouldReturn: { yes: ['people'], no: [] } } : q,
    );
    const second = await n.client.post<Problem>(n.base, twice);
    expect(second.status).toBe(422);
    expect(second.body.errors?.map((e) => e.path)).toEqual(['questions.1.wouldReturn']);
  });
});
