import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../db/raw.js';
import { memberProfiles } from '../../../db/schema/index.js';
import { inTenant } from '../../../db/scope.js';
import { communityMember } from '../../../test/community-factories.js';
import { createTestTenant } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { sendDueDigests } from '../../community/notifications/digest.js';
import { japanDay } from './japan-days.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

async function recorded(tenantId: string) {
  return inTenant(server.deps.database.db, tenantId, (tx) =>
    queryRows<{ membership_id: string; kind: string; day: string }>(
      tx,
      sql`select membership_id, kind, day::text as day from activity_events where tenant_id = ${tenantId}
          order by kind, membership_id`,
    ),
  );
}

describe('recorded activity', () => {
  it('records one visit per member and Japan day, however many requests they make', async () => {
    const { tenant, slug } = await createTestTenant(server);
    const other = await createTestTenant(server);
    const member = await communityMember(server, { id: tenant.id, slug });
    for (let i = 0; i < 3; i += 1) {
      expect((await member.client.get(`/api/v1/t/${slug}/community/feed/suggestions`)).status).toBe(200);
    }
    const visits = (await recorded(tenant.id)).filter((row) => row.membership_id === member.id);
    expect(visits).toEqual([{ membership_id: member.id, kind: 'visit', day: japanDay(new Date()) }]);
    expect(await recorded(other.tenant.id)).toEqual([]);
  });

  it('records each digest mailed, and nothing for a member with nothing new', async () => {
    const { tenant, slug } = await createTestTenant(server);
    const base = `/api/v1/t/${slug}/community`;
    const reader = await communityMember(server, { id: tenant.id, slug });
    const quiet = await communityMember(server, { id: tenant.id, slug });
    const author = await communityMember(server, { id: tenant.id, slug });
    for (const member of [reader, quiet]) {
      await inTenant(server.deps.database.db, tenant.id, (tx) =>
        tx
          .update(memberProfiles)
          .set({ onboardedAt: new Date(Date.now() - 30 * 86_400_000), lastDigestAt: null })
          .where(and(eq(memberProfiles.tenantId, tenant.id), eq(memberProfiles.membershipId, member.id))),
      );
    }
    await reader.client.put(`${base}/hashtags/起業/follow`, {});
    await author.client.post(`${base}/posts`, { body: '新しい事業を始めました #起業' });
    await sendDueDigests(server.deps, new Date());
    const digests = (await recorded(tenant.id)).filter((row) => row.kind === 'digest_sent');
    expect(digests.map((row) => row.membership_id)).toEqual([reader.id]);
  });
});
