import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../test/client.js';
import { communityMember, linkedRecord } from '../../test/community-factories.js';
import { tenantWithMember } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { exitSurvey } from './test-surveys.js';

// A server of its own: sign-ins are limited per address, and these tests sign in many respondents.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Group = {
  label: string | null;
  responses: number;
  questions: { questionId: string; counts?: Record<string, number> }[];
};
type Results = { responses: number; breakdown: { by: string; groups: Group[]; other: Group | null } | null };
type Person = { department: string; answers: Record<string, unknown> };

async function openSurvey(staff: TestClient, slug: string, body: unknown) {
  const created = await staff.post<{ id: string }>(`/api/v1/t/${slug}/surveys`, body);
  await staff.post(`/api/v1/t/${slug}/surveys/${created.body.id}/status`, { status: 'open' });
  return created.body.id;
}

/** Members with linked records in the given departments, each with the answers they will give. */
async function respondents(tenant: { id: string; slug: string }, people: Person[]) {
  const members = [];
  for (const [index, person] of people.entries()) {
    const member = await communityMember(server, tenant, { displayName: `回答者 ${index + 1}` });
    await linkedRecord(server, tenant, member.id, {
      familyName: `回答${index}`,
      lastDepartment: person.department,
      leftOn: '2024-03-31',
    });
    members.push({ client: member.client, answers: person.answers });
  }
  return members;
}

async function answer(
  tenant: { slug: string },
  surveyId: string,
  members: { client: TestClient; answers: Record<string, unknown> }[],
) {
  for (const member of members) {
    const sent = await member.client.post(`/api/v1/t/${tenant.slug}/community/surveys/${surveyId}/response`, {
      answers: member.answers,
    });
    expect(sent.status).toBe(201);
  }
}

describe('survey results by segment', () => {
  it('breaks down by the segments respondents were in when answering, counting overlaps in each and hiding small or give-away segments of an anonymous survey', async () => {
    const staff = await tenantWithMember(server, 'owner');
    const tenant = { id: staff.tenant.id, slug: staff.slug };
    const segment = async (name: string, department: string) => {
      const made = await staff.client.post<{ id: string }>(`/api/v1/t/${tenant.slug}/registry/segments`, {
        name,
        filter: { department },
      });
      expect(made.status).toBe(201);
      return made.body.id;
    };
    await segment('営業系', '営業');
    await segment('第一営業', '第一営業');
    await segment('法務', '法務');
    const named = await openSurvey(staff.client, tenant.slug, exitSurvey('named'));
    const anonymous = await openSurvey(staff.client, tenant.slug, exitSurvey('anonymous'));
    const people = [
      ...Array.from({ length: 6 }, () => ({ department: '第一営業部', answers: { q1: 'yes', q5: 9 } })),
      ...Array.from({ length: 3 }, () => ({
        department: '第二営業部',
        answers: { q1: 'no', q3: '理由', q5: 3 },
      })),
      ...Array.from({ length: 6 }, () => ({ department: '開発部', answers: { q1: 'yes', q5: 10 } })),
      { department: '法務部', answers: { q1: 'no', q3: '理由', q5: 0 } },
    ];
    const members = await respondents(tenant, people);
    await answer(tenant, named, members);
    // A segment made after the answers does not reach back: groups are the segments at answer time.
    await segment('開発', '開発');
    await answer(tenant, anonymous, members);

    const namedResults = await staff.client.get<Results>(
      `/api/v1/t/${tenant.slug}/surveys/${named}/results?by=segment`,
    );
    expect(namedResults.status).toBe(200);
    expect(namedResults.body.breakdown?.by).toBe('segment');
    // The 6 of 第一営業部 count in both 営業系 and 第一営業; a named survey shows every segment.
    expect(namedResults.body.breakdown?.groups.map((g) => [g.label, g.responses])).toEqual([
      ['営業系', 9],
      ['第一営業', 6],
      ['法務', 1],
    ]);
    expect(namedResults.body.breakdown?.other).toBeNull();
    const sales = namedResults.body.breakdown?.groups[0]?.questions.find((q) => q.questionId === 'q1');
    expect(sales?.counts).toMatchObject({ yes: 6, no: 3 });

    const anonymousResults = await staff.client.get<Results>(
      `/api/v1/t/${tenant.slug}/surveys/${anonymous}/results?by=segment`,
    );
    // 16 answered: 法務 (1) is too small; 営業系 (9, 7 others) and 第一営業 (6, 10 others) and 開発 (6) are shown.
    expect(anonymousResults.body.breakdown?.groups.map((g) => [g.label, g.responses])).toEqual([
      ['営業系', 9],
      ['開発', 6],
      ['第一営業', 6],
    ]);
    expect(JSON.stringify(anonymousResults.body)).not.toContain('法務');

    const bad = await staff.client.get(`/api/v1/t/${tenant.slug}/surveys/${named}/results?by=team`);
    expect(bad.status).toBe(422);
  });

  it('hides a segment of an anonymous survey whose complement is smaller than 5', async () => {
    const staff = await tenantWithMember(server, 'admin');
    const tenant = { id: staff.tenant.id, slug: staff.slug };
    await staff.client.post(`/api/v1/t/${tenant.slug}/registry/segments`, {
      name: '営業',
      filter: { department: '営業' },
    });
    const id = await openSurvey(staff.client, tenant.slug, exitSurvey('anonymous'));
    await answer(
      tenant,
      id,
      await respondents(tenant, [
        ...Array.from({ length: 6 }, () => ({ department: '営業部', answers: { q1: 'yes', q5: 9 } })),
        { department: '開発部', answers: { q1: 'no', q3: '理由', q5: 1 } },
      ]),
    );
    const results = await staff.client.get<Results>(
      `/api/v1/t/${tenant.slug}/surveys/${id}/results?by=segment`,
    );
    // 営業 holds 6 of 7: the one left outside would be given away by subtracting it from the totals.
    expect(results.body.responses).toBe(7);
    expect(results.body.breakdown?.groups).toEqual([]);
  });
});
