import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../../db/client.js';
import { queryRows } from '../../../db/raw.js';
import type { ConsentPurpose, DeliveryChannel } from '../../../db/schema/index.js';
import type { Deps } from '../../../platform/http/env.js';
import { laneQueues } from '../../../platform/mail/outbox/enqueue-mail.js';
import { INVITATION_DAYS, invitationLink } from '../../registry/invitations/send-invitations.js';
import type { AudienceSpec } from '../audience/audience-spec.js';
import { audienceStatement } from '../audience/resolve-audience.js';
import { trackingPrefix } from './mail-tracking.js';
import { unsubscribeUrls } from './unsubscribe-links.js';

/**
 * Where a record's own survey link points: the public answer page, the token after `#` so it never
 * reaches server logs or a Referer header.
 */
export const surveyLinkPrefix = (publicUrl: string, slug: string) =>
  `${publicUrl}/s/${encodeURIComponent(slug)}#token=`;

export type DeliveryContext = {
  deps: Pick<Deps, 'jobs' | 'config'>;
  tx: Queryable;
  tenant: { id: string; slug: string };
  /** Who the bell entries name as their sender; null for what the network sends by itself (a pulse). */
  actor: { membershipId: string | null };
};

/** One language's mail. `{{name}}` becomes the recipient's name, `{{unsubscribeUrl}}` their own stop link. */
export type DeliveryMailText = { subject: string; text: string; html?: string | undefined };

export type Delivery = {
  programme: { kind: string; id: string };
  spec: AudienceSpec;
  purpose: ConsentPurpose;
  channels: readonly DeliveryChannel[];
  /** The bell entry members get in the app (a kind from notification_kinds, its target and data). */
  notification?: { kind: string; targetType: string; targetId: string; data?: Record<string, string> };
  /** The mail in each language; records that have not joined get the Japanese one. */
  mail?: Record<'ja' | 'en', DeliveryMailText>;
  /** The Web Push message in each language and the app path it opens (members' devices only). */
  push?: { text: Record<'ja' | 'en', { title: string; body: string }>; url: string };
  /**
   * A join link for registry records that have not joined: each gets an invitation of their own (made
   * as HR's invitations make them, token stored hashed) and `{{join}}` in the mail becomes `block`, whose
   * `{{joinUrl}}` is their link. Members get nothing in its place.
   */
  join?: { invitedBy: string; block: { text: string; html: string } };
  /**
   * A survey to answer: `{{surveyUrl}}` in the mail becomes, for a member, the survey in the app and, for
   * a record that has not joined, a single-use link of its own (survey_invitations, token stored hashed).
   */
  survey?: { id: string };
  /** Narrows the audience to those who left in this range (see AudienceOptions.leftBetween). */
  leftBetween?: { from: string; to: string };
  /**
   * Narrows the audience further by a condition over its row `n` (audience columns such as
   * `n.membership_id`, `n.record_id`): a survey reminder reaches only those asked who have not answered.
   */
  only?: SQL;
  /**
   * Count opens and clicks: each e-mail recipient gets a random token of their own (only its hash is
   * kept, in programme_mail_tracking) and `{{trackUrl}}` in the mail becomes their tracking address.
   */
  tracked?: boolean;
};

export type DeliveryResult = {
  inApp: { delivered: number };
  email: { queued: number };
  push: { devices: number };
};

const footer: Record<'ja' | 'en', { text: string; html: string }> = {
  ja: {
    text: '\n\n--\nこのお知らせの配信停止（ワンクリック、サインイン不要）: {{unsubscribeUrl}}\n',
    html: '<p style="font-size:12px;color:#666">このお知らせの配信停止（ワンクリック、サインイン不要）: <a href="{{unsubscribeUrl}}">配信を停止する</a></p>',
  },
  en: {
    text: '\n\n--\nStop these mails (one click, no sign-in): {{unsubscribeUrl}}\n',
    html: '<p style="font-size:12px;color:#666">Stop these mails (one click, no sign-in): <a href="{{unsubscribeUrl}}">unsubscribe</a></p>',
  },
};

