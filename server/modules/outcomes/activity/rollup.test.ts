import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../db/raw.js';
import { inTenant } from '../../../db/scope.js';
import { addTestMember, createTestTenant } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/harness.js';
import { type GeneratedActivity, japanNoon, writeRandomActivity } from './activity-fixtures.js';
import { addDays, japanDay } from './japan-days.js';
import { activityColumns } from './member-activity.js';
import { catchUpNetwork, rollUpDays } from './rollup.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

const DAYS = 6;

/** A network with alumni, an employee and HR staff, and random activity over DAYS days from today. */
async function networkWithActivity(seed: number) {
  const { tenant } = await createTestTenant(server);
  const people: { role: string; id: string }[] = [];
  for (const role of ['alumnus', 'alumnus', 'alumnus', 'moderator', 'employee', 'admin'] as const) {
    people.push({ role, id: (await addTestMember(server, tenant.id, role)).membership.id });
  }
  const staffId = people.find((person) => person.role === 'admin')!.id;
  const firstDay = japanDay(new Date());
  const generated = await inTenant(server.deps.database.db, tenant.id, (tx) =>
    writeRandomActivity(tx, {
      tenantId: tenant.id,
      members: people.map((person) => person.id),
      staffId,
      firstDay,
      days: DAYS,
      seed,
    }),
  );
  // HR staff work in the console: their own activity is never counted.
  const expected = generated.filter((entry) => entry.membershipId !== staffId);
  return { tenant, firstDay, expected, staffId };
}

/** The direct count: one row per member and day with every ingredient, from what was written. */
function directCount(generated: GeneratedActivity) {
  const rows = new Map<string, Record<string, number | string>>();
  for (const entry of generated) {
    const key = `${entry.day}|${entry.membershipId}`;
    const row =
      rows.get(key) ??
      Object.fromEntries([
        ['day', entry.day],
        ['membership_id', entry.membershipId],
        ...activityColumns.map((column) => [column, 0]),
      ]);
    row[entry.column] = (row[entry.column] as number) + 1;
    rows.set(key, row);
  }
  return [...rows.values()].sort(byDayAndMember);
}

const byDayAndMember = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  `${a.day}|${a.membership_id}` < `${b.day}|${b.membership_id}` ? -1 : 1;

async function rolledRows(tenantId: string) {
  const rows = await inTenant(server.deps.database.db, tenantId, (tx) =>
    queryRows<Record<string, unknown>>(
      tx,
      sql`select day::text as day, membership_id, ${sql.raw(activityColumns.join(', '))}
          from member_activity_days where tenant_id = ${tenantId}`,
    ),
  );
  return rows.sort(byDayAndMember);
}

async function dailyRows(tenantId: string) {
  return inTenant(server.deps.database.db, tenantId, (tx) =>
    queryRows<{ day: string; kind: string; count: number; members: number }>(
      tx,
      sql`select day::text as day, kind, count, members from activity_daily where tenant_id = ${tenantId}`,
    ),
  );
}

describe('activity rollup', () => {
  for (const seed of [1, 7, 42, 1234]) {
    it(`equals a direct count over the raw activity (seed ${seed})`, async () => {
      const { tenant, firstDay, expected } = await networkWithActivity(seed);
      const other = await networkWithActivity(seed + 1);
      const days = await catchUpNetwork(server.deps, tenant, japanNoon(addDays(firstDay, DAYS)));
      expect(days).toBe(DAYS);
      expect(await rolledRows(tenant.id)).toEqual(directCount(expected));

      // The day totals are the members' rows summed, and "active" counts each member once a day.
      const daily = await dailyRows(tenant.id);
      for (const column of activityColumns) {
        const perDay = new Map<string, { count: number; members: Set<string> }>();
        for (const entry of expected.filter((item) => item.column === column)) {
          const day = perDay.get(entry.day) ?? { count: 0, members: new Set() };
          day.count += 1;
          day.members.add(entry.membershipId);
          perDay.set(entry.day, day);
        }
        const rolled = daily.filter((row) => row.kind === column);
        expect(
          Object.fromEntries(rolled.map((row) => [row.day, { count: row.count, members: row.members }])),
        ).toEqual(
          Object.fromEntries(
            [...perDay].map(([day, value]) => [day, { count: value.count, members: value.members.size }]),
          ),
        );
      }
      const activePerDay = new Map<string, Set<string>>();
      for (const entry of expected) {
        activePerDay.set(entry.day, (activePerDay.get(entry.day) ?? new Set()).add(entry.membershipId));
      }
      expect(
        Object.fromEntries(daily.filter((row) => row.kind === 'active').map((row) => [row.day, row.members])),
      ).toEqual(Object.fromEntries([...activePerDay].map(([day, members]) => [day, members.size])));

      // The other network's activity is in neither network's rollup.
      expect(await rolledRows(other.tenant.id)).toEqual([]);
    });
  }

  it('re-running a day replaces its counts instead of adding to them', async () => {
    const { tenant, firstDay, expected } = await networkWithActivity(99);
    const lastDay = addDays(firstDay, DAYS - 1);
    await catchUpNetwork(server.deps, tenant, japanNoon(addDays(firstDay, DAYS)));
    const before = await dailyRows(tenant.id);
    await inTenant(server.deps.database.db, tenant.id, (tx) => rollUpDays(tx, tenant.id, firstDay, lastDay));
    await inTenant(server.deps.database.db, tenant.id, (tx) => rollUpDays(tx, tenant.id, firstDay, firstDay));
    expect(await rolledRows(tenant.id)).toEqual(directCount(expected));
    expect((await dailyRows(tenant.id)).sort(byDayKind)).toEqual(before.sort(byDayKind));
  });

  it('catches up the nights it missed, counting each day once, and never today', async () => {
    const { tenant, firstDay, expected } = await networkWithActivity(5);
    expect(await catchUpNetwork(server.deps, tenant, japanNoon(firstDay))).toBe(0);
    expect(await catchUpNetwork(server.deps, tenant, japanNoon(addDays(firstDay, 2)))).toBe(2);
    expect(await catchUpNetwork(server.deps, tenant, japanNoon(addDays(firstDay, 2)))).toBe(0);
    // Three nights without a run: the next run counts all of them.
    expect(await catchUpNetwork(server.deps, tenant, japanNoon(addDays(firstDay, DAYS)))).toBe(DAYS - 2);
    expect(await rolledRows(tenant.id)).toEqual(directCount(expected));
  });

  it('runs as the scheduled job', async () => {
    const { tenant } = await networkWithActivity(11);
    await server.deps.jobs.send(server.deps.database.db, 'outcomes.activity_rollup', {});
    await server.deps.jobs.drain();
    // The network was created today, so no whole day has passed yet; the run still marks nothing twice.
    const rolled = await inTenant(server.deps.database.db, tenant.id, (tx) =>
      queryRows(tx, sql`select day from activity_rollups where tenant_id = ${tenant.id}`),
    );
    expect(rolled).toEqual([]);
  });
});

const byDayKind = (a: { day: string; kind: string }, b: { day: string; kind: string }) =>
  `${a.day}|${a.kind}` < `${b.day}|${b.kind}` ? -1 : 1;
