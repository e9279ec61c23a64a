import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../../db/client.js';
import { queryRows } from '../../../db/raw.js';
import { inTenant } from '../../../db/scope.js';
import { addTestMember, createTestTenant } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { resolvePeriods } from '../period.js';
import type { ActivitySource } from './activity-days.js';
import { activityFigures, activityWeeks } from './activity-figures.js';
import { type GeneratedActivity, seededRandom, writeRandomActivity } from './activity-fixtures.js';
import { addDays, daysBetween } from './japan-days.js';
import { activityColumns } from './member-activity.js';
import { activeMembersSql, presenceSql } from './presence.js';
import { RECENT_DAYS } from './presence-rollup.js';
import { rollUpDays } from './rollup.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

// Forty days across a new year, so windows and presence rows span two calendar years.
const FIRST = '2025-12-12';
const DAYS = 40;
const TODAY = addDays(FIRST, DAYS - 1);

async function networkWithActivity(seed: number) {
  const { tenant } = await createTestTenant(server);
  const members: string[] = [];
  for (let i = 0; i < 7; i += 1)
    members.push((await addTestMember(server, tenant.id, 'alumnus')).membership.id);
  const staff = await addTestMember(server, tenant.id, 'admin');
  const generated = await inTenant(server.deps.database.db, tenant.id, (tx) =>
    writeRandomActivity(tx, {
      tenantId: tenant.id,
      members,
      staffId: staff.membership.id,
      firstDay: FIRST,
      days: DAYS,
      seed,
    }),
  );
  return { tenantId: tenant.id, members, generated };
}

const inside = (day: string, from: string, to: string) => day >= from && day <= to;
const membersIn = (generated: GeneratedActivity, from: string, to: string, spoke = false) =>
  [
    ...new Set(
      generated
        .filter((e) => inside(e.day, from, to) && (!spoke || e.column === 'posts' || e.column === 'comments'))
        .map((e) => e.membershipId),
    ),
  ].sort();

const read = <T>(tenantId: string, work: (tx: Queryable) => Promise<T>) =>
  inTenant(server.deps.database.db, tenantId, work);