/** Every mail carries its stop link: the template's own, or the footer added here. */
function withFooter(locale: 'ja' | 'en', mail: DeliveryMailText): DeliveryMailText {
  const has = (body: string) => body.includes('{{unsubscribeUrl}}');
  return {
    subject: mail.subject,
    text: has(mail.text) ? mail.text : `${mail.text}${footer[locale].text}`,
    html:
      mail.html === undefined ? undefined : has(mail.html) ? mail.html : `${mail.html}${footer[locale].html}`,
  };
}

/** A body with the recipient's name and stop link put in, as SQL over the audience row `a` and key `k`. */
function filled(
  body: string,
  escapeHtml: boolean,
  unsubscribeUrl: SQL,
  joinUrl: SQL = sql`''`,
  surveyUrl: SQL = sql`''`,
  trackUrl: SQL = sql`''`,
): SQL {
  const name = escapeHtml
    ? sql`replace(replace(replace(replace(a.name, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;')`
    : sql`a.name`;
  return sql`replace(replace(replace(replace(replace(${body}::text, '{{name}}', ${name}), '{{unsubscribeUrl}}', ${unsubscribeUrl}), '{{joinUrl}}', ${joinUrl}), '{{surveyUrl}}', ${surveyUrl}), '{{trackUrl}}', ${trackUrl})`;
}

/** A body without its `{{join}}` (and the blank line before it): what members get. */
const withoutJoin = (body: string) => body.replaceAll('\n\n{{join}}', '').replaceAll('{{join}}', '');

/**
 * Delivers a programme to its audience, in the caller's transaction and set-based (a few statements
 * whatever the audience's size): one programme_deliveries row per recipient and channel, each keeping the
 * consent it relied on; a bell entry per member in the app; one outbox mail per e-mail recipient in the
 * bulk lane, with the RFC 8058 one-click headers and a stop link. A recipient already delivered to by a
 * channel is skipped (the unique key), so a second click or a retried job sends nothing more.
 */
export async function deliver(ctx: DeliveryContext, delivery: Delivery): Promise<DeliveryResult> {
  const result: DeliveryResult = { inApp: { delivered: 0 }, email: { queued: 0 }, push: { devices: 0 } };
  for (const channel of new Set(delivery.channels)) {
    const everyone = await audienceStatement(ctx, delivery.spec, {
      purpose: delivery.purpose,
      channel,
      kind: delivery.notification?.kind,
      leftBetween: delivery.leftBetween,
    });
    const audience = delivery.only ? sql`select n.* from (${everyone}) n where ${delivery.only}` : everyone;
    if (channel === 'inApp' && delivery.notification) {
      result.inApp.delivered = await deliverInApp(ctx, delivery, audience);
    }
    if (channel === 'email' && delivery.mail) {
      result.email.queued = await deliverMail(ctx, delivery, audience, delivery.mail);
    }
    if (channel === 'push' && delivery.push) {
      result.push.devices = await deliverPush(ctx, delivery, audience, delivery.push);
    }
  }
  if (result.email.queued > 0) await ctx.deps.jobs.wake(ctx.tx, laneQueues.bulk, { key: 'now' });
  return result;
}

async function deliverInApp(ctx: DeliveryContext, delivery: Delivery, audience: SQL): Promise<number> {
  const n = delivery.notification!;
  const tenantId = ctx.tenant.id;
  const [row] = await queryRows<{ n: number }>(
    ctx.tx,
    sql`with a as (${audience}),
      delivered as (
        insert into programme_deliveries (tenant_id, programme_kind, programme_id, recipient_id, recipient_kind,
          membership_id, channel, purpose, consent_event_id, notification_id)
        select ${tenantId}, ${delivery.programme.kind}, ${delivery.programme.id}, a.membership_id, 'member',
          a.membership_id, 'inApp', ${delivery.purpose}, a.consent_event_id, gen_random_uuid()
        from a where a.reason is null and a.person_kind = 'member'
        on conflict do nothing
        returning membership_id, notification_id),
      bell as (
        insert into notifications (tenant_id, id, recipient_id, kind, actor_id, target_type, target_id, data)
        select ${tenantId}, d.notification_id, d.membership_id, ${n.kind}, ${ctx.actor.membershipId},
          ${n.targetType}, ${n.targetId}::uuid, ${JSON.stringify(n.data ?? {})}::jsonb
        from delivered d
        returning 1)
      select count(*)::int as n from bell`,
  );
  return row?.n ?? 0;
}

