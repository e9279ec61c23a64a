import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/raw.js';
import { auditEvents, events } from '../../db/schema/index.js';
import { enterTenant } from '../../db/scope.js';
import { communityMember } from '../../test/community-factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import {
  createEvent,
  memberBase,
  type Network,
  network,
  type Problem,
  staffBase,
} from './event-test-factories.js';
import { sendFollowUpSurvey } from './follow-up-survey.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());
beforeEach(async () => {
  await server.deps.database.db.execute(sql`delete from rate_limit_buckets where key like 'magic-link:ip:%'`);
});

type Ref = { id: string; title: string; status: string; responses: number };
type EventSurvey = { survey: Ref | null; sentAt: string | null; candidates: Ref[] } & Problem;

/** As if the event had taken place: its times moved into the past (the API refuses a past start). */
async function endEvent(net: Network, eventId: string) {
  await server.deps.database.db.transaction(async (tx) => {
    await enterTenant(tx, net.id);
    await tx
      .update(events)
      .set({ startsAt: new Date(Date.now() - 3 * 3_600_000), endsAt: new Date(Date.now() - 3_600_000) })
      .where(and(eq(events.tenantId, net.id), eq(events.id, eventId)));
  });
}

/** An event with one member checked in and one confirmed who did not come. */
async function heldEvent(net: Network) {
  const event = await createEvent(net, { capacityInPerson: 5 });
  const came = await communityMember(server, net, { displayName: '出席 さん' });
  const absent = await communityMember(server, net, { displayName: '欠席 さん' });
  const registered = await came.client.post<{ registration: { checkInCode: string } }>(
    `${memberBase(net)}/${event.id}/registration`,
    {},
  );
  await absent.client.post(`${memberBase(net)}/${event.id}/registration`, {});
  const checked = await net.hr.post(`${staffBase(net)}/${event.id}/check-in`, {
    code: registered.body.registration.checkInCode,
  });
  expect(checked.status).toBe(200);
  return { event, came, absent };
}

