import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, consentEvents, surveyReminders } from '../../db/schema/index.js';
import { inTenant } from '../../db/scope.js';
import { TestClient } from '../../test/client.js';
import { mailsTo, signIn, tenantWithMember } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { audienceMember, audienceRecord } from '../programmes/audience/audience-factories.js';
import { runReminder } from './survey-reminders.js';
import { exitSurvey } from './test-surveys.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Problem = { code: string; errors?: { path: string; code: string }[] };
type Reminder = {
  id: string;
  timing: string;
  days: number | null;
  dueAt: string;
  status: string;
  reached: number | null;
};
const DAY = 86_400_000;
const reminderSubject = (name: string) =>
  `【${name}】アンケート「退職後 3 か月アンケート」へのご回答のお願い（再送）`;
/** The survey mails (request and reminders) to an address, newest first; sign-in mails left out. */
const surveyMails = async (to: string) =>
  (await mailsTo(server, to)).filter((mail) => mail.subject.includes('アンケート'));
const linkIn = (text: string, slug: string) => new RegExp(`/s/${slug}#token=([0-9a-f]{64})`).exec(text)?.[1];

/** An open survey sent to two consenting members, a consenting record and one without consent. */
async function sentSurvey(anonymity: 'named' | 'anonymous', extra: Record<string, unknown> = {}) {
  const staff = await tenantWithMember(server, 'admin');
  const base = `/api/v1/t/${staff.slug}/surveys`;
  const created = await staff.client.post<{ id: string }>(base, {
    ...exitSurvey(anonymity),
    audience: { members: true, records: true },
    ...extra,
  });
  expect(created.status).toBe(201);
  const id = created.body.id;
  await staff.client.post(`${base}/${id}/status`, { status: 'open' });
  const answering = await audienceMember(server, staff.tenant.id, {
    displayName: '回答 済',
    consents: ['company_contact'],
  });
  const waiting = await audienceMember(server, staff.tenant.id, {
    displayName: '未回答 メンバー',
    consents: ['company_contact'],
  });
  const record = await audienceRecord(server, staff.tenant.id, {
    familyName: '未参加',
    contactConsent: 'granted',
  });
  const silent = await audienceRecord(server, staff.tenant.id, { familyName: '同意なし' });
  // Signed in before the survey mail, so each sign-in link is the newest mail when it is read.
  const clients = {
    answering: await signIn(server, answering.email),
    waiting: await signIn(server, waiting.email),
  };
  const sent = await staff.client.post<{ email: number }>(`${base}/${id}/send`, {});
  expect(sent.body.email).toBe(3);
  const url = `${base}/${id}`;
  return { staff, base, id, url, clients, people: { answering, waiting, record, silent } };
}

async function answerInApp(client: TestClient, slug: string, id: string) {
  const done = await client.post(`/api/v1/t/${slug}/community/surveys/${id}/response`, {
    answers: { q1: 'yes', q5: 9 },
  });
  expect(done.status).toBe(201);
}

