import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import { queryRows } from '../../../db/raw.js';
import {
  alumniRecords,
  type ConsentPurpose,
  type NotificationChannel,
  segments,
} from '../../../db/schema/index.js';
import { notFound } from '../../../platform/errors.js';
import { activitySource } from '../../outcomes/activity/activity-days.js';
import { goingQuietSql } from '../../outcomes/engagement/going-quiet.js';
import { recordFilterConditions } from '../../registry/record-query.js';
import { segmentFilter } from '../../registry/segments.js';
import type { AudienceSpec } from './audience-spec.js';

/**
 * Why someone the spec names is not reached, in the order they are checked (the first that applies is
 * the one reported): on the exclusion list or not eligible; a suspended or removed member; no consent
 * for the purpose (or withdrawn through an unsubscribe link); no address for the channel; an address the
 * mail server refused; the channel turned off for this kind of notification.
 */
export const leftOutReasons = [
  'excluded',
  'blocked',
  'no_consent',
  'unsubscribed',
  'no_address',
  'bounced',
  'channel_off',
] as const;
export type LeftOutReason = (typeof leftOutReasons)[number];

export type AudienceOptions = {
  /** The consent purpose the programme relies on (e-mail and push need it; the in-app bell does not). */
  purpose: ConsentPurpose;
  channel: NotificationChannel;
  /** A notification kind whose per-member channel choice applies (notification_preferences); none for campaigns. */
  kind?: string | undefined;
  /**
   * Only people whose record's leaving date falls in this range (ISO dates, inclusive): a lifecycle pulse
   * reaches those it is due for. Not part of a stored spec; the sender decides it at the time.
   */
  leftBetween?: { from: string; to: string } | undefined;
};

export type AudiencePerson = {
  personKind: 'member' | 'record';
  membershipId: string | null;
  recordId: string | null;
  name: string;
  email: string | null;
  locale: 'ja' | 'en';
  reason: LeftOutReason | null;
  /** The consent ledger entry a member's delivery relies on. */
  consentEventId: string | null;
  /** A not-joined record's consent as HR holds it at the time (source, date, wording version). */
  recordConsent: Record<string, unknown> | null;
};

/** Columns of the audience statement, as SQL names (snake case) for set-based callers. */
export type AudienceRow = {
  person_kind: 'member' | 'record';
  membership_id: string | null;
  record_id: string | null;
  name: string;
  email: string | null;
  locale: 'ja' | 'en';
  reason: LeftOutReason | null;
  consent_event_id: string | null;
  record_consent: Record<string, unknown> | null;
};

/** The statement's shape with no rows: a spec that names nobody. */
const nobody = sql`select null::text as person_kind, null::uuid as membership_id, null::uuid as record_id,
  null::text as name, null::text as email, null::text as locale, null::text as reason,
  null::uuid as consent_event_id, null::jsonb as record_consent where false`;

const employeeSideRoles = sql`('employee', 'owner', 'admin')`;
const memberSideRoles = sql`('alumnus', 'moderator')`;

/**
 * One SELECT over the whole network giving everyone the spec names, one row each, with `reason` null
 * for those reached and the first reason that leaves the others out (see leftOutReasons). Set-based:
 * the preview aggregates it, delivery inserts from it; no row is looked at in JavaScript. The segment is
 * read first (a missing one is a 404), so its filter becomes part of the statement.
 */
export async function audienceStatement(
  ctx: { tx: Queryable; tenant: { id: string } },
  spec: AudienceSpec,
  options: AudienceOptions,
): Promise<SQL> {
  const tenantId = ctx.tenant.id;
  const segment = spec.segmentId ? await loadSegment(ctx.tx, tenantId, spec.segmentId) : null;
  const inSegment = segment ? and(...recordFilterConditions(tenantId, segmentFilter(segment))) : undefined;
  const quiet = spec.goingQuiet ? goingQuietSql(await activitySource(ctx.tx, tenantId)) : undefined;
  const parts: SQL[] = [];
  const roles = [spec.members ? memberSideRoles : null, spec.includeEmployees ? employeeSideRoles : null];
  if (roles.some(Boolean)) parts.push(memberPart(tenantId, spec, options, inSegment, quiet));
  // Records are reached by e-mail only, and have no profile intents, no groups, no activity and attend no events.
  const recordsQualify =
    spec.openTo.length === 0 && spec.groupId === null && !spec.goingQuiet && spec.attendedEventId === null;
  if (spec.records && options.channel === 'email' && recordsQualify) {
    parts.push(recordPart(tenantId, spec, inSegment, options.leftBetween));
  }
  if (parts.length === 0) return nobody;
  return sql.join(parts, sql` union all `);
}

