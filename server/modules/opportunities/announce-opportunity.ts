import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows } from '../../db/raw.js';
import { alumniRecords } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { conflict } from '../../platform/errors.js';
import { audienceStatement } from '../programmes/audience/resolve-audience.js';
import { deliver } from '../programmes/delivery/deliver.js';
import { invitationBlocker } from '../registry/invitations/invitation-rules.js';
import { issueInvitation } from '../registry/invitations/send-invitations.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import { announcementInvitation, announcementMail, announcementPush } from './announcement-text.js';
import { audienceOf } from './opportunity-audience.js';
import { findOpportunity, type OpportunityRow } from './write-opportunities.js';

export type AnnouncementResult = { inApp: number; email: number; push: number; invited: number };

const purpose = 'company_contact' as const;

/**
 * Announces an open opportunity to its audience: in the app to everyone it is meant for; by e-mail and
 * push to members who consented to company contact (company_contact) and did not turn this kind off;
 * and, when the audience includes records, an invitation to join and read it to records with that
 * consent who have not joined. The exclusion list applies to all of them (the audience statement).
 * Every recipient is recorded once per channel, so announcing again reaches only people added since.
 */
export async function announceOpportunity(
  ctx: TenantServiceContext,
  id: string,
): Promise<AnnouncementResult> {
  const row = await findOpportunity(ctx, id);
  if (row.status !== 'open') throw conflict('opportunity_not_announceable');
  const spec = audienceOf(row);
  const path = `/t/${ctx.tenant.slug}/opportunities/${row.id}`;
  const delivered = await deliver(ctx, {
    programme: { kind: 'opportunity', id: row.id },
    // Records are invited below rather than sent the members' mail.
    spec: { ...spec, records: false },
    purpose,
    channels: ['inApp', 'email', 'push'],
    notification: {
      kind: 'opportunity_announced',
      targetType: 'opportunity',
      targetId: row.id,
      data: { title: row.title },
    },
    mail: announcementMail(ctx.tenant, row, `${ctx.deps.config.publicUrl}${path}`),
    push: { text: announcementPush(ctx.tenant, row), url: path },
  });
  const invited = spec.records ? await inviteRecords(ctx, row) : 0;
  const result = {
    inApp: delivered.inApp.delivered,
    email: delivered.email.queued,
    push: delivered.push.devices,
    invited,
  };
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action: 'opportunity.announced',
    targetType: 'opportunity',
    targetId: row.id,
    data: result,
    ipAddress: ctx.ipAddress,
  });
  return result;
}

/**
 * Records in the audience with contact consent who have not joined (or declined an invitation) get a
 * registry invitation naming the opportunity. The delivery row is written first, unique per record,
 * so a second announcement invites only records that were not invited for this opportunity before.
 */
async function inviteRecords(ctx: TenantServiceContext, row: OpportunityRow): Promise<number> {
  const spec = { ...audienceOf(row), members: false, includeEmployees: false, records: true };
  const audience = await audienceStatement(ctx, spec, { purpose, channel: 'email' });
  const tenantId = ctx.tenant.id;
  const fresh = await queryRows<{ record_id: string }>(
    ctx.tx,
    sql`with a as (${audience})
      insert into programme_deliveries (tenant_id, programme_kind, programme_id, recipient_id, recipient_kind,
        record_id, channel, purpose, record_consent)
      select ${tenantId}, 'opportunity', ${row.id}, a.record_id, 'record', a.record_id, 'email', ${purpose},
        a.record_consent
      from a join alumni_records r on r.tenant_id = ${tenantId} and r.id = a.record_id
      where a.reason is null and a.person_kind = 'record' and r.status not in ('declined', 'joined')
      on conflict do nothing
      returning record_id`,
  );
  if (fresh.length === 0) return 0;
  const records = await ctx.tx
    .select()
    .from(alumniRecords)
    .where(
      and(
        eq(alumniRecords.tenantId, tenantId),
        inArray(
          alumniRecords.id,
          fresh.map((f) => f.record_id),
        ),
      ),
    );
  const template = announcementInvitation(row);
  let invited = 0;
  for (const record of records) {
    // The registry's own rule, checked again on the row itself (the exclusion list comes first).
    if (invitationBlocker(record, { allowReinvite: true })) continue;
    await issueInvitation(ctx.deps, ctx.tx, ctx.tenant, record, {
      locale: 'ja',
      template,
      invitedBy: ctx.actor.membershipId,
      source: 'staff',
    });
    invited += 1;
  }
  return invited;
}
