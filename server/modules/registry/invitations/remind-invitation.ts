import { and, eq } from 'drizzle-orm';
import { invitations, tenants } from '../../../db/schema/index.js';
import { inTenant } from '../../../db/scope.js';
import type { Deps } from '../../../platform/http/env.js';
import { queueMail } from '../../../platform/mail/queue-mail.js';
import { findRecord } from '../records.js';
import { displayName, invitationBlocker, renderInvitation } from './invitation-rules.js';
import { invitationLink } from './send-invitations.js';

/** The one scheduled reminder: sent only if the person has not joined and may still be contacted. */
export async function remindInvitation(
  deps: Deps,
  data: { tenantId: string; invitationId: string; token: string },
) {
  const [tenant] = await deps.database.db.select().from(tenants).where(eq(tenants.id, data.tenantId));
  if (!tenant) return;
  await inTenant(deps.database.db, tenant.id, async (tx) => {
    const [invitation] = await tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.tenantId, tenant.id), eq(invitations.id, data.invitationId)));
    if (!invitation || invitation.remindedAt || !['sent', 'opened'].includes(invitation.status)) return;
    if (invitation.expiresAt < new Date()) return;
    const record = await findRecord(tx, tenant.id, invitation.recordId);
    if (invitationBlocker(record, { allowReinvite: true })) return;
    const mail = renderInvitation(
      { subject: invitation.subject, body: invitation.body },
      {
        name: displayName(record),
        company: invitation.locale === 'ja' ? tenant.nameJa : tenant.nameEn,
        link: invitationLink(deps.config.publicUrl, tenant.slug, data.token),
      },
    );
    const prefix = invitation.locale === 'ja' ? '【再送】' : 'Reminder: ';
    await queueMail(deps.jobs, tx, {
      to: invitation.email,
      subject: `${prefix}${mail.subject}`,
      text: mail.text,
    });
    await tx
      .update(invitations)
      .set({ remindedAt: new Date() })
      .where(and(eq(invitations.tenantId, tenant.id), eq(invitations.id, invitation.id)));
  });
}