/** The spec's segment in this network; another network's or a deleted one is a 404. */
async function loadSegment(tx: Queryable, tenantId: string, id: string) {
  const [segment] = await tx
    .select()
    .from(segments)
    .where(and(eq(segments.tenantId, tenantId), eq(segments.id, id)));
  if (!segment) throw notFound();
  return segment;
}

function memberPart(
  tenantId: string,
  spec: AudienceSpec,
  options: AudienceOptions,
  inSegment: SQL | undefined,
  goingQuiet: SQL | undefined,
): SQL {
  const roleSets: SQL[] = [];
  if (spec.members) roleSets.push(sql`m.role in ${memberSideRoles}`);
  if (spec.includeEmployees) roleSets.push(sql`m.role in ${employeeSideRoles}`);
  const narrowing: SQL[] = [];
  if (inSegment) {
    narrowing.push(
      sql`exists (select 1 from ${alumniRecords} where ${inSegment} and ${alumniRecords.membershipId} = m.id)`,
    );
  }
  if (spec.openTo.length > 0) {
    narrowing.push(sql`p.intents && ${`{${spec.openTo.join(',')}}`}::text[]`);
  }
  if (spec.wouldReturn) {
    narrowing.push(sql`exists (select 1 from alumni_records wr where wr.tenant_id = ${tenantId}
      and wr.membership_id = m.id and wr.would_return = 'yes')`);
  }
  if (options.leftBetween) {
    narrowing.push(sql`exists (select 1 from alumni_records lb where lb.tenant_id = ${tenantId}
      and lb.membership_id = m.id
      and lb.left_on between ${options.leftBetween.from}::date and ${options.leftBetween.to}::date)`);
  }
  if (spec.groupId) {
    narrowing.push(sql`exists (select 1 from group_members g where g.tenant_id = ${tenantId}
      and g.group_id = ${spec.groupId}::uuid and g.membership_id = m.id and g.status = 'active')`);
  }
  if (goingQuiet) narrowing.push(sql`m.id in (${goingQuiet})`);
  if (spec.attendedEventId) {
    narrowing.push(sql`exists (select 1 from event_registrations er where er.tenant_id = ${tenantId}
      and er.event_id = ${spec.attendedEventId}::uuid and er.member_id = m.id
      and er.attended_at is not null and er.status <> 'cancelled')`);
  }
  const needsConsent = options.channel !== 'inApp';
  const kind = options.kind ?? null;
  const channelOff =
    options.channel === 'email'
      ? sql`(${kind}::text is not null and (not coalesce(p.email_notifications, true)
          or p.notification_preferences -> ${kind}::text ->> 'email' = 'false'))`
      : sql`(${kind}::text is not null
          and p.notification_preferences -> ${kind}::text ->> ${options.channel}::text = 'false')`;
  const noAddress =
    options.channel === 'push'
      ? sql`not exists (select 1 from push_subscriptions ps where ps.tenant_id = ${tenantId} and ps.membership_id = m.id)`
      : options.channel === 'email'
        ? sql`coalesce(a.email, '') = ''`
        : sql`false`;
  const bounced =
    options.channel === 'email'
      ? sql`exists (select 1 from mail_suppressions s where s.email = lower(a.email))`
      : sql`false`;
  return sql`select 'member'::text as person_kind, m.id as membership_id, lr.id as record_id,
      m.display_name as name, a.email as email, a.locale as locale,
      case
        when lr.excluded then 'excluded'
        when m.status <> 'active' then 'blocked'
        when ${needsConsent} and not coalesce(ce.granted, false) then
          case when ce.source = 'unsubscribe' then 'unsubscribed' else 'no_consent' end
        when ${noAddress} then 'no_address'
        when ${bounced} then 'bounced'
        when ${channelOff} then 'channel_off'
      end as reason,
      case when ce.granted then ce.id end as consent_event_id,
      null::jsonb as record_consent
    from memberships m
    join accounts a on a.id = m.account_id
    left join member_profiles p on p.tenant_id = m.tenant_id and p.membership_id = m.id
    left join lateral (
      select e.id, e.granted, e.source from consent_events e
      where e.tenant_id = ${tenantId} and e.membership_id = m.id and e.purpose = ${options.purpose}
      order by e.created_at desc, e.id desc limit 1) ce on true
    left join lateral (
      select r.id, (r.eligibility = 'not_eligible' or r.status = 'excluded') as excluded
      from alumni_records r where r.tenant_id = ${tenantId} and r.membership_id = m.id
      order by (r.eligibility = 'not_eligible' or r.status = 'excluded') desc, r.id limit 1) lr on true
    where m.tenant_id = ${tenantId} and (${sql.join(roleSets, sql` or `)})
      ${narrowing.length > 0 ? sql`and ${sql.join(narrowing, sql` and `)}` : sql``}`;
}