async function deliverMail(
  ctx: DeliveryContext,
  delivery: Delivery,
  audience: SQL,
  mail: Record<'ja' | 'en', DeliveryMailText>,
): Promise<number> {
  const tenantId = ctx.tenant.id;
  const ja = withFooter('ja', mail.ja);
  const en = withFooter('en', mail.en);
  const urls = unsubscribeUrls(ctx.deps.config.publicUrl, ctx.tenant.slug);
  // The stop links as SQL over the key `k.token`: the page (in the body) and the one-click address.
  const pageUrl = sql`${urls.pagePrefix}::text || k.token`;
  const oneClickUrl = sql`${urls.oneClickPrefix}::text || k.token`;
  const join = delivery.join;
  const joinUrl = sql`${invitationLink(ctx.deps.config.publicUrl, ctx.tenant.slug, '')}::text || j.token`;
  const survey = delivery.survey;
  const surveyUrl = survey
    ? sql`case when l.token is not null
        then ${surveyLinkPrefix(ctx.deps.config.publicUrl, ctx.tenant.slug)}::text || l.token
        else ${`${ctx.deps.config.publicUrl}/t/${ctx.tenant.slug}/surveys/${survey.id}`}::text end`
    : sql`''`;
  const trackUrl = delivery.tracked
    ? sql`${trackingPrefix(ctx.deps.config.publicUrl, ctx.tenant.slug)}::text || t.token`
    : sql`''`;
  const pick = (field: 'subject' | 'text' | 'html', html: boolean) => {
    const jaBody = ja[field];
    const enBody = en[field];
    if (jaBody === undefined || enBody === undefined) return sql`null::text`;
    if (field === 'subject')
      return sql`case when a.locale = 'en' then ${enBody}::text else ${jaBody}::text end`;
    const members = sql`case when a.locale = 'en' then ${filled(withoutJoin(enBody), html, pageUrl, sql`''`, surveyUrl, trackUrl)}
      else ${filled(withoutJoin(jaBody), html, pageUrl, sql`''`, surveyUrl, trackUrl)} end`;
    if (!join) return members;
    // Records that have not joined always get the Japanese mail, with their own join link.
    const block = join.block[field === 'html' ? 'html' : 'text'];
    return sql`case when j.token is not null then ${filled(jaBody.replaceAll('{{join}}', block), html, pageUrl, joinUrl, surveyUrl, trackUrl)}
      else ${members} end`;
  };
  // One key per person and purpose, made on first use and reused by every later mail.
  await queryRows(
    ctx.tx,
    sql`with a as (${audience})
      insert into programme_unsubscribe_keys (tenant_id, token, recipient_id, recipient_kind, purpose)
      select ${tenantId}, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''),
        coalesce(a.membership_id, a.record_id), a.person_kind, ${delivery.purpose}
      from a where a.reason is null
      on conflict do nothing`,
  );
  const [row] = await queryRows<{ n: number }>(
    ctx.tx,
    sql`with a as (${audience}),
      delivered as (
        insert into programme_deliveries (tenant_id, programme_kind, programme_id, recipient_id, recipient_kind,
          membership_id, record_id, channel, purpose, consent_event_id, record_consent, outbox_mail_id)
        select ${tenantId}, ${delivery.programme.kind}, ${delivery.programme.id},
          coalesce(a.membership_id, a.record_id), a.person_kind, a.membership_id,
          case when a.person_kind = 'record' then a.record_id end, 'email', ${delivery.purpose},
          a.consent_event_id, a.record_consent, gen_random_uuid()
        from a where a.reason is null
        on conflict do nothing
        returning id, recipient_id, recipient_kind, outbox_mail_id),
      tracking as (
        select d.id as delivery_id, d.recipient_id,
          replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '') as token
        from delivered d where ${delivery.tracked ? sql`true` : sql`false`}),
      tracked as (
        insert into programme_mail_tracking (tenant_id, delivery_id, programme_kind, programme_id, token_hash)
        select ${tenantId}, t.delivery_id, ${delivery.programme.kind}, ${delivery.programme.id},
          encode(sha256(convert_to(t.token, 'UTF8')), 'hex')
        from tracking t
        returning 1),
      joining as (
        select d.recipient_id as record_id,
          replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '') as token
        from delivered d where ${join ? sql`d.recipient_kind = 'record'` : sql`false`}),
      invited as (
        insert into invitations (tenant_id, record_id, email, token_hash, locale, subject, body, source,
          invited_by, expires_at)
        select ${tenantId}, j.record_id, a.email, encode(sha256(convert_to(j.token, 'UTF8')), 'hex'), 'ja',
          ${ja.subject}, ${join?.block.text ?? ''}, 'staff', ${join?.invitedBy ?? null}::uuid,
          now() + make_interval(days => ${INVITATION_DAYS})
        from joining j join a on a.record_id = j.record_id and a.person_kind = 'record'
        returning 1),
      linking as (
        select d.recipient_id as record_id,
          replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '') as token
        from delivered d where ${survey ? sql`d.recipient_kind = 'record'` : sql`false`}),
      linked as (
        insert into survey_invitations (tenant_id, survey_id, record_id, token_hash)
        select ${tenantId}, ${survey?.id ?? null}::uuid, l.record_id,
          encode(sha256(convert_to(l.token, 'UTF8')), 'hex')
        from linking l
        on conflict (tenant_id, survey_id, record_id) do update set token_hash = excluded.token_hash
        returning 1),
      queued as (
        insert into mail_outbox (id, lane, recipient, subject, text_body, html_body, headers, state)
        select d.outbox_mail_id, 'bulk', a.email, ${pick('subject', false)}, ${pick('text', false)},
          ${pick('html', true)},
          jsonb_build_object('List-Unsubscribe', '<' || ${oneClickUrl} || '>',
            'List-Unsubscribe-Post', 'List-Unsubscribe=One-Click'),
          case when exists (select 1 from mail_suppressions s where s.email = lower(a.email))
            then 'suppressed' else 'pending' end
        from delivered d
        join a on coalesce(a.membership_id, a.record_id) = d.recipient_id
        left join joining j on j.record_id = d.recipient_id
        left join linking l on l.record_id = d.recipient_id
        left join tracking t on t.recipient_id = d.recipient_id
        join programme_unsubscribe_keys k on k.tenant_id = ${tenantId} and k.recipient_id = d.recipient_id
          and k.purpose = ${delivery.purpose}
        returning 1)
      select count(*)::int as n from queued`,
  );
  return row?.n ?? 0;
}

