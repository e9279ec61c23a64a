import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestMember, createTestTenant, signIn } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

type AuditPage = {
  events: { action: string; targetType: string; targetId: string | null; targetName: string | null }[];
};

describe('the audit log names what each event is about', () => {
  it('shows the record, segment and member by name, and a change to several records without one', async () => {
    const { tenant, slug, ownerEmail } = await createTestTenant(server);
    const owner = await signIn(server, ownerEmail);
    const base = `/api/v1/t/${slug}`;
    const record = await owner.post<{ id: string }>(`${base}/registry/records`, {
      familyName: '鈴木',
      givenName: '一郎',
      leftOn: '2021-09-30',
    });
    expect(record.status).toBe(201);
    expect((await owner.get(`${base}/registry/records/${record.body.id}`)).status).toBe(200);
    const segment = await owner.post(`${base}/registry/segments`, { name: '再入社希望', filter: {} });
    expect(segment.status).toBe(201);
    const bulk = await owner.post(`${base}/registry/records/bulk`, {
      ids: [record.body.id],
      action: 'tag',
      tag: '要連絡',
    });
    expect(bulk.status, JSON.stringify(bulk.body)).toBe(200);
    const { membership: member } = await addTestMember(server, tenant.id, 'alumnus', {
      displayName: '佐藤 花子',
    });
    const suspended = await owner.patch(`${base}/members/${member.id}`, { status: 'suspended' });
    expect(suspended.status, JSON.stringify(suspended.body)).toBe(200);

    const log = await owner.get<AuditPage>(`${base}/audit-events`);
    expect(log.status).toBe(200);
    const named = Object.fromEntries(log.body.events.map((event) => [event.action, event.targetName]));
    expect(named).toMatchObject({
      'record.viewed': '鈴木 一郎',
      'segment.created': '再入社希望',
      'member.updated': '佐藤 花子',
      'records.bulk_tag': null,
    });
  });

  it('refuses an action code it does not know with a problem, not an empty page', async () => {
    const { slug, ownerEmail } = await createTestTenant(server);
    const owner = await signIn(server, ownerEmail);
    const response = await owner.get(`/api/v1/t/${slug}/audit-events?action=no.such_action`);
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it("does not show another network's events or names", async () => {
    const first = await createTestTenant(server);
    const second = await createTestTenant(server);
    const firstOwner = await signIn(server, first.ownerEmail);
    const secondOwner = await signIn(server, second.ownerEmail);
    await firstOwner.post(`/api/v1/t/${first.slug}/registry/segments`, { name: '秘密の一覧', filter: {} });
    expect((await secondOwner.get(`/api/v1/t/${first.slug}/audit-events`)).status).toBe(404);
    const own = await secondOwner.get<AuditPage>(`/api/v1/t/${second.slug}/audit-events`);
    expect(own.body.events.map((event) => event.targetName)).not.toContain('秘密の一覧');
  });
});
