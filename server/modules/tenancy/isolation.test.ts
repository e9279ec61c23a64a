import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../test/client.js';
import { addTestMember, createTestTenant, signIn, uniqueEmail } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';

let server: TestServer;
let ownerOfA: TestClient;
let a: Awaited<ReturnType<typeof createTestTenant>>;
let b: Awaited<ReturnType<typeof createTestTenant>>;
let memberOfB: Awaited<ReturnType<typeof addTestMember>>;

beforeAll(async () => {
  server = await startTestServer();
  a = await createTestTenant(server);
  b = await createTestTenant(server);
  memberOfB = await addTestMember(server, b.tenant.id, 'alumnus');
  ownerOfA = await signIn(server, a.ownerEmail);
});
afterAll(() => server.stop());

/** Another network's resources answer exactly like ones that do not exist. */
async function expectSameAsUnknown(
  attempt: () => Promise<{ status: number; body: Record<string, unknown> }>,
  unknown: () => Promise<{ status: number; body: Record<string, unknown> }>,
) {
  const [seen, missing] = [await attempt(), await unknown()];
  expect(seen.status).toBe(404);
  const { instance: _a, ...seenBody } = seen.body;
  const { instance: _b, ...missingBody } = missing.body;
  expect(seenBody).toEqual(missingBody);
}

describe('tenant isolation through the API', () => {
  it("cannot list or read another network's members", async () => {
    await expectSameAsUnknown(
      () => ownerOfA.get(`/api/v1/t/${b.slug}/members`),
      () => ownerOfA.get('/api/v1/t/no-such-network/members'),
    );
    await expectSameAsUnknown(
      () => ownerOfA.get(`/api/v1/t/${b.slug}/home`),
      () => ownerOfA.get('/api/v1/t/no-such-network/home'),
    );
    await expectSameAsUnknown(
      () => ownerOfA.get(`/api/v1/t/${a.slug}/members/${memberOfB.membership.id}`),
      () => ownerOfA.get(`/api/v1/t/${a.slug}/members/${randomUUID()}`),
    );
  });

  it("cannot update or delete another network's member, even through its own network's URL", async () => {
    const id = memberOfB.membership.id;
    await expectSameAsUnknown(
      () => ownerOfA.patch(`/api/v1/t/${a.slug}/members/${id}`, { role: 'moderator' }),
      () => ownerOfA.patch(`/api/v1/t/${a.slug}/members/${randomUUID()}`, { role: 'moderator' }),
    );
    await expectSameAsUnknown(
      () => ownerOfA.patch(`/api/v1/t/${b.slug}/members/${id}`, { role: 'moderator' }),
      () => ownerOfA.patch(`/api/v1/t/no-such-network/members/${id}`, { role: 'moderator' }),
    );
    await expectSameAsUnknown(
      () => ownerOfA.delete(`/api/v1/t/${a.slug}/members/${id}`),
      () => ownerOfA.delete(`/api/v1/t/${a.slug}/members/${randomUUID()}`),
    );
    const ownerOfB = await signIn(server, b.ownerEmail);
    const still = await ownerOfB.get<{ role: string; status: string }>(`/api/v1/t/${b.slug}/members/${id}`);
    expect(still.body).toMatchObject({ role: 'alumnus', status: 'active' });
  });

  it('cannot create members in another network', async () => {
    const email = uniqueEmail('intruder');
    await expectSameAsUnknown(
      () => ownerOfA.post(`/api/v1/t/${b.slug}/members`, { email, displayName: '侵入 者', role: 'admin' }),
      () =>
        ownerOfA.post('/api/v1/t/no-such-network/members', { email, displayName: '侵入 者', role: 'admin' }),
    );
    const ownerOfB = await signIn(server, b.ownerEmail);
    const list = await ownerOfB.get<{ members: { email: string }[] }>(
      `/api/v1/t/${b.slug}/members?limit=100`,
    );
    expect(list.body.members.map((m) => m.email)).not.toContain(email);
  });

  it("cannot read another network's audit log or settings", async () => {
    await expectSameAsUnknown(
      () => ownerOfA.get(`/api/v1/t/${b.slug}/audit-events`),
      () => ownerOfA.get('/api/v1/t/no-such-network/audit-events'),
    );
    await expectSameAsUnknown(
      () => ownerOfA.patch(`/api/v1/t/${b.slug}/settings`, { nameJa: '乗っ取り' }),
      () => ownerOfA.patch('/api/v1/t/no-such-network/settings', { nameJa: '乗っ取り' }),
    );
  });
});