describe('reminders to those who have not answered', () => {
  it('mails only those asked who have not answered, once, however often the job runs', async () => {
    const s = await sentSurvey('named');
    await answerInApp(s.clients.answering, s.staff.slug, s.id);
    const first = (await mailsTo(server, s.people.record.email!))[0]!;
    const oldToken = linkIn(first.textBody, s.staff.slug)!;

    const made = await s.staff.client.post<Reminder>(`${s.url}/reminders`, { timing: 'now' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ timing: 'now', status: 'scheduled', days: null });
    // The job runs at once (drained by mailsTo).
    const toWaiting = await surveyMails(s.people.waiting.email);
    expect(toWaiting.map((m) => m.subject)).toContain(reminderSubject(s.staff.tenant.nameJa));
    expect(toWaiting[0]!.textBody).toContain(`/t/${s.staff.slug}/surveys/${s.id}`);
    const toRecord = await mailsTo(server, s.people.record.email!);
    expect(toRecord).toHaveLength(2);
    const newToken = linkIn(toRecord[0]!.textBody, s.staff.slug)!;
    expect(newToken).not.toBe(oldToken);
    expect(await surveyMails(s.people.answering.email)).toHaveLength(1);
    expect(await mailsTo(server, s.people.silent.email!)).toHaveLength(0);

    // Run again after a restart: the reminder has run, and even made due again its deliveries are keyed.
    expect(await runReminder(server.deps, { tenantId: s.staff.tenant.id, reminderId: made.body.id })).toBe(0);
    await inTenant(server.deps.database.db, s.staff.tenant.id, (tx) =>
      tx.update(surveyReminders).set({ status: 'scheduled' }).where(eq(surveyReminders.id, made.body.id)),
    );
    expect(await runReminder(server.deps, { tenantId: s.staff.tenant.id, reminderId: made.body.id })).toBe(0);
    expect(await surveyMails(s.people.waiting.email)).toHaveLength(2);

    const listed = await s.staff.client.get<{ reminders: Reminder[] }>(`${s.url}/reminders`);
    expect(listed.body.reminders.map((r) => [r.status, r.reached])).toEqual([['sent', 2]]);

    // The record answers with its newest link; a later reminder skips it, and the member who withdrew.
    const stranger = new TestClient(server);
    const answered = await stranger.post(`/api/v1/survey-links/${s.staff.slug}/${newToken}/response`, {
      answers: { q1: 'no', q3: '理由', q5: 3 },
    });
    expect(answered.status).toBe(201);
    await inTenant(server.deps.database.db, s.staff.tenant.id, (tx) =>
      tx.insert(consentEvents).values({
        tenantId: s.staff.tenant.id,
        membershipId: s.people.waiting.id,
        purpose: 'company_contact',
        granted: false,
        policyVersion: '2026-11',
        source: 'unsubscribe' as 'settings',
      }),
    );
    const second = await s.staff.client.post<Reminder>(`${s.url}/reminders`, { timing: 'now' });
    expect(second.status).toBe(201);
    expect(await mailsTo(server, s.people.record.email!)).toHaveLength(2);
    expect(await surveyMails(s.people.waiting.email)).toHaveLength(2);
    const after = await s.staff.client.get<{ reminders: Reminder[] }>(`${s.url}/reminders`);
    expect(after.body.reminders.map((r) => r.reached)).toEqual([2, 0]);
    const audit = await inTenant(server.deps.database.db, s.staff.tenant.id, (tx) =>
      tx.select().from(auditEvents).where(eq(auditEvents.action, 'survey.reminder_scheduled')),
    );
    expect(audit).toHaveLength(2);
  });

  it('judges an anonymous survey by its one-time tokens only', async () => {
    const s = await sentSurvey('anonymous');
    await answerInApp(s.clients.answering, s.staff.slug, s.id);
    const token = linkIn((await mailsTo(server, s.people.record.email!))[0]!.textBody, s.staff.slug)!;
    const stranger = new TestClient(server);
    const answered = await stranger.post(`/api/v1/survey-links/${s.staff.slug}/${token}/response`, {
      answers: { q1: 'yes', q5: 10 },
    });
    expect(answered.status).toBe(201);
    await s.staff.client.post(`${s.url}/reminders`, { timing: 'now' });
    expect(await surveyMails(s.people.waiting.email)).toHaveLength(2);
    expect(await surveyMails(s.people.answering.email)).toHaveLength(1);
    expect(await mailsTo(server, s.people.record.email!)).toHaveLength(1);
  });

  it('schedules reminders after sending and before closing, never after closing', async () => {
    const closesAt = new Date(Date.now() + 10 * DAY).toISOString();
    const s = await sentSurvey('named', { closesAt });
    const after = await s.staff.client.post<Reminder>(`${s.url}/reminders`, {
      timing: 'after_sending',
      days: 7,
    });
    expect(after.status).toBe(201);
    expect(new Date(after.body.dueAt).getTime() - Date.now()).toBeGreaterThan(6 * DAY);
    const before = await s.staff.client.post<Reminder>(`${s.url}/reminders`, {
      timing: 'before_closing',
      days: 3,
    });
    expect(before.status).toBe(201);
    expect(new Date(closesAt).getTime() - new Date(before.body.dueAt).getTime()).toBe(3 * DAY);
    // Not yet due: nothing goes out now.
    expect(await surveyMails(s.people.waiting.email)).toHaveLength(1);

    const tooLate = await s.staff.client.post<Problem>(`${s.url}/reminders`, {
      timing: 'after_sending',
      days: 12,
    });
    expect(tooLate.status).toBe(422);
    expect(tooLate.body.errors?.map((e) => e.code)).toEqual(['survey_reminder_after_closing']);
    const past = await s.staff.client.post<Problem>(`${s.url}/reminders`, {
      timing: 'before_closing',
      days: 20,
    });
    expect(past.body.errors?.map((e) => e.code)).toEqual(['survey_reminder_past']);
    const noDays = await s.staff.client.post<Problem>(`${s.url}/reminders`, { timing: 'after_sending' });
    expect(noDays.status).toBe(422);

    // Cancelled: its job sends nothing. Closed before it is due: skipped.
    const cancelled = await s.staff.client.post<Reminder>(`${s.url}/reminders/${before.body.id}/cancel`, {});
    expect(cancelled.body.status).toBe('cancelled');
    expect(
      (await s.staff.client.post<Problem>(`${s.url}/reminders/${before.body.id}/cancel`, {})).status,
    ).toBe(409);
    const tenantId = s.staff.tenant.id;
    expect(await runReminder(server.deps, { tenantId, reminderId: before.body.id })).toBe(0);
    const due = new Date(after.body.dueAt);
    await s.staff.client.post(`${s.url}/status`, { status: 'closed' });
    expect(await runReminder(server.deps, { tenantId, reminderId: after.body.id }, due)).toBe(0);
    const listed = await s.staff.client.get<{ reminders: Reminder[] }>(`${s.url}/reminders`);
    expect(listed.body.reminders.map((r) => r.status)).toEqual(['cancelled', 'skipped']);
    expect(await surveyMails(s.people.waiting.email)).toHaveLength(1);
    const closed = await s.staff.client.post<Problem>(`${s.url}/reminders`, { timing: 'now' });
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('survey_closed');
  });

  it('refuses before sending, bad input, members and other networks', async () => {
    const staff = await tenantWithMember(server, 'admin', 'en');
    const base = `/api/v1/t/${staff.slug}/surveys`;
    const id = (await staff.client.post<{ id: string }>(base, exitSurvey('named'))).body.id;
    await staff.client.post(`${base}/${id}/status`, { status: 'open' });
    const unsent = await staff.client.post<Problem>(`${base}/${id}/reminders`, {
      timing: 'now',
    });
    expect(unsent.status).toBe(409);
    expect(unsent.body.code).toBe('survey_reminder_not_sent');
    const wrongType = await staff.client.request<Problem>('POST', `${base}/${id}/reminders`, {
      body: 'timing=now',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(wrongType.status).toBe(415);
    const unknown = await staff.client.post<Problem>(`${base}/${id}/reminders`, { timing: 'sometime' });
    expect(unknown.status).toBe(422);
    const nul = await staff.client.post<Problem>(`${base}/${id}/reminders`, { timing: 'now\u0000' });
    expect(nul.status).toBe(422);
    const missing = await staff.client.post(`${base}/00000000-0000-4000-8000-000000000000/reminders`, {
      timing: 'now',
    });
    expect(missing.status).toBe(404);

    const s = await sentSurvey('named');
    const noClosing = await s.staff.client.post<Problem>(`${s.url}/reminders`, {
      timing: 'before_closing',
      days: 3,
    });
    expect(noClosing.status).toBe(422);
    expect(noClosing.body.errors?.map((e) => e.code)).toEqual(['survey_reminder_no_closing']);
    const made = await s.staff.client.post<Reminder>(`${s.url}/reminders`, { timing: 'now' });
    const member = s.clients.waiting;
    expect((await member.get(`${s.url}/reminders`)).status).toBe(403);
    expect((await member.post(`${s.url}/reminders`, { timing: 'now' })).status).toBe(403);
    expect((await member.post(`${s.url}/reminders/${made.body.id}/cancel`, {})).status).toBe(403);
    expect((await staff.client.get(`${s.url}/reminders`)).status).toBe(404);
    expect((await staff.client.post(`${s.url}/reminders`, { timing: 'now' })).status).toBe(404);
    // Another network's survey id under one's own network is unknown too.
    expect((await staff.client.get(`${base}/${s.id}/reminders`)).status).toBe(404);
    expect((await staff.client.post(`${base}/${s.id}/reminders/${made.body.id}/cancel`, {})).status).toBe(
      404,
    );
  });
});
