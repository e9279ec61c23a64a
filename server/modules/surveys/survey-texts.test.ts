import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../../db/scope.js';
import type { TestClient } from '../../test/client.js';
import { addTestMember, signIn, tenantWithMember } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { exitSurvey } from './test-surveys.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Answer = { text: string; respondent: string | null };
type TextSummary = { questionId: string; kind: string; answers?: Answer[]; nextCursor?: string | null };
type Problem = { status: number; code: string; title: string };

/** An open survey of the given anonymity with `count` submitted answers to q6 (ひとこと), one a day. */
async function surveyWithTexts(anonymity: 'named' | 'anonymous', count: number) {
  const staff = await tenantWithMember(server, 'admin');
  const created = await staff.client.post<{ id: string }>(
    `/api/v1/t/${staff.slug}/surveys`,
    exitSurvey(anonymity),
  );
  await staff.client.post(`/api/v1/t/${staff.slug}/surveys/${created.body.id}/status`, { status: 'open' });
  await inTenant(server.deps.database.db, staff.tenant.id, (tx) =>
    tx.execute(sql`insert into survey_responses (tenant_id, survey_id, status, answers, submitted_on)
      select ${staff.tenant.id}, ${created.body.id}::uuid, 'submitted',
        jsonb_build_object('q1', 'yes', 'q5', 8, 'q6', case when i % 2 = 0 then '給与について ' else '文化について ' end || i),
        date '2026-01-01' + i
      from generate_series(1, ${count}) i`),
  );
  return { staff, base: `/api/v1/t/${staff.slug}/surveys/${created.body.id}` };
}

async function allPages(client: TestClient, url: string, first: string | null | undefined) {
  const seen: Answer[] = [];
  let cursor = first ?? null;
  while (cursor) {
    const page: { status: number; body: { answers: Answer[]; nextCursor: string | null } } = await client.get(
      `${url}&cursor=${cursor}&limit=7`,
    );
    expect(page.status).toBe(200);
    expect(page.body.answers.length).toBeLessThanOrEqual(7);
    seen.push(...page.body.answers);
    cursor = page.body.nextCursor;
  }
  return seen;
}

describe('written answers in the results', () => {
  it('lists the newest 20 with the results, then the rest a page at a time, for the same search', async () => {
    const { staff, base } = await surveyWithTexts('named', 33);
    const results = await staff.client.get<{ questions: TextSummary[] }>(`${base}/results`);
    expect(results.status).toBe(200);
    const q6 = results.body.questions.find((question) => question.questionId === 'q6')!;
    expect(q6.answers?.map((answer) => answer.text).slice(0, 2)).toEqual([
      '文化について 33',
      '給与について 32',
    ]);
    expect(q6.answers).toHaveLength(20);
    const rest = await allPages(staff.client, `${base}/results/texts?question=q6`, q6.nextCursor);
    const everything = [...(q6.answers ?? []), ...rest].map((answer) => answer.text);
    expect(everything).toEqual(
      Array.from({ length: 33 }, (_, i) => `${(33 - i) % 2 === 0 ? '給与' : '文化'}について ${33 - i}`),
    );
    // A question nobody can page further has no cursor.
    expect(results.body.questions.find((question) => question.questionId === 'q3')?.nextCursor).toBeNull();

    const q = encodeURIComponent('給与');
    const searched = await staff.client.get<{ questions: TextSummary[] }>(`${base}/results?q=${q}&texts=5`);
    const found = searched.body.questions.find((question) => question.questionId === 'q6')!;
    expect(found.answers).toHaveLength(5);
    const more = await allPages(staff.client, `${base}/results/texts?question=q6&q=${q}`, found.nextCursor);
    expect([...(found.answers ?? []), ...more]).toHaveLength(16);
    expect(more.every((answer) => answer.text.startsWith('給与'))).toBe(true);
  });

  it('names nobody in an anonymous survey, and refuses bad questions, cursors and sizes', async () => {
    const { staff, base } = await surveyWithTexts('anonymous', 22);
    const results = await staff.client.get<{ questions: TextSummary[] }>(`${base}/results`);
    const q6 = results.body.questions.find((question) => question.questionId === 'q6')!;
    const rest = await allPages(staff.client, `${base}/results/texts?question=q6`, q6.nextCursor);
    expect(rest).toHaveLength(2);
    expect(rest.every((answer) => answer.respondent === null)).toBe(true);
    for (const [query, status] of [
      ['question=q1', 404],
      ['question=nope', 404],
      ['question=q6&cursor=%00', 422],
      [`question=q6&cursor=${Buffer.from('[-3]').toString('base64url')}`, 422],
      [`question=q6&cursor=${Buffer.from('["x"]').toString('base64url')}`, 422],
      ['question=q6&limit=0', 422],
      ['question=q6&limit=101', 422],
      ['', 422],
    ] as const) {
      const refused = await staff.client.get<Problem>(`${base}/results/texts?${query}`);
      expect(refused.status, query).toBe(status);
      expect(refused.body.title).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    }
    expect((await staff.client.get(`${base}/results?texts=501`)).status).toBe(422);
  });

  it('is for the network’s staff only', async () => {
    const { staff, base } = await surveyWithTexts('named', 3);
    const alumnus = await addTestMember(server, staff.tenant.id, 'alumnus');
    const member = await signIn(server, alumnus.email);
    expect((await member.get(`${base}/results/texts?question=q6`)).status).toBe(403);
    const stranger = await tenantWithMember(server, 'admin');
    const across = `${base.replace(staff.slug, stranger.slug)}/results/texts?question=q6`;
    expect((await stranger.client.get(across)).status).toBe(404);
    expect(
      (
        await stranger.client.get(
          `/api/v1/t/${staff.slug}${base.split(staff.slug)[1]}/results/texts?question=q6`,
        )
      ).status,
    ).toBe(404);
  });
});
