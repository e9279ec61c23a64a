import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alumniRecords, surveyAnswerCounts } from '../../db/schema/index.js';
import { inTenant } from '../../db/scope.js';
import { TestClient } from '../../test/client.js';
import { mailsTo, signIn, tenantWithMember } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { audienceMember, audienceRecord } from '../programmes/audience/audience-factories.js';
import { rebuildAnswerCounts } from './answer-counts.js';
import { exitSurvey } from './test-surveys.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Results = {
  responses: number;
  perDay: { day: string; invited: number; responses: number }[];
  questions: {
    questionId: string;
    answered: number;
    counts?: Record<string, number>;
    distribution?: number[];
  }[];
};

const countsOf = (tenantId: string, surveyId: string) =>
  inTenant(server.deps.database.db, tenantId, (tx) =>
    tx
      .select()
      .from(surveyAnswerCounts)
      .where(eq(surveyAnswerCounts.surveyId, surveyId))
      .orderBy(surveyAnswerCounts.questionId, surveyAnswerCounts.value, surveyAnswerCounts.department),
  );

describe('running answer counts', () => {
  it('follow every answer in and out (the app, a link, an erased record), equal a recount, and give invited vs answered per day', async () => {
    const staff = await tenantWithMember(server, 'admin');
    const base = `/api/v1/t/${staff.slug}/surveys`;
    const id = (
      await staff.client.post<{ id: string }>(base, {
        ...exitSurvey('named'),
        audience: { members: true, records: true },
      })
    ).body.id;
    await staff.client.post(`${base}/${id}/status`, { status: 'open' });
    const member = await audienceMember(server, staff.tenant.id, {
      displayName: '回答 メンバー',
      consents: ['company_contact'],
      record: { lastDepartment: '営業部', leftOn: '2023-03-31' },
    });
    const client = await signIn(server, member.email);
    const record = await audienceRecord(server, staff.tenant.id, {
      familyName: '未参加',
      contactConsent: 'granted',
      lastDepartment: '開発部',
      leftOn: '2024-06-30',
    });
    await audienceRecord(server, staff.tenant.id, { familyName: '未回答', contactConsent: 'granted' });
    await staff.client.post(`${base}/${id}/send`, {});
    // A draft is not counted; its submission is.
    const url = `/api/v1/t/${staff.slug}/community/surveys/${id}`;
    expect((await client.put(`${url}/draft`, { answers: { q1: 'no' } })).status).toBe(200);
    expect((await staff.client.get<Results>(`${base}/${id}/results`)).body.responses).toBe(0);
    expect(
      (await client.post(`${url}/response`, { answers: { q1: 'yes', q2: ['people', 'pay'], q5: 9 } })).status,
    ).toBe(201);
    const token = /#token=([0-9a-f]{64})/.exec((await mailsTo(server, record.email!))[0]!.textBody)![1];
    const linked = await new TestClient(server).post(`/api/v1/survey-links/${staff.slug}/${token}/response`, {
      answers: { q1: 'no', q3: '理由です', q4: 2, q5: 3 },
    });
    expect(linked.status).toBe(201);

    const results = (await staff.client.get<Results>(`${base}/${id}/results`)).body;
    expect(results.responses).toBe(2);
    const q = (questionId: string) => results.questions.find((s) => s.questionId === questionId)!;
    expect(q('q1')).toMatchObject({ answered: 2, counts: { yes: 1, no: 1 } });
    expect(q('q2')).toMatchObject({ answered: 1, counts: { people: 1, work: 0, pay: 1 } });
    expect(q('q3').answered).toBe(1);
    expect(q('q5').distribution?.[9]).toBe(1);
    // Everyone was asked today; two answered today.
    expect(results.perDay).toHaveLength(1);
    expect(results.perDay[0]).toMatchObject({ invited: 3, responses: 2 });

    // The counts kept by the trigger equal a recount from the responses.
    const kept = await countsOf(staff.tenant.id, id);
    await inTenant(server.deps.database.db, staff.tenant.id, (tx) =>
      rebuildAnswerCounts(tx, staff.tenant.id),
    );
    expect(await countsOf(staff.tenant.id, id)).toEqual(kept);

    // Erasing the record erases its named answer, and the results forget it.
    await inTenant(server.deps.database.db, staff.tenant.id, (tx) =>
      tx.delete(alumniRecords).where(eq(alumniRecords.id, record.id)),
    );
    const after = (await staff.client.get<Results>(`${base}/${id}/results`)).body;
    expect(after.responses).toBe(1);
    expect(after.questions.find((s) => s.questionId === 'q1')).toMatchObject({ counts: { yes: 1, no: 0 } });
    expect(after.questions.find((s) => s.questionId === 'q4')?.answered).toBe(0);
  });
});
