import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyParticipations, surveyResponses } from '../../db/schema/index.js';
import { inTenant } from '../../db/scope.js';
import type { TestClient } from '../../test/client.js';
import { communityMember } from '../../test/community-factories.js';
import { tenantWithMember } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { exitSurvey, wording } from './test-surveys.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Problem = { code: string; title: string; errors?: { path: string; code: string; message: string }[] };
type StaffSurvey = { id: string; status: string; responses: number };
type MemberSurvey = {
  id: string;
  title: string;
  state: string;
  accepting: boolean;
  anonymity: string;
  draft: Record<string, unknown> | null;
  questions: { id: string; text: string; options: { id: string; label: string }[] }[];
  thanks: string;
};

async function openSurvey(staff: TestClient, slug: string, body: unknown) {
  const created = await staff.post<StaffSurvey>(`/api/v1/t/${slug}/surveys`, body);
  expect(created.status).toBe(201);
  const opened = await staff.post<StaffSurvey>(`/api/v1/t/${slug}/surveys/${created.body.id}/status`, {
    status: 'open',
  });
  expect(opened.body.status).toBe('open');
  return created.body.id;
}

describe('surveys', () => {
  it('staff build a draft, open it; a member saves a draft, finishes later and cannot answer twice', async () => {
    const staff = await tenantWithMember(server, 'admin');
    const tenant = { id: staff.tenant.id, slug: staff.slug };
    const member = await communityMember(server, tenant, { displayName: '回答 花子' });
    const base = `/api/v1/t/${tenant.slug}/surveys`;
    const created = await staff.client.post<StaffSurvey>(base, exitSurvey());
    expect(created.body.status).toBe('draft');
    const mine = `/api/v1/t/${tenant.slug}/community/surveys`;
    // A draft is invisible to members.
    expect((await member.client.get<{ surveys: unknown[] }>(mine)).body.surveys).toEqual([]);
    expect((await member.client.get(`${mine}/${created.body.id}`)).status).toBe(404);
    await staff.client.post(`${base}/${created.body.id}/status`, { status: 'open' });
    // Questions are frozen once open.
    const frozen = await staff.client.put<Problem>(`${base}/${created.body.id}`, exitSurvey());
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe('survey_not_draft');

    const listed = await member.client.get<{ surveys: MemberSurvey[] }>(mine);
    expect(listed.body.surveys.map((s) => [s.title, s.state])).toEqual([
      ['退職後 3 か月アンケート', 'not_started'],
    ]);
    const url = `${mine}/${created.body.id}`;
    expect((await member.client.put(`${url}/draft`, { answers: { q1: 'yes', q4: 4 } })).status).toBe(200);
    const later = await member.client.get<MemberSurvey>(url);
    expect(later.body.state).toBe('draft');
    expect(later.body.draft).toEqual({ q1: 'yes', q4: 4 });

    // Finishing without a required answer is refused and keeps the draft.
    const missing = await member.client.post<Problem>(`${url}/response`, { answers: { q1: 'yes', q4: 4 } });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([
      { path: 'answers.q5', code: 'survey_answer_required', message: 'この質問は回答必須です。' },
    ]);
    const done = await member.client.post<MemberSurvey>(`${url}/response`, {
      answers: { q1: 'yes', q2: ['people', 'work'], q4: 4, q5: 9, q6: '=1+1', q7: '2019-04-01' },
    });
    expect(done.status).toBe(201);
    expect(done.body.state).toBe('submitted');
    expect(done.body.thanks).toBe('ご回答ありがとうございました。');
    const again = await member.client.post<Problem>(`${url}/response`, { answers: { q1: 'yes', q5: 1 } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('survey_already_answered');
    expect((await member.client.put<Problem>(`${url}/draft`, { answers: { q1: 'no' } })).status).toBe(409);
    const stored = await inTenant(server.deps.database.db, tenant.id, (tx) =>
      tx.select().from(surveyResponses).where(eq(surveyResponses.surveyId, created.body.id)),
    );
    expect(stored.map((row) => [row.membershipId, row.status, row.answers])).toEqual([
      [
        member.id,
        'submitted',
        { q1: 'yes', q2: ['people', 'work'], q4: 4, q5: 9, q6: '=1+1', q7: '2019-04-01' },
      ],
    ]);
  });

  it('refuses answers that do not fit their questions, and answers to hidden questions, storing nothing', async () => {
    const staff = await tenantWithMember(server, 'admin');
    const tenant = { id: staff.tenant.id, slug: staff.slug };
    const member = await communityMember(server, tenant);
    const id = await openSurvey(staff.client, tenant.slug, exitSurvey());
    const url = `/api/v1/t/${tenant.slug}/community/surveys/${id}/response`;
    const bad = await member.client.post<Problem>(url, {
      answers: { q1: 'maybe', q2: ['people', 'people'], q4: 6, q5: 10.5, q7: '2023-02-30', q9: 'x' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors?.map((e) => [e.path, e.code])).toEqual([
      ['answers.q1', 'field_invalid_option'],
      ['answers.q2', 'field_invalid_option'],
      ['answers.q4', 'survey_answer_scale'],
      ['answers.q5', 'survey_answer_nps'],
      ['answers.q7', 'field_invalid_date'],
      ['answers.q9', 'field_unknown'],
    ]);
    // q3 shows only after "no": answering it after "yes" is refused, not silently dropped.
    const hidden = await member.client.post<Problem>(url, { answers: { q1: 'yes', q3: '理由', q5: 5 } });
    expect(hidden.body.errors?.map((e) => [e.path, e.code])).toEqual([
      ['answers.q3', 'survey_answer_hidden'],
    ]);
    // After "no" it is shown, and required.
    const needed = await member.client.post<Problem>(url, { answers: { q1: 'no', q5: 5 } });
    expect(needed.body.errors?.map((e) => [e.path, e.code])).toEqual([
      ['answers.q3', 'survey_answer_required'],
    ]);
    // In English, the messages are English.
    const english = await member.client.post<Problem>(`${url}?lang=en`, { answers: { q1: 'no', q5: 5 } });
    expect(english.contentType).toContain('application/problem+json');
    expect(english.body.errors?.[0]?.message).toBe('Please answer this question.');
    const none = await inTenant(server.deps.database.db, tenant.id, (tx) =>
      tx.select().from(surveyResponses).where(eq(surveyResponses.surveyId, id)),
    );
    expect(none).toEqual([]);
    const ok = await member.client.post<MemberSurvey>(`${url}?lang=en`, {
      answers: { q1: 'no', q3: '評価制度', q5: 5 },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.title).toBe('3-month survey');
  });

  it('refuses inconsistent questions when building, and answers after closing', async () => {
    const staff = await tenantWithMember(server, 'admin');
    const tenant = { id: staff.tenant.id, slug: staff.slug };
    const base = `/api/v1/t/${tenant.slug}/surveys`;
    const survey = exitSurvey();
    const broken = {
      ...survey,
      closesAt: '2020-01-01T00:00:00+09:00',
      questions: [
        { id: 'a', type: 'single', text: wording('一つだけ'), options: [{ id: 'x', label: wording('X') }] },
        { id: 'b', type: 'scale', text: wording('尺度'), options: [{ id: 'y', label: wording('Y') }] },
        { id: 'c', type: 'short_text', text: wording('条件'), showIf: { questionId: 'd', optionIds: ['x'] } },
        { id: 'a', type: 'date', text: wording('重複') },
      ],
    };
    const refused = await staff.client.post<Problem>(`${base}?lang=en`, broken);
    expect(refused.status).toBe(422);
    expect(refused.body.errors?.map((e) => [e.path, e.code])).toEqual([
      ['questions.0.options', 'survey_options_needed'],
      ['questions.1.options', 'survey_options_unexpected'],
      ['questions.2.showIf', 'survey_condition_invalid'],
      ['questions.3.id', 'survey_duplicate_key'],
      ['closesAt', 'survey_closes_in_past'],
    ]);
    expect(refused.body.errors?.[4]?.message).toBe('The closing time must be in the future.');
    expect((await staff.client.get<{ surveys: unknown[] }>(base)).body.surveys).toEqual([]);
    const empty = await staff.client.post<StaffSurvey>(base, { ...survey, questions: [] });
    const noQuestions = await staff.client.post<Problem>(`${base}/${empty.body.id}/status`, {
      status: 'open',
    });
    expect(noQuestions.body.code).toBe('survey_no_questions');

    const member = await communityMember(server, tenant);
    const id = await openSurvey(staff.client, tenant.slug, survey);
    expect((await staff.client.post(`${base}/${id}/status`, { status: 'closed' })).status).toBe(200);
    const late = await member.client.post<Problem>(
      `/api/v1/t/${tenant.slug}/community/surveys/${id}/response`,
      {
        answers: { q1: 'yes', q5: 3 },
      },
    );
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('survey_closed');
    expect(
      (await member.client.get<{ surveys: unknown[] }>(`/api/v1/t/${tenant.slug}/community/surveys`)).body
        .surveys,
    ).toEqual([]);
    // Closed is final.
    expect((await staff.client.post(`${base}/${id}/status`, { status: 'open' })).status).toBe(409);
  });

  it('an anonymous survey stores no link to the member, only a participation hash, and still refuses a second answer', async () => {
    const staff = await tenantWithMember(server, 'admin');
    const tenant = { id: staff.tenant.id, slug: staff.slug };
    const member = await communityMember(server, tenant);
    const id = await openSurvey(staff.client, tenant.slug, exitSurvey('anonymous'));
    const url = `/api/v1/t/${tenant.slug}/community/surveys/${id}`;
    const draft = await member.client.put<Problem>(`${url}/draft`, { answers: { q1: 'yes' } });
    expect(draft.status).toBe(409);
    expect(draft.body.code).toBe('survey_anonymous_draft');
    const answers = { answers: { q1: 'yes', q5: 10 } };
    // Two sends at once: the participation key lets exactly one through.
    const both = await Promise.all([
      member.client.post(`${url}/response`, answers),
      member.client.post(`${url}/response`, answers),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await member.client.get<MemberSurvey>(url)).body.state).toBe('submitted');
    const { responses, participations } = await inTenant(server.deps.database.db, tenant.id, async (tx) => ({
      responses: await tx.select().from(surveyResponses).where(eq(surveyResponses.surveyId, id)),
      participations: await tx
        .select()
        .from(surveyParticipations)
        .where(eq(surveyParticipations.surveyId, id)),
    }));
    expect(responses).toHaveLength(1);
    expect(responses[0]?.membershipId).toBeNull();
    expect(responses[0]?.updatedAt).toBeNull();
    expect(JSON.stringify(responses[0])).not.toContain(member.id);
    expect(participations).toHaveLength(1);
    expect(Object.keys(participations[0]!).sort()).toEqual(['surveyId', 'tenantId', 'tokenHash']);
    expect(Buffer.from(participations[0]!.tokenHash).toString('hex')).not.toContain(
      member.id.replaceAll('-', ''),
    );
    // Staff see the answer, never who gave it.
    const results = await staff.client.get<{ responses: number }>(
      `/api/v1/t/${tenant.slug}/surveys/${id}/results`,
    );
    expect(results.body.responses).toBe(1);
    expect(JSON.stringify(results.body)).not.toContain(member.id);
    expect(JSON.stringify(results.body)).not.toContain('会員 花子');
  });

  it('shows a survey only to its audience, and keeps staff routes to staff of the same network', async () => {
    const staff = await tenantWithMember(server, 'admin');
    const tenant = { id: staff.tenant.id, slug: staff.slug };
    const alumnus = await communityMember(server, tenant);
    const employee = await communityMember(server, tenant, { role: 'employee' });
    const moderator = await communityMember(server, tenant, { role: 'moderator' });
    const forEmployees = await openSurvey(staff.client, tenant.slug, {
      ...exitSurvey(),
      audience: { members: false, includeEmployees: true },
    });
    const mine = `/api/v1/t/${tenant.slug}/community/surveys`;
    expect((await alumnus.client.get<{ surveys: unknown[] }>(mine)).body.surveys).toEqual([]);
    expect((await alumnus.client.get(`${mine}/${forEmployees}`)).status).toBe(404);
    expect(
      (await alumnus.client.post(`${mine}/${forEmployees}/response`, { answers: { q1: 'yes', q5: 1 } }))
        .status,
    ).toBe(404);
    expect(
      (await employee.client.get<{ surveys: MemberSurvey[] }>(mine)).body.surveys.map((s) => s.id),
    ).toEqual([forEmployees]);

    // Role: members and moderators may not build or read results.
    const base = `/api/v1/t/${tenant.slug}/surveys`;
    for (const client of [alumnus.client, employee.client, moderator.client]) {
      expect((await client.get(base)).status).toBe(403);
      expect((await client.post(base, exitSurvey())).status).toBe(403);
      expect((await client.get(`${base}/${forEmployees}/results`)).status).toBe(403);
      expect((await client.get(`${base}/${forEmployees}/export`)).status).toBe(403);
      expect((await client.post(`${base}/${forEmployees}/status`, { status: 'closed' })).status).toBe(403);
    }

    // Cross-tenant: another network's staff and members see nothing, by id or through their own slug.
    const other = await tenantWithMember(server, 'owner');
    const outsider = await communityMember(
      server,
      { id: other.tenant.id, slug: other.slug },
      { role: 'employee' },
    );
    expect((await other.client.get(`${base}`)).status).toBe(404);
    expect((await other.client.get(`${base}/${forEmployees}`)).status).toBe(404);
    const theirs = `/api/v1/t/${other.slug}/surveys/${forEmployees}`;
    expect((await other.client.get(theirs)).status).toBe(404);
    expect((await other.client.get(`${theirs}/results`)).status).toBe(404);
    expect((await other.client.get(`${theirs}/export`)).status).toBe(404);
    expect((await other.client.put(theirs, exitSurvey())).status).toBe(404);
    expect((await other.client.post(`${theirs}/status`, { status: 'closed' })).status).toBe(404);
    const theirMine = `/api/v1/t/${other.slug}/community/surveys/${forEmployees}`;
    expect((await outsider.client.get(theirMine)).status).toBe(404);
    expect(
      (await outsider.client.post(`${theirMine}/response`, { answers: { q1: 'yes', q5: 1 } })).status,
    ).toBe(404);
    expect((await outsider.client.put(`${theirMine}/draft`, { answers: { q1: 'yes' } })).status).toBe(404);
    const stored = await inTenant(server.deps.database.db, tenant.id, (tx) =>
      tx
        .select()
        .from(surveyResponses)
        .where(and(eq(surveyResponses.surveyId, forEmployees))),
    );
    expect(stored).toEqual([]);
  });
});
