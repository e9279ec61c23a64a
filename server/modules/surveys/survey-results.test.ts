import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../test/client.js';
import { communityMember, linkedRecord } from '../../test/community-factories.js';
import { tenantWithMember } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { exitSurvey } from './test-surveys.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Summary = {
  questionId: string;
  kind: string;
  answered: number;
  counts?: Record<string, number>;
  distribution?: number[];
  average?: number | null;
  score?: number | null;
  promoters?: number;
  detractors?: number;
  answers?: { text: string; respondent: string | null }[];
};
type Group = { label: string | null; responses: number; questions: Summary[] };
type Results = {
  responses: number;
  perDay: { day: string; responses: number }[];
  questions: Summary[];
  breakdown: { by: string; groups: Group[]; other: Group | null } | null;
};

async function openSurvey(staff: TestClient, slug: string, body: unknown) {
  const created = await staff.post<{ id: string }>(`/api/v1/t/${slug}/surveys`, body);
  await staff.post(`/api/v1/t/${slug}/surveys/${created.body.id}/status`, { status: 'open' });
  return created.body.id;
}

/** Members with linked records in the given departments answer with the given answers, in order. */
async function answerFrom(
  tenant: { id: string; slug: string },
  surveyId: string,
  people: { department: string; answers: Record<string, unknown>; name?: string }[],
) {
  for (const [index, person] of people.entries()) {
    const member = await communityMember(server, tenant, {
      displayName: person.name ?? `回答者 ${index + 1}`,
    });
    await linkedRecord(server, tenant, member.id, {
      familyName: `回答${index}`,
      lastDepartment: person.department,
      leftOn: '2024-03-31',
    });
    const sent = await member.client.post(`/api/v1/t/${tenant.slug}/community/surveys/${surveyId}/response`, {
      answers: person.answers,
    });
    expect(sent.status).toBe(201);
  }
}