describe('member presence, 7-day actives, recent totals and the activity figures read from them', () => {
  for (const seed of [2, 17, 303]) {
    it(`equal a direct count over the raw activity for any window (seed ${seed})`, async () => {
      const net = await networkWithActivity(seed);
      const random = seededRandom(seed);
      const lastRolled = addDays(FIRST, 20 + random.int(DAYS - 21));
      // Rolled out of order: the later days first, so the 7-day counts after the gap must be redone.
      await read(net.tenantId, async (tx) => {
        await rollUpDays(tx, net.tenantId, addDays(FIRST, 9), lastRolled);
        await rollUpDays(tx, net.tenantId, FIRST, addDays(FIRST, 8));
      });
      const source: ActivitySource = { tenantId: net.tenantId, lastRolled, today: TODAY };

      for (let i = 0; i < 12; i += 1) {
        const from = addDays(FIRST, random.int(DAYS + 4) - 3);
        const to = addDays(from, random.int(DAYS));
        const rows = await read(net.tenantId, (tx) =>
          queryRows<{ membership_id: string }>(tx, sql`${activeMembersSql(source, from, to)}`),
        );
        const upToToday = daysBetween(to, TODAY) < 0 ? TODAY : to;
        expect(rows.map((row) => row.membership_id).sort(), `${from}…${to}`).toEqual(
          membersIn(net.generated, from, upToToday),
        );
      }

      const week = { from: addDays(TODAY, -6), to: TODAY };
      const span = { from: addDays(FIRST, 3), to: addDays(FIRST, 30) };
      const flags = await read(net.tenantId, (tx) =>
        queryRows<{ membership_id: string; week: boolean; span: boolean; spanSpoke: boolean }>(
          tx,
          sql`${presenceSql(source, { week, span }, ['span'])}`,
        ),
      );
      const pick = (key: 'week' | 'span' | 'spanSpoke') =>
        flags
          .filter((row) => row[key])
          .map((row) => row.membership_id)
          .sort();
      expect(pick('week')).toEqual(membersIn(net.generated, week.from, week.to));
      expect(pick('span')).toEqual(membersIn(net.generated, span.from, span.to));
      expect(pick('spanSpoke')).toEqual(membersIn(net.generated, span.from, span.to, true));

      const weekly = await read(net.tenantId, (tx) =>
        queryRows<{ day: string; members: number }>(
          tx,
          sql`select day::text as day, members from activity_daily
            where tenant_id = ${net.tenantId} and kind = 'active_7d' order by day`,
        ),
      );
      const expectedWeekly = [];
      for (let day = FIRST; daysBetween(day, lastRolled) >= 0; day = addDays(day, 1)) {
        const members = membersIn(net.generated, addDays(day, -6), day).length;
        if (members > 0) expectedWeekly.push({ day, members });
      }
      expect(weekly).toEqual(expectedWeekly);

      // The activity section's figures and weeks (whole rolled weeks from the 7-day counts, the rest live).
      const period = resolvePeriods({ from: addDays(FIRST, 2), to: addDays(TODAY, 1) }).current;
      const { figures, weeks } = await read(net.tenantId, async (tx) => ({
        figures: await activityFigures(tx, source, period),
        weeks: await activityWeeks(tx, source, period),
      }));
      const expectedWeeks = [];
      for (let start = period.fromDate; daysBetween(start, TODAY) >= 0; start = addDays(start, 7)) {
        const last = daysBetween(addDays(start, 6), TODAY) < 0 ? TODAY : addDays(start, 6);
        const within = net.generated.filter((e) => inside(e.day, start, last));
        expectedWeeks.push({
          from: start,
          activeMembers: membersIn(net.generated, start, last).length,
          posts: within.filter((e) => e.column === 'posts').length,
          comments: within.filter((e) => e.column === 'comments').length,
          messages: within.filter((e) => e.column === 'messages').length,
        });
      }
      expect(weeks).toEqual(expectedWeeks);
      const inPeriod = net.generated.filter((e) => inside(e.day, period.fromDate, TODAY));
      const speakers = membersIn(net.generated, period.fromDate, TODAY, true);
      expect(figures).toMatchObject({
        activeMembers: membersIn(net.generated, period.fromDate, TODAY).length,
        weeklyActive: membersIn(net.generated, addDays(TODAY, -6), TODAY).length,
        monthlyActive: membersIn(net.generated, addDays(TODAY, -29), TODAY).length,
        readersOnly: membersIn(net.generated, period.fromDate, TODAY).filter((id) => !speakers.includes(id))
          .length,
        posts: inPeriod.filter((e) => e.column === 'posts').length,
        articleReads: inPeriod.filter((e) => e.column === 'reads').length,
        reactions: inPeriod.filter((e) => e.column === 'reactions').length,
      });

      const recent = await read(net.tenantId, (tx) =>
        queryRows<Record<string, number | string>>(
          tx,
          sql`select membership_id, through::text as through, ${sql.raw(activityColumns.join(', '))}
            from member_recent_activity where tenant_id = ${net.tenantId}`,
        ),
      );
      const recentFrom = addDays(lastRolled, 1 - RECENT_DAYS);
      const expectedRecent = new Map<string, Record<string, number | string>>();
      for (const entry of net.generated.filter((e) => inside(e.day, recentFrom, lastRolled))) {
        const row =
          expectedRecent.get(entry.membershipId) ??
          Object.fromEntries([
            ['membership_id', entry.membershipId],
            ['through', lastRolled],
            ...activityColumns.map((name) => [name, 0]),
          ]);
        row[entry.column] = (row[entry.column] as number) + 1;
        expectedRecent.set(entry.membershipId, row);
      }
      const byMember = (a: Record<string, unknown>, b: Record<string, unknown>) =>
        String(a.membership_id) < String(b.membership_id) ? -1 : 1;
      expect(recent.sort(byMember)).toEqual([...expectedRecent.values()].sort(byMember));
    });
  }

  it('a re-run gives the same presence, and a day that lost its activity loses its bit', async () => {
    const net = await networkWithActivity(77);
    const lastRolled = addDays(TODAY, -1);
    const source: ActivitySource = { tenantId: net.tenantId, lastRolled, today: TODAY };
    const presence = () =>
      read(net.tenantId, (tx) =>
        queryRows<{ year: number; membership_id: string; active: string; spoke: string }>(
          tx,
          sql`select year, membership_id, active::text, spoke::text from member_presence
            where tenant_id = ${net.tenantId} order by year, membership_id`,
        ),
      );
    await read(net.tenantId, (tx) => rollUpDays(tx, net.tenantId, FIRST, lastRolled));
    const before = await presence();
    await read(net.tenantId, (tx) => rollUpDays(tx, net.tenantId, addDays(FIRST, 15), addDays(FIRST, 25)));
    expect(await presence()).toEqual(before);

    // The first member's visits are withdrawn (as if never recorded) and their days counted again.
    const [first] = net.members;
    await read(net.tenantId, async (tx) => {
      await tx.execute(
        sql`delete from activity_events where tenant_id = ${net.tenantId} and membership_id = ${first!}`,
      );
      await rollUpDays(tx, net.tenantId, FIRST, lastRolled);
    });
    const left = net.generated.filter((e) => !(e.membershipId === first && e.column === 'visits'));
    for (let day = FIRST; daysBetween(day, lastRolled) >= 0; day = addDays(day, 3)) {
      const rows = await read(net.tenantId, (tx) =>
        queryRows<{ membership_id: string }>(tx, sql`${activeMembersSql(source, day, addDays(day, 2))}`),
      );
      expect(rows.map((row) => row.membership_id).sort(), day).toEqual(membersIn(left, day, addDays(day, 2)));
    }
  });
});