describe('post-event survey', () => {
  it('is created from the template, sent once to the attendees after the end, answered, and counted', async () => {
    const net = await network(server);
    const { event, came, absent } = await heldEvent(net);
    const url = `${staffBase(net)}/${event.id}/survey`;
    expect((await net.hr.get<EventSurvey>(url)).body).toEqual({ survey: null, sentAt: null, candidates: [] });

    const created = await net.hr.post<EventSurvey>(url);
    expect(created.status).toBe(201);
    expect(created.body.survey).toMatchObject({ status: 'draft', responses: 0 });
    expect(created.body.survey!.title).toBe('「アルムナイ交流会 2026 冬」参加者アンケート');
    const surveyId = created.body.survey!.id;
    const survey = await net.hr.get<{ questions: { id: string; type: string }[]; audience: unknown }>(
      `/api/v1/t/${net.slug}/surveys/${surveyId}`,
    );
    expect(survey.body.questions.map((q) => [q.id, q.type])).toEqual([
      ['satisfaction', 'scale'],
      ['next', 'multiple'],
      ['comment', 'long_text'],
    ]);
    expect(survey.body.audience).toMatchObject({ attendedEventId: event.id, members: true });
    expect((await net.hr.post<Problem>(url)).body.code).toBe('event_survey_exists');
    // Queued for the end of the event.
    const [job] = await queryRows<{ start_after: string }>(
      server.deps.database.db,
      sql`select start_after from pgboss.job where name = 'event.follow_up_survey' and data->>'eventId' = ${event.id}`,
    );
    expect(new Date(job!.start_after).toISOString()).toBe(event.endsAt);

    // Before the end the job sends nothing.
    const job1 = { tenantId: net.id, eventId: event.id };
    expect(await sendFollowUpSurvey(server.deps, job1)).toBe(0);
    await endEvent(net, event.id);
    expect(await sendFollowUpSurvey(server.deps, job1)).toBe(1);
    // Run again (a retry, a restart): nobody is asked twice.
    expect(await sendFollowUpSurvey(server.deps, job1)).toBe(0);
    const after = await net.hr.get<EventSurvey>(url);
    expect(after.body.survey?.status).toBe('open');
    expect(after.body.sentAt).not.toBeNull();
    const changed = await net.hr.put<EventSurvey>(url, { surveyId: null });
    expect(changed.status).toBe(409);
    expect(changed.body.code).toBe('event_survey_already_sent');

    // The attendee has it and answers; the one who did not come neither has it nor can answer it.
    const mine = await came.client.get<{ surveys: { id: string }[] }>(
      `/api/v1/t/${net.slug}/community/surveys`,
    );
    expect(mine.body.surveys.map((s) => s.id)).toContain(surveyId);
    const theirs = await absent.client.get<{ surveys: { id: string }[] }>(
      `/api/v1/t/${net.slug}/community/surveys`,
    );
    expect(theirs.body.surveys.map((s) => s.id)).not.toContain(surveyId);
    const answers = { satisfaction: 5, next: ['again', 'speak'], comment: 'また参加したいです。' };
    const refused = await absent.client.post(`/api/v1/t/${net.slug}/community/surveys/${surveyId}/response`, {
      answers,
    });
    expect(refused.status).toBe(404);
    const answered = await came.client.post(`/api/v1/t/${net.slug}/community/surveys/${surveyId}/response`, {
      answers,
    });
    expect(answered.status).toBe(201);
    expect((await net.hr.get<EventSurvey>(url)).body.survey?.responses).toBe(1);
    const actions = await server.deps.database.db.transaction(async (tx) => {
      await enterTenant(tx, net.id);
      return tx
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(and(eq(auditEvents.tenantId, net.id), eq(auditEvents.targetId, event.id)));
    });
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['event.survey_chosen', 'event.survey_sent']),
    );
  });

  it('is not sent for a cancelled event', async () => {
    const net = await network(server);
    const { event } = await heldEvent(net);
    expect((await net.hr.post(`${staffBase(net)}/${event.id}/survey`)).status).toBe(201);
    expect((await net.hr.post(`${staffBase(net)}/${event.id}/cancel`)).status).toBe(200);
    await endEvent(net, event.id);
    expect(await sendFollowUpSurvey(server.deps, { tenantId: net.id, eventId: event.id })).toBe(0);
  });

  it('refuses a survey not meant for the attendees, members, other networks and bad input', async () => {
    const net = await network(server);
    const { event, came } = await heldEvent(net);
    const url = `${staffBase(net)}/${event.id}/survey`;
    const general = await net.hr.post<{ id: string }>(`/api/v1/t/${net.slug}/surveys`, {
      texts: { title: { ja: '全員向けアンケート' }, welcome: {}, thanks: {} },
      questions: [{ id: 'q1', type: 'scale', text: { ja: '満足度' } }],
      anonymity: 'named',
    });
    expect(general.status).toBe(201);
    const wrong = await net.hr.put<EventSurvey>(url, { surveyId: general.body.id });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('event_survey_audience');
    expect(wrong.body.title).toBe(
      'イベント後アンケートにできるのは、対象を「このイベントの出席者」にしたアンケートだけです。',
    );
    expect((await net.hr.put(url, { surveyId: crypto.randomUUID() })).status).toBe(404);
    expect((await net.hr.put(url, { surveyId: 'x' })).status).toBe(422);
    expect((await net.hr.put(url, {})).status).toBe(422);
    expect((await net.hr.get<EventSurvey>(url)).body.survey).toBeNull();

    // A member is refused; another network's staff see nothing of it, nor can they use its id.
    expect((await came.client.get(url)).status).toBe(403);
    expect((await came.client.post(url)).status).toBe(403);
    const other = await network(server);
    expect((await other.hr.get(`${staffBase(other)}/${event.id}/survey`)).status).toBe(404);
    expect((await other.hr.post(`${staffBase(other)}/${event.id}/survey`)).status).toBe(404);
    const created = await net.hr.post<EventSurvey>(url);
    const theirEvent = await createEvent(other, {});
    const stolen = await other.hr.put(`${staffBase(other)}/${theirEvent.id}/survey`, {
      surveyId: created.body.survey!.id,
    });
    expect(stolen.status).toBe(404);
  });
});
