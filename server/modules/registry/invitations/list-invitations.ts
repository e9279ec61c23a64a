import { and, asc, desc, eq } from 'drizzle-orm';
import { alumniRecords, invitations, invitationTemplates } from '../../../db/schema/index.js';
import type { RegistryContext } from '../context.js';

export function listInvitations(ctx: RegistryContext, recordId?: string) {
  return ctx.tx
    .select({
      id: invitations.id,
      recordId: invitations.recordId,
      familyName: alumniRecords.familyName,
      givenName: alumniRecords.givenName,
      email: invitations.email,
      status: invitations.status,
      source: invitations.source,
      createdAt: invitations.createdAt,
      openedAt: invitations.openedAt,
      joinedAt: invitations.joinedAt,
      reminderAt: invitations.reminderAt,
      remindedAt: invitations.remindedAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .innerJoin(
      alumniRecords,
      and(eq(alumniRecords.tenantId, invitations.tenantId), eq(alumniRecords.id, invitations.recordId)),
    )
    .where(
      and(eq(invitations.tenantId, ctx.tenant.id), recordId ? eq(invitations.recordId, recordId) : undefined),
    )
    .orderBy(desc(invitations.createdAt))
    .limit(200);
}

export function listInvitationTemplates(ctx: RegistryContext) {
  return ctx.tx
    .select()
    .from(invitationTemplates)
    .where(eq(invitationTemplates.tenantId, ctx.tenant.id))
    .orderBy(asc(invitationTemplates.name));
}
