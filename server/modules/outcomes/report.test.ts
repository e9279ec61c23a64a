import { eq, inArray, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alumniRecords, auditEvents, memberships } from '../../db/schema/index.js';
import { inTenant } from '../../db/scope.js';
import { addTestMember, signIn, tenantWithMember } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { type Person, seedRecords } from './outcome-test-factories.js';
import type { OutcomeReport } from './report.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const reportUrl = (slug: string, query: Record<string, string>) =>
  `/api/v1/t/${slug}/outcomes/report?${new URLSearchParams(query)}`;

const joinedPerson: Person = {
  leftOn: '2019-03-31',
  department: '営業部',
  reason: 'career_change',
  consent: true,
  invited: true,
  joined: true,
};

/** A network whose alumni joined in three waves: mid-2025, December 2025 and January 2026. */
async function networkJoinedInWaves(waves: { at: string; people: number }[]) {
  const staff = await tenantWithMember(server, 'admin');
  const total = waves.reduce((sum, wave) => sum + wave.people, 0);
  await seedRecords(
    server,
    staff.tenant.id,
    Array.from({ length: total }, () => joinedPerson),
  );
  await inTenant(server.deps.database.db, staff.tenant.id, async (tx) => {
    const linked = await tx
      .select({ id: alumniRecords.membershipId })
      .from(alumniRecords)
      .where(isNotNull(alumniRecords.membershipId));
    let next = 0;
    for (const wave of waves) {
      const ids = linked.slice(next, next + wave.people).map((row) => row.id!);
      next += wave.people;
      await tx
        .update(memberships)
        .set({ createdAt: new Date(wave.at) })
        .where(inArray(memberships.id, ids));
    }
  });
  return staff;
}

const viewsOf = (tenantId: string) =>
  inTenant(server.deps.database.db, tenantId, (tx) =>
    tx.select().from(auditEvents).where(eq(auditEvents.action, 'outcomes.viewed')),
  );

describe('GET /t/{slug}/outcomes/report', () => {
  it('counts the members at each end and those who joined in each period, previous period included', async () => {
    const staff = await networkJoinedInWaves([
      { at: '2025-06-15T12:00:00+09:00', people: 5 },
      { at: '2025-12-10T12:00:00+09:00', people: 6 },
      { at: '2026-01-20T12:00:00+09:00', people: 7 },
    ]);
    const january = await staff.client.get<OutcomeReport>(
      reportUrl(staff.slug, { from: '2026-01-01', to: '2026-02-01' }),
    );
    expect(january.status).toBe(200);
    expect(january.body.period.previous).toEqual({ from: '2025-12-01', to: '2026-01-01' });
    expect(january.body.members).toEqual({
      current: { value: 18, hidden: false },
      previous: { value: 11, hidden: false },
    });
    expect(january.body.joined).toEqual({
      current: { value: 7, hidden: false },
      previous: { value: 6, hidden: false },
    });
    // December: the five members at the start of November's comparison are shown, November's joins (0) are not.
    const december = await staff.client.get<OutcomeReport>(
      reportUrl(staff.slug, { from: '2025-12-01', to: '2026-01-01' }),
    );
    expect(december.body.joined).toEqual({
      current: { value: 6, hidden: false },
      previous: { value: null, hidden: true },
    });
    expect(december.body.members.previous).toEqual({ value: 5, hidden: false });
    expect(december.body.figures.rehires.count.current).toEqual({ value: null, hidden: true });
  });

  it('hides the joins when the members at either end are fewer than five', async () => {
    const staff = await networkJoinedInWaves([
      { at: '2025-06-15T12:00:00+09:00', people: 3 },
      { at: '2025-12-10T12:00:00+09:00', people: 6 },
    ]);
    const answer = await staff.client.get<OutcomeReport>(
      reportUrl(staff.slug, { from: '2025-12-01', to: '2026-01-01' }),
    );
    // 9 − 3 would uncover the three members of November.
    expect(answer.body.members.current).toEqual({ value: 9, hidden: false });
    expect(answer.body.members.previous).toEqual({ value: null, hidden: true });
    expect(answer.body.joined.current).toEqual({ value: null, hidden: true });
  });

  it('writes one report-viewed audit entry per view, and none of the dashboard sections', async () => {
    const staff = await tenantWithMember(server, 'admin');
    const query = { from: '2026-01-01', to: '2026-04-01' };
    expect((await staff.client.get(reportUrl(staff.slug, query))).status).toBe(200);
    const views = await viewsOf(staff.tenant.id);
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({
      actorMembershipId: staff.member.membership.id,
      targetId: staff.tenant.id,
      data: { section: 'report', from: '2026-01-01', to: '2026-04-01', previousFrom: '2025-10-01' },
    });
    await staff.client.get(reportUrl(staff.slug, query));
    expect(await viewsOf(staff.tenant.id)).toHaveLength(2);
  });

  it('is for staff of the network only, and refuses a bad period in the reader’s language writing nothing', async () => {
    const staff = await tenantWithMember(server, 'admin');
    const other = await tenantWithMember(server, 'owner');
    const query = { from: '2026-01-01', to: '2026-02-01' };
    expect((await other.client.get(reportUrl(staff.slug, query))).status).toBe(404);
    for (const role of ['alumnus', 'moderator', 'employee'] as const) {
      const member = await addTestMember(server, staff.tenant.id, role);
      const refused = await (await signIn(server, member.email)).get(reportUrl(staff.slug, query));
      expect(refused.status, role).toBe(403);
      expect(JSON.stringify(refused.body)).not.toContain('members');
    }
    const english = await signIn(server, staff.member.email);
    english.cookies.set('enishi_lang', 'en');
    const reversed = await english.get<{ errors: { path: string; message: string }[] }>(
      reportUrl(staff.slug, { from: '2026-02-01', to: '2026-01-01' }),
    );
    expect(reversed.status).toBe(422);
    expect(reversed.contentType).toContain('application/problem+json');
    expect(reversed.body.errors[0]).toMatchObject({ path: 'to' });
    const nul = await staff.client.get(reportUrl(staff.slug, { from: '2026-01-01\u0000', to: '2026-02-01' }));
    expect(nul.status).toBe(422);
    expect(await viewsOf(staff.tenant.id)).toEqual([]);
    expect(await viewsOf(other.tenant.id)).toEqual([]);
  });
});
