import { and, eq, inArray, isNull } from 'drizzle-orm';
import { accounts, eventRegistrations, events, memberships, tenants } from '../../db/schema/index.js';
import { inTenant } from '../../db/scope.js';
import type { Deps } from '../../platform/http/env.js';
import { notify } from '../community/notifications/notify.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { eventWhen } from './event-calendar.js';
import { sendFollowUpSurvey } from './follow-up-survey.js';
import { organiserContext } from './organiser-context.js';
import type { EventRow } from './write-events.js';

/** The two reminders and how long before the start each goes out. */
export const reminderOffsets = { day: 24 * 60 * 60 * 1000, hour: 60 * 60 * 1000 } as const;
export type ReminderKind = keyof typeof reminderOffsets;

type ReminderJob = { tenantId: string; eventId: string; which: ReminderKind; sequence: number };

/**
 * Queues the day-before and hour-before reminders for a published event, in the caller's transaction.
 * Each job carries the event's SEQUENCE: after a change of time the earlier jobs find a newer
 * sequence and send nothing, and the ones queued with the change go out at the new times.
 */
export async function scheduleReminders(
  ctx: Pick<TenantServiceContext, 'deps' | 'tx' | 'tenant'>,
  event: EventRow,
) {
  if (event.status !== 'published') return;
  for (const which of Object.keys(reminderOffsets) as ReminderKind[]) {
    const due = new Date(event.startsAt.getTime() - reminderOffsets[which]);
    if (due.getTime() <= Date.now()) continue;
    const job: ReminderJob = { tenantId: ctx.tenant.id, eventId: event.id, which, sequence: event.sequence };
    await ctx.deps.jobs.send(ctx.tx, 'event.remind', job, { startAfter: due });
  }
}

/**
 * Sends one reminder of an event (job event.remind) to its confirmed registrants who have not had it.
 * Each registration is marked in the same transaction as its notice, so a retried or repeated job
 * sends nothing more; a cancelled registration or event, a changed time, or an event that has
 * started gets none. Returns how many were reminded.
 */
export async function remindEvent(deps: Deps, data: ReminderJob): Promise<number> {
  const [tenant] = await deps.database.db.select().from(tenants).where(eq(tenants.id, data.tenantId));
  if (!tenant) return 0;
  return inTenant(deps.database.db, tenant.id, async (tx) => {
    const [event] = await tx
      .select()
      .from(events)
      .where(and(eq(events.tenantId, tenant.id), eq(events.id, data.eventId)));
    if (event?.status !== 'published' || event.sequence !== data.sequence) return 0;
    if (event.startsAt.getTime() <= Date.now()) return 0;
    const marker =
      data.which === 'day' ? eventRegistrations.remindedDayAt : eventRegistrations.remindedHourAt;
    const reminded = await tx
      .update(eventRegistrations)
      .set(data.which === 'day' ? { remindedDayAt: new Date() } : { remindedHourAt: new Date() })
      .where(
        and(
          eq(eventRegistrations.tenantId, tenant.id),
          eq(eventRegistrations.eventId, event.id),
          eq(eventRegistrations.status, 'confirmed'),
          isNull(marker),
        ),
      )
      .returning({ memberId: eventRegistrations.memberId });
    if (reminded.length === 0) return 0;
    const ctx = await organiserContext(deps, tx, tenant, event);
    const locales = await tx
      .select({ id: memberships.id, locale: accounts.locale })
      .from(memberships)
      .innerJoin(accounts, eq(accounts.id, memberships.accountId))
      .where(
        and(
          eq(memberships.tenantId, tenant.id),
          inArray(
            memberships.id,
            reminded.map((row) => row.memberId),
          ),
        ),
      );
    const localeOf = new Map(locales.map((row) => [row.id, row.locale]));
    await notify(
      ctx,
      reminded.map((row) => ({
        recipientId: row.memberId,
        kind: 'event_reminder' as const,
        targetType: 'event' as const,
        targetId: event.id,
        data: { title: event.title, when: eventWhen(localeOf.get(row.memberId) ?? 'ja', event) },
      })),
      { fromNetwork: true },
    );
    return reminded.length;
  });
}

export function registerEventJobs(deps: Deps): void {
  deps.jobs.handle('event.remind', async (data) => {
    await remindEvent(deps, data as ReminderJob);
  });
  deps.jobs.handle('event.follow_up_survey', async (data) => {
    await sendFollowUpSurvey(deps, data as Parameters<typeof sendFollowUpSurvey>[1]);
  });
}