function recordPart(
  tenantId: string,
  spec: AudienceSpec,
  inSegment: SQL | undefined,
  leftBetween: AudienceOptions['leftBetween'],
): SQL {
  const conditions: SQL[] = [
    eq(alumniRecords.tenantId, tenantId),
    sql`${alumniRecords.membershipId} is null`,
    sql`${alumniRecords.status} <> 'joined'`,
    // Someone who joined without their record being linked is reached as the member, not twice.
    sql`not exists (select 1 from record_emails re
      join accounts ja on ja.email = re.email
      join memberships jm on jm.account_id = ja.id and jm.tenant_id = ${tenantId}
      where re.tenant_id = ${tenantId} and re.record_id = ${alumniRecords.id})`,
  ];
  if (inSegment) conditions.push(inSegment);
  if (spec.wouldReturn) conditions.push(sql`${alumniRecords.wouldReturn} = 'yes'`);
  if (leftBetween) {
    conditions.push(
      sql`${alumniRecords.leftOn} between ${leftBetween.from}::date and ${leftBetween.to}::date`,
    );
  }
  const email = sql`lower(${alumniRecords.emails}[1])`;
  return sql`select 'record'::text as person_kind, null::uuid as membership_id, ${alumniRecords.id} as record_id,
      trim(${alumniRecords.familyName} || ' ' || ${alumniRecords.givenName}) as name, ${email} as email,
      'ja'::text as locale,
      case
        when ${alumniRecords.eligibility} = 'not_eligible' or ${alumniRecords.status} = 'excluded' then 'excluded'
        when ${alumniRecords.contactConsent} <> 'granted' then
          case when ${alumniRecords.contactConsent} = 'withdrawn'
            and ${alumniRecords.consentSource} like 'unsubscribe%' then 'unsubscribed' else 'no_consent' end
        when coalesce(cardinality(${alumniRecords.emails}), 0) = 0 then 'no_address'
        when exists (select 1 from mail_suppressions s where s.email = ${email}) then 'bounced'
      end as reason,
      null::uuid as consent_event_id,
      case when ${alumniRecords.contactConsent} = 'granted' then jsonb_build_object(
        'contactConsent', ${alumniRecords.contactConsent}, 'source', ${alumniRecords.consentSource},
        'at', ${alumniRecords.consentAt}, 'wordingVersion', ${alumniRecords.consentWordingVersion}) end
        as record_consent
    from ${alumniRecords}
    where ${and(...conditions)}`;
}

/**
 * Everyone a spec names: those reached (with the address and the consent each delivery keeps as proof)
 * and those left out with the reason. For sending, prefer inserting from audienceStatement directly.
 */
export async function resolveAudience(
  ctx: { tx: Queryable; tenant: { id: string } },
  spec: AudienceSpec,
  options: AudienceOptions,
): Promise<{ recipients: AudiencePerson[]; leftOut: (AudiencePerson & { reason: LeftOutReason })[] }> {
  const statement = await audienceStatement(ctx, spec, options);
  const rows = await queryRows<AudienceRow>(ctx.tx, statement);
  const people = rows.map(toPerson);
  return {
    recipients: people.filter((person) => person.reason === null),
    leftOut: people.filter(
      (person): person is AudiencePerson & { reason: LeftOutReason } => person.reason !== null,
    ),
  };
}

const toPerson = (row: AudienceRow): AudiencePerson => ({
  personKind: row.person_kind,
  membershipId: row.membership_id,
  recordId: row.record_id,
  name: row.name,
  email: row.email,
  locale: row.locale === 'en' ? 'en' : 'ja',
  reason: row.reason,
  consentEventId: row.consent_event_id,
  recordConsent: row.record_consent,
});