/**
 * One push.send job per device of each member reached by push (the audience already requires a
 * subscribed device, the consent and the member's choice for the kind). Only the recipients not yet
 * delivered to by push are sent to; the jobs are queued in the caller's transaction.
 */
async function deliverPush(
  ctx: DeliveryContext,
  delivery: Delivery,
  audience: SQL,
  push: NonNullable<Delivery['push']>,
): Promise<number> {
  const tenantId = ctx.tenant.id;
  const devices = await queryRows<{ id: string; locale: 'ja' | 'en' }>(
    ctx.tx,
    sql`with a as (${audience}),
      delivered as (
        insert into programme_deliveries (tenant_id, programme_kind, programme_id, recipient_id, recipient_kind,
          membership_id, channel, purpose, consent_event_id)
        select ${tenantId}, ${delivery.programme.kind}, ${delivery.programme.id}, a.membership_id, 'member',
          a.membership_id, 'push', ${delivery.purpose}, a.consent_event_id
        from a where a.reason is null and a.person_kind = 'member'
        on conflict do nothing
        returning membership_id)
      select ps.id, a.locale from delivered d
      join a on a.membership_id = d.membership_id
      join push_subscriptions ps on ps.tenant_id = ${tenantId} and ps.membership_id = d.membership_id`,
  );
  for (const device of devices) {
    const text = push.text[device.locale === 'en' ? 'en' : 'ja'];
    await ctx.deps.jobs.send(ctx.tx, 'push.send', {
      tenantId,
      subscriptionId: device.id,
      payload: { ...text, url: push.url, tag: `${delivery.programme.kind}:${delivery.programme.id}` },
    });
  }
  return devices.length;
}
