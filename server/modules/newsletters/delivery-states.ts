import { type SQL, sql } from 'drizzle-orm';

/** A recipient's state as staff see it; `bounced` also covers an address that had bounced before. */
export const deliveryStatuses = ['queued', 'sent', 'failed', 'bounced', 'unsubscribed'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/**
 * One row per e-mail delivery of the given newsletters, with the recipient's state: unsubscribed (they
 * used a stop link since, or their mail was withheld because of it), else queued, sent, bounced (refused
 * for good, or an address that bounced before) or failed, as the outbox says. Columns: the delivery
 * (`d_*`), the outbox row's address and times, and `status`. Counts and the per-recipient list both read
 * it, so they never disagree.
 */
export function campaignDeliveryStates(tenantId: string, programmeKind: string, campaignIds: string[]): SQL {
  return sql`select d.id, d.programme_id, d.recipient_kind, d.membership_id, d.record_id,
      d.consent_event_id, d.record_consent, d.created_at as queued_at, o.recipient as email, o.sent_at,
      case
        when coalesce(o.last_error = 'unsubscribed'
          or exists (select 1 from programme_unsubscribe_keys k where k.tenant_id = d.tenant_id
            and k.recipient_id = d.recipient_id and k.purpose = d.purpose
            and (case when d.recipient_kind = 'member' then
              (select e.source = 'unsubscribe' and not e.granted and e.created_at >= d.created_at
                from consent_events e where e.tenant_id = d.tenant_id and e.membership_id = d.membership_id
                  and e.purpose = d.purpose order by e.created_at desc, e.id desc limit 1)
            else exists (select 1 from alumni_records r where r.tenant_id = d.tenant_id and r.id = d.record_id
              and r.contact_consent = 'withdrawn' and r.consent_source like 'unsubscribe%') end)), false)
          then 'unsubscribed'
        when o.state = 'pending' then 'queued'
        when o.state = 'sent' then 'sent'
        when o.state in ('bounced', 'suppressed') then 'bounced'
        else 'failed'
      end as status
    from programme_deliveries d
    join mail_outbox o on o.id = d.outbox_mail_id
    where d.tenant_id = ${tenantId} and d.programme_kind = ${programmeKind} and d.channel = 'email'
      and d.programme_id = any(${`{${campaignIds.join(',')}}`}::uuid[])`;
}