describe('survey results', () => {
  it('counts choices, shows scale and NPS distributions with the NPS score, lists and searches texts, names respondents of a named survey', async () => {
    const staff = await tenantWithMember(server, 'admin');
    const tenant = { id: staff.tenant.id, slug: staff.slug };
    const id = await openSurvey(staff.client, tenant.slug, exitSurvey('named'));
    await answerFrom(tenant, id, [
      {
        department: '営業部',
        name: '佐藤 一郎',
        answers: { q1: 'yes', q2: ['people'], q4: 5, q5: 10, q6: '人が良かった' },
      },
      {
        department: '営業部',
        name: '鈴木 二郎',
        answers: { q1: 'yes', q2: ['people', 'pay'], q4: 4, q5: 9 },
      },
      {
        department: '開発部',
        name: '高橋 三郎',
        answers: { q1: 'no', q3: '評価制度が不透明', q4: 2, q5: 3, q6: '=HYPERLINK("x")' },
      },
      { department: '開発部', name: '田中 四郎', answers: { q1: 'yes', q5: 7 } },
    ]);
    const base = `/api/v1/t/${tenant.slug}/surveys/${id}`;
    const results = await staff.client.get<Results>(`${base}/results`);
    expect(results.status).toBe(200);
    expect(results.body.responses).toBe(4);
    expect(results.body.perDay.reduce((sum, day) => sum + day.responses, 0)).toBe(4);
    const byId = new Map(results.body.questions.map((q) => [q.questionId, q]));
    expect(byId.get('q1')).toMatchObject({ kind: 'choices', answered: 4, counts: { yes: 3, no: 1 } });
    expect(byId.get('q2')).toMatchObject({
      kind: 'choices',
      answered: 2,
      counts: { people: 2, work: 0, pay: 1 },
    });
    expect(byId.get('q4')).toMatchObject({
      kind: 'scale',
      answered: 3,
      distribution: [0, 1, 0, 1, 1],
      average: 3.67,
    });
    // Two promoters (9, 10), one passive (7), one detractor (3): 50 % − 25 % = 25.
    expect(byId.get('q5')).toMatchObject({
      kind: 'nps',
      answered: 4,
      promoters: 2,
      detractors: 1,
      score: 25,
    });
    expect(byId.get('q5')?.distribution).toEqual([0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1]);
    expect(byId.get('q3')?.answers).toEqual([{ text: '評価制度が不透明', respondent: '高橋 三郎' }]);
    expect(
      byId
        .get('q6')
        ?.answers?.map((a) => a.text)
        .sort(),
    ).toEqual(['=HYPERLINK("x")', '人が良かった'].sort());

    const searched = await staff.client.get<Results>(`${base}/results?q=${encodeURIComponent('評価')}`);
    const texts = new Map(searched.body.questions.map((q) => [q.questionId, q.answers]));
    expect(texts.get('q3')).toHaveLength(1);
    expect(texts.get('q6')).toEqual([]);

    // A named survey breaks down by department whatever the group size.
    const named = await staff.client.get<Results>(`${base}/results?by=department`);
    expect(named.body.breakdown?.groups.map((g) => [g.label, g.responses])).toEqual([
      ['営業部', 2],
      ['開発部', 2],
    ]);

    // CSV: UTF-8 with BOM, formula-safe, named respondents, choices as their wording.
    const csv = await fetch(`${server.baseUrl}${base}/export`, {
      headers: {
        cookie: [...staff.client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'accept-language': 'ja',
      },
    });
    expect(csv.status).toBe(200);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe(
      '回答日,回答者,また一緒に働きたいと思いますか,よかった点,その理由を教えてください,満足度,友人にすすめたいですか,ひとこと,入社日',
    );
    expect(text).toContain('鈴木 二郎,はい,人、待遇,,4,9,,');
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv.headers.get('x-enishi-formula-cells')).toBe('1');
    const sjis = await fetch(`${server.baseUrl}${base}/export?encoding=cp932`, {
      headers: {
        cookie: [...staff.client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'accept-language': 'ja',
      },
    });
    expect(iconv.decode(Buffer.from(await sjis.arrayBuffer()), 'cp932')).toContain('高橋 三郎,いいえ');
  });

  it('an anonymous survey never shows a group of fewer than 5 people, nor one that the others give away', async () => {
    const staff = await tenantWithMember(server, 'owner');
    const tenant = { id: staff.tenant.id, slug: staff.slug };
    const id = await openSurvey(staff.client, tenant.slug, exitSurvey('anonymous'));
    const yes = { q1: 'yes', q5: 9 };
    const no = { q1: 'no', q3: '理由', q5: 2 };
    await answerFrom(tenant, id, [
      ...Array.from({ length: 6 }, () => ({ department: '営業部', answers: yes })),
      ...Array.from({ length: 5 }, () => ({ department: '開発部', answers: yes })),
      { department: '法務部', answers: no },
      { department: '法務部', answers: no },
    ]);
    const base = `/api/v1/t/${tenant.slug}/surveys/${id}`;
    const results = await staff.client.get<Results>(`${base}/results?by=department`);
    expect(results.body.responses).toBe(13);
    // 法務部 (2) is too small; folded alone it would still be 2, so 開発部 (5) joins it: 7 together.
    expect(results.body.breakdown?.groups.map((g) => [g.label, g.responses])).toEqual([['営業部', 6]]);
    expect(results.body.breakdown?.other?.responses).toBe(7);
    expect(results.body.breakdown?.other?.label).toBeNull();
    for (const group of [...(results.body.breakdown?.groups ?? []), results.body.breakdown?.other]) {
      expect(group!.responses).toBeGreaterThanOrEqual(5);
      // Texts are never broken down.
      expect(group!.questions.map((q) => q.kind)).not.toContain('texts');
    }
    expect(JSON.stringify(results.body)).not.toContain('法務部');
    expect(JSON.stringify(results.body)).not.toContain('開発部');
    // The file has no respondent column.
    const csv = await fetch(`${server.baseUrl}${base}/export`, {
      headers: {
        cookie: [...staff.client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'accept-language': 'ja',
      },
    });
    const header = Buffer.from(await csv.arrayBuffer())
      .subarray(3)
      .toString('utf8')
      .split('\r\n')[0];
    expect(header?.startsWith('回答日,また一緒に')).toBe(true);
    const audit = await staff.client.get<{ events: { action: string; data: Record<string, unknown> }[] }>(
      `/api/v1/t/${tenant.slug}/audit-events?action=survey.exported`,
    );
    expect(audit.body.events[0]).toMatchObject({
      action: 'survey.exported',
      data: { rows: 13, encoding: 'utf8' },
    });
  });

  it('keeps the leaving-year breakdown of an anonymous survey whole when no group is too small', async () => {
    const staff = await tenantWithMember(server, 'admin');
    const tenant = { id: staff.tenant.id, slug: staff.slug };
    const id = await openSurvey(staff.client, tenant.slug, exitSurvey('anonymous'));
    await answerFrom(
      tenant,
      id,
      Array.from({ length: 5 }, () => ({ department: '営業部', answers: { q1: 'yes', q5: 10 } })),
    );
    const results = await staff.client.get<Results>(
      `/api/v1/t/${tenant.slug}/surveys/${id}/results?by=leftYear`,
    );
    expect(results.body.breakdown?.groups.map((g) => [g.label, g.responses])).toEqual([['2024', 5]]);
    expect(results.body.breakdown?.other).toBeNull();
    expect(results.body.breakdown?.groups[0]?.questions.find((q) => q.questionId === 'q5')?.score).toBe(100);
  });
});
