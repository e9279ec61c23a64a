import { type SQL, sql } from 'drizzle-orm';
import type { ActivitySource } from './activity-days.js';
import { addDays, daysBetween } from './japan-days.js';
import { memberActivitySql } from './member-activity.js';
import { noDays, YEAR_BITS, yearMasks } from './year-masks.js';

/** Japan days, both ends included. */
export type DayWindow = { from: string; to: string };

const bits = (value: string) => sql`${value}::bit(${sql.raw(String(YEAR_BITS))})`;
const earliestOf = (days: string[]) => days.reduce((a, b) => (daysBetween(a, b) < 0 ? b : a));
const latestOf = (days: string[]) => days.reduce((a, b) => (daysBetween(a, b) > 0 ? b : a));
const column = (name: string) => sql.raw(`"${name}"`);

/** The rolled-up days of each window, from member_presence: one row per member and year touched. */
function rolledPresence(
  source: ActivitySource,
  rolledTo: string,
  windows: [string, DayWindow][],
  spoke: string[],
) {
  const clipped = windows.map(([name, window]) => ({
    name,
    masks: yearMasks(window.from, earliestOf([window.to, rolledTo])),
  }));
  const years = [...new Set(clipped.flatMap((window) => window.masks.map((mask) => mask.year)))];
  if (years.length === 0) return null;
  const test = (kind: 'active' | 'spoke', masks: { year: number; mask: string }[]) =>
    masks.length === 0
      ? sql`false`
      : sql`(${sql.join(
          masks.map(
            ({ year, mask }) =>
              sql`(p.year = ${year} and (p.${sql.raw(kind)} & ${bits(mask)}) <> ${bits(noDays)})`,
          ),
          sql` or `,
        )})`;
  const columns = clipped.flatMap(({ name, masks }) => [
    sql`${test('active', masks)} as ${column(name)}`,
    ...(spoke.includes(name) ? [sql`${test('spoke', masks)} as ${column(`${name}Spoke`)}`] : []),
  ]);
  return sql`select p.membership_id, ${sql.join(columns, sql`, `)} from member_presence p
    where p.tenant_id = ${source.tenantId} and p.year in (${sql.join(
      years.map((year) => sql`${year}`),
      sql`, `,
    )})`;
}

/**
 * One row per member who may have been active in one of the windows, with a boolean column per window
 * (active on a day of it) and `<name>Spoke` for the windows named in `spoke` (posted or commented on a
 * day of it). Days the rollup has counted are read from member_presence, one row per member and year;
 * the days after them, up to today, are counted live from the raw tables.
 */
export function presenceSql(
  source: ActivitySource,
  windows: Record<string, DayWindow>,
  spoke: string[] = [],
): SQL {
  const entries = Object.entries(windows);
  const names = entries.map(([name]) => name);
  const parts: SQL[] = [];
  const rolled = source.lastRolled ? rolledPresence(source, source.lastRolled, entries, spoke) : null;
  if (rolled) parts.push(rolled);
  const windowsFrom = earliestOf(entries.map(([, window]) => window.from));
  const liveFrom = source.lastRolled ? latestOf([addDays(source.lastRolled, 1), windowsFrom]) : windowsFrom;
  const liveTo = earliestOf([source.today, latestOf(entries.map(([, window]) => window.to))]);
  if (daysBetween(liveFrom, liveTo) >= 0) {
    const inWindow = (window: DayWindow) =>
      sql`d.day >= ${window.from}::date and d.day <= ${window.to}::date`;
    const columns = entries.flatMap(([name, window]) => [
      sql`bool_or(${inWindow(window)}) as ${column(name)}`,
      ...(spoke.includes(name)
        ? [sql`bool_or(${inWindow(window)} and d.posts + d.comments > 0) as ${column(`${name}Spoke`)}`]
        : []),
    ]);
    parts.push(sql`select d.membership_id, ${sql.join(columns, sql`, `)}
      from (${memberActivitySql(source.tenantId, liveFrom, liveTo)}) d group by d.membership_id`);
  }
  const outputs = names.flatMap((name) => [name, ...(spoke.includes(name) ? [`${name}Spoke`] : [])]);
  if (parts.length === 0)
    return sql`select null::uuid as membership_id, ${sql.join(
      outputs.map((name) => sql`false as ${column(name)}`),
      sql`, `,
    )} where false`;
  return sql`select x.membership_id, ${sql.join(
    outputs.map((name) => sql`bool_or(x.${column(name)}) as ${column(name)}`),
    sql`, `,
  )} from (${sql.join(parts, sql` union all `)}) x group by x.membership_id`;
}

/** The members active on at least one Japan day in [from, to], each once, as one SELECT (membership_id). */
export function activeMembersSql(source: ActivitySource, from: string, to: string): SQL {
  return sql`select membership_id from (${presenceSql(source, { window: { from, to } })}) p where p."window"`;
}
