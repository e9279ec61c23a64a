import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alumniRecords } from '../../../db/schema/index.js';
import { enterTenant, inTenant } from '../../../db/scope.js';
import { addTestMember, createTestTenant, signIn } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { AudienceSpecSchema } from '../../programmes/audience/audience-spec.js';
import { resolveAudience } from '../../programmes/audience/resolve-audience.js';
import { addDays, japanDay } from '../activity/japan-days.js';
import { rollUpDays } from '../activity/rollup.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

/** Members with visits on the given days ago (0: today, counted live; the rest rolled up). */
async function networkWith(histories: Record<string, { role?: 'alumnus' | 'admin'; daysAgo: number[] }>) {
  const { tenant, slug } = await createTestTenant(server);
  const today = japanDay(new Date());
  const ids: Record<string, string> = {};
  for (const [name, history] of Object.entries(histories)) {
    const member = await addTestMember(server, tenant.id, history.role ?? 'alumnus', { displayName: name });
    ids[name] = member.membership.id;
    await inTenant(server.deps.database.db, tenant.id, async (tx) => {
      for (const ago of history.daysAgo) {
        const day = addDays(today, -ago);
        await tx.execute(sql`insert into activity_events (tenant_id, membership_id, kind, occurred_at, day)
          values (${tenant.id}, ${member.membership.id}, 'visit', ${`${day}T12:00:00+09:00`}, ${day})`);
      }
    });
  }
  await inTenant(server.deps.database.db, tenant.id, (tx) =>
    rollUpDays(tx, tenant.id, addDays(today, -120), addDays(today, -1)),
  );
  return { tenant, slug, ids };
}

const quietSpec = AudienceSpecSchema.parse({ goingQuiet: true });

describe('the going-quiet audience', () => {
  it('names exactly the members active in the 60 days before the last 30 and not since', async () => {
    const net = await networkWith({
      quiet: { daysAgo: [45, 80] },
      edgeQuiet: { daysAgo: [30] },
      edgeEarly: { daysAgo: [89] },
      stillHere: { daysAgo: [45, 10] },
      backToday: { daysAgo: [45, 0] },
      longGone: { daysAgo: [90, 100] },
      recentOnly: { daysAgo: [29] },
      never: { daysAgo: [] },
      staff: { role: 'admin', daysAgo: [45] },
    });
    const audience = await inTenant(server.deps.database.db, net.tenant.id, (tx) =>
      resolveAudience({ tx, tenant: net.tenant }, quietSpec, { purpose: 'company_news', channel: 'inApp' }),
    );
    expect(audience.recipients.map((person) => person.name).sort()).toEqual([
      'edgeEarly',
      'edgeQuiet',
      'quiet',
    ]);
    expect(audience.leftOut).toEqual([]);
  });

  it('keeps the exclusion list, and never reaches records that have not joined', async () => {
    const net = await networkWith({ quiet: { daysAgo: [40] }, excluded: { daysAgo: [40] } });
    await server.deps.database.db.transaction(async (tx) => {
      await enterTenant(tx, net.tenant.id);
      await tx.insert(alumniRecords).values([
        { tenantId: net.tenant.id, familyName: '除外', status: 'excluded', membershipId: net.ids.excluded },
        {
          tenantId: net.tenant.id,
          familyName: '未参加',
          emails: ['not.joined@example.jp'],
          contactConsent: 'granted',
        },
      ]);
    });
    const spec = AudienceSpecSchema.parse({ goingQuiet: true, records: true });
    const audience = await inTenant(server.deps.database.db, net.tenant.id, (tx) =>
      resolveAudience({ tx, tenant: net.tenant }, spec, { purpose: 'company_contact', channel: 'email' }),
    );
    const everyone = [...audience.recipients, ...audience.leftOut];
    expect(everyone.every((person) => person.personKind === 'member')).toBe(true);
    expect(audience.leftOut.find((person) => person.name === 'excluded')?.reason).toBe('excluded');
    expect(everyone.map((person) => person.name).sort()).toEqual(['excluded', 'quiet']);
  });

  it('previews through the programmes API and refuses a malformed field', async () => {
    const net = await networkWith({ a: { daysAgo: [40] }, b: { daysAgo: [40] } });
    const admin = await addTestMember(server, net.tenant.id, 'admin');
    const hr = await signIn(server, admin.email);
    const preview = await hr.post<{ reached: number }>(`/api/v1/t/${net.slug}/programmes/audience/preview`, {
      spec: { goingQuiet: true },
      purpose: 'company_news',
      channel: 'inApp',
    });
    expect(preview.status).toBe(200);
    expect(preview.body.reached).toBe(2);
    const wrong = await hr.post(`/api/v1/t/${net.slug}/programmes/audience/preview`, {
      spec: { goingQuiet: 'yes' },
      purpose: 'company_news',
      channel: 'inApp',
    });
    expect(wrong.status).toBe(422);
  });
});
