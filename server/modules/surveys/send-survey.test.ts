import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailsTo, tenantWithMember } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { audienceMember, audienceRecord } from '../programmes/audience/audience-factories.js';
import { exitSurvey } from './test-surveys.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type Problem = { code: string };

describe('asking a survey audience to answer', () => {
  it('reaches members in the app and by mail with consent, records by their own link, each person once', async () => {
    const staff = await tenantWithMember(server, 'admin');
    const base = `/api/v1/t/${staff.slug}/surveys`;
    const created = await staff.client.post<{ id: string }>(base, {
      ...exitSurvey('anonymous'),
      audience: { members: true, records: true },
    });
    const id = created.body.id;
    // A draft cannot be sent.
    expect((await staff.client.post<Problem>(`${base}/${id}/send`, {})).status).toBe(409);
    await staff.client.post(`${base}/${id}/status`, { status: 'open' });
    const consenting = await audienceMember(server, staff.tenant.id, {
      displayName: '同意 あり',
      consents: ['company_contact'],
    });
    const silent = await audienceMember(server, staff.tenant.id, { displayName: '同意 なし' });
    const record = await audienceRecord(server, staff.tenant.id, {
      familyName: '未参加',
      contactConsent: 'granted',
    });
    const refused = await audienceRecord(server, staff.tenant.id, {
      familyName: '拒否',
      contactConsent: 'withdrawn',
    });

    const sent = await staff.client.post<{ inApp: number; email: number }>(`${base}/${id}/send`, {});
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({ inApp: 2, email: 2 });
    expect((await mailsTo(server, consenting.email))[0]?.textBody).toContain(
      `/t/${staff.slug}/surveys/${id}`,
    );
    expect(await mailsTo(server, silent.email)).toHaveLength(0);
    const recordMail = (await mailsTo(server, record.email!))[0]!;
    expect(recordMail.textBody).toMatch(new RegExp(`/s/${staff.slug}#token=[0-9a-f]{64}`));
    expect(recordMail.textBody).toContain('このアンケートは匿名です');
    expect(await mailsTo(server, refused.email!)).toHaveLength(0);
    // Again: nobody is asked twice.
    const again = await staff.client.post<{ inApp: number; email: number }>(`${base}/${id}/send`, {});
    expect(again.body).toEqual({ inApp: 0, email: 0 });
    expect(await mailsTo(server, record.email!)).toHaveLength(1);

    // Members may not send; another network's staff do not find it; a closed survey is refused.
    const member = await tenantWithMember(server, 'alumnus');
    expect((await member.client.post(`/api/v1/t/${member.slug}/surveys/${id}/send`, {})).status).toBe(403);
    const other = await tenantWithMember(server, 'admin');
    expect((await other.client.post(`/api/v1/t/${other.slug}/surveys/${id}/send`, {})).status).toBe(404);
    expect((await other.client.post(`${base}/${id}/send`, {})).status).toBe(404);
    await staff.client.post(`${base}/${id}/status`, { status: 'closed' });
    const closed = await staff.client.post<Problem>(`${base}/${id}/send`, {});
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('survey_closed');
  });
});
