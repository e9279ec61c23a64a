import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../../db/scope.js';
import { addTestMember, createTestTenant, signIn } from '../../test/factories.js';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { activeWindow } from './active-members.js';
import { type GeneratedActivity, writeRandomActivity } from './activity/activity-fixtures.js';
import { addDays, japanDay } from './activity/japan-days.js';
import { rollUpDays } from './activity/rollup.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const DAYS = 45;

type Count = { value: number | null; hidden: boolean };
type Funnel = { steps: { step: string; current: Count; previous: Count }[] };

/**
 * A network of twelve alumni, each linked to a registry record and a member since before the activity,
 * with random activity over the last 45 days; the first `rolled` days are rolled up, the rest (today
 * included) are counted live.
 */
async function networkWithActivity(seed: number, rolled: number) {
  const created = await createTestTenant(server);
  const tenantId = created.tenant.id;
  const members: string[] = [];
  for (let i = 0; i < 12; i += 1)
    members.push((await addTestMember(server, tenantId, 'alumnus')).membership.id);
  const admin = await addTestMember(server, tenantId, 'admin');
  const today = japanDay(new Date());
  const firstDay = addDays(today, -(DAYS - 1));
  const generated = await inTenant(server.deps.database.db, tenantId, async (tx) => {
    await tx.execute(sql`update memberships set created_at = ${`${addDays(firstDay, -30)}T00:00:00+09:00`}
      where tenant_id = ${tenantId}`);
    for (const [index, membershipId] of members.entries())
      await tx.execute(sql`insert into alumni_records (tenant_id, family_name, emails, status, membership_id, created_at)
        values (${tenantId}, ${`記録${index}`}, array[${`r${index}-${randomBytes(4).toString('hex')}@example.jp`}]::text[],
          'joined', ${membershipId}, ${`${addDays(firstDay, -30)}T00:00:00+09:00`})`);
    // Half of them stay active throughout; the other half only in the first twelve days, so windows
    // further back hold more people than recent ones.
    const staffId = admin.membership.id;
    const throughout = await writeRandomActivity(tx, {
      tenantId,
      members: members.slice(0, 6),
      staffId,
      firstDay,
      days: DAYS,
      seed,
    });
    const early = await writeRandomActivity(tx, {
      tenantId,
      members: members.slice(6),
      staffId,
      firstDay,
      days: 12,
      seed: seed + 1,
    });
    if (rolled > 0) await rollUpDays(tx, tenantId, firstDay, addDays(firstDay, rolled - 1));
    return [...throughout, ...early];
  });
  return { ...created, tenantId, today, firstDay, generated, hr: await signIn(server, admin.email) };
}

/** The direct count: members with anything counted on a day of the window. */
function activeIn(generated: GeneratedActivity, window: { from: string; to: string }) {
  return new Set(
    generated
      .filter((entry) => entry.day >= window.from && entry.day <= window.to)
      .map((e) => e.membershipId),
  ).size;
}

const expectedCount = (n: number): Count =>
  n < 5 ? { value: null, hidden: true } : { value: n, hidden: false };

describe('the funnel’s active members', () => {
  for (const [seed, rolled] of [
    [3, 0],
    [8, 20],
    [21, DAYS - 1],
  ] as const) {
    it(`equal a direct count over the raw activity, ${rolled} days rolled up (seed ${seed})`, async () => {
      const net = await networkWithActivity(seed, rolled);
      const url = (from: string, to: string) =>
        `/api/v1/t/${net.slug}/outcomes/funnel?${new URLSearchParams({ from, to })}`;
      // A period still running (counted up to now, today included) and one that ended 10 days ago.
      const running = { from: addDays(net.today, -9), to: addDays(net.today, 1) };
      const ended = { from: addDays(net.today, -19), to: addDays(net.today, -9) };
      const seen = new Set<number | null>();
      for (const period of [running, ended]) {
        const answer = await net.hr.get<Funnel>(url(period.from, period.to));
        expect(answer.status).toBe(200);
        const active = answer.body.steps.find((step) => step.step === 'active')!;
        const end = period === running ? new Date() : new Date(`${period.to}T00:00:00+09:00`);
        const previousEnd = new Date(`${period.from}T00:00:00+09:00`);
        expect(active.current, `${period.from} current`).toEqual(
          expectedCount(activeIn(net.generated, activeWindow(end))),
        );
        expect(active.previous, `${period.from} previous`).toEqual(
          expectedCount(activeIn(net.generated, activeWindow(previousEnd))),
        );
        seen.add(active.current.value).add(active.previous.value);
      }
      // The windows differ, so a count that ignored them would fail.
      expect(seen.size).toBeGreaterThan(1);
    });
  }

  it('takes the 30 Japan days before a period’s end, or the last 30 with today while it runs', () => {
    expect(activeWindow(new Date('2026-12-01T00:00:00+09:00'))).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(activeWindow(new Date('2026-12-05T08:00:00+09:00'))).toEqual({
      from: '2026-11-06',
      to: '2026-12-05',
    });
  });
});
