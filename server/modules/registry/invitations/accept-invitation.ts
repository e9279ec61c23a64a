import { and, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import type { AppTransaction } from '../../../db/client.js';
import { alumniRecords, invitations, memberships, tenants } from '../../../db/schema/index.js';
import { enterTenant } from '../../../db/scope.js';
import { recordAudit } from '../../../platform/audit.js';
import { startSession } from '../../../platform/auth/sessions.js';
import { AppError } from '../../../platform/errors.js';
import type { AppEnv } from '../../../platform/http/env.js';
import { createProfile } from '../../community/profiles.js';
import { findOrCreateAccount } from '../../tenancy/create-tenant.js';
import { isExcluded } from '../record-values.js';
import { findRecord, writeHistory } from '../records.js';
import { displayName } from './invitation-rules.js';
import { invitationTokenHash } from './send-invitations.js';

// Unknown, expired, revoked and excluded all read the same, so a link reveals nothing about a record.
const invalidInvitation = () => new AppError(404, 'invitation_invalid');

async function loadInvitation(tx: AppTransaction, slug: string, token: string) {
  const [tenant] = await tx.select().from(tenants).where(eq(tenants.slug, slug));
  if (!tenant) throw invalidInvitation();
  await enterTenant(tx, tenant.id);
  const [invitation] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.tenantId, tenant.id), eq(invitations.tokenHash, invitationTokenHash(token))));
  if (
    !invitation ||
    invitation.status === 'revoked' ||
    invitation.status === 'declined' ||
    invitation.expiresAt < new Date()
  )
    throw invalidInvitation();
  const record = await findRecord(tx, tenant.id, invitation.recordId);
  if (isExcluded(record)) throw invalidInvitation();
  return { tenant, invitation, record };
}

/** What the invitation page shows; the first open is tracked. */
export async function openInvitation(tx: AppTransaction, slug: string, token: string) {
  const { tenant, invitation, record } = await loadInvitation(tx, slug, token);
  if (invitation.status === 'sent') {
    await tx
      .update(invitations)
      .set({ status: 'opened', openedAt: new Date() })
      .where(and(eq(invitations.tenantId, tenant.id), eq(invitations.id, invitation.id)));
  }
  return { tenant, invitation, record };
}

/**
 * One click: the e-mailed token proves the address, so the person gets an account (or their existing one),
 * an alumnus membership linked to their record, and a session.
 */
export async function acceptInvitation(c: Context<AppEnv>, tx: AppTransaction, slug: string, token: string) {
  const { tenant, invitation, record } = await loadInvitation(tx, slug, token);
  const name = displayName(record);
  const account = await findOrCreateAccount(tx, { email: invitation.email, displayName: name });
  const [existing] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenant.id), eq(memberships.accountId, account.id)));
  if (existing?.status === 'suspended') throw invalidInvitation();
  const [membership] = existing
    ? existing.status === 'removed'
      ? await tx
          .update(memberships)
          .set({ status: 'active', role: 'alumnus' })
          .where(and(eq(memberships.tenantId, tenant.id), eq(memberships.id, existing.id)))
          .returning()
      : [existing]
    : await tx
        .insert(memberships)
        .values({ tenantId: tenant.id, accountId: account.id, role: 'alumnus', displayName: name })
        .returning();
  if (record.membershipId !== membership!.id || record.status !== 'joined') {
    await tx
      .update(alumniRecords)
      .set({ membershipId: membership!.id, status: 'joined', updatedAt: new Date() })
      .where(and(eq(alumniRecords.tenantId, tenant.id), eq(alumniRecords.id, record.id)));
    await writeHistory(tx, {
      tenantId: tenant.id,
      recordId: record.id,
      actorMembershipId: membership!.id,
      source: 'invitation',
      changes: { status: [record.status, 'joined'], membershipId: [record.membershipId, membership!.id] },
    });
  }
  if (invitation.status !== 'joined') {
    await tx
      .update(invitations)
      // A reminder is for people who have not joined: none stays scheduled once they have.
      .set({
        status: 'joined',
        joinedAt: new Date(),
        openedAt: invitation.openedAt ?? new Date(),
        reminderAt: null,
      })
      .where(and(eq(invitations.tenantId, tenant.id), eq(invitations.id, invitation.id)));
    await recordAudit(tx, {
      tenantId: tenant.id,
      actorMembershipId: membership!.id,
      action: 'invitation.accepted',
      targetType: 'alumni_record',
      targetId: record.id,
    });
  }
  // The profile starts with the reading HR holds; set-up (consent first) follows on the welcome screens.
  await createProfile(tx, tenant.id, membership!.id, `${record.familyNameKana} ${record.givenNameKana}`);
  await startSession(c, tx, account.id, 'invitation');
  return { redirectTo: `/t/${tenant.slug}/welcome`, accountId: account.id };
}

/** "Not for me": the record is marked declined, so nobody invites the person again by accident. */
export async function declineInvitation(tx: AppTransaction, slug: string, token: string) {
  const { tenant, invitation, record } = await loadInvitation(tx, slug, token);
  if (invitation.status === 'joined' || record.status === 'joined') throw invalidInvitation();
  await tx
    .update(invitations)
    .set({ status: 'declined', openedAt: invitation.openedAt ?? new Date(), reminderAt: null })
    .where(and(eq(invitations.tenantId, tenant.id), eq(invitations.id, invitation.id)));
  await tx
    .update(alumniRecords)
    .set({ status: 'declined', updatedAt: new Date() })
    .where(and(eq(alumniRecords.tenantId, tenant.id), eq(alumniRecords.id, record.id)));
  await writeHistory(tx, {
    tenantId: tenant.id,
    recordId: record.id,
    actorMembershipId: null,
    source: 'invitation',
    changes: { status: [record.status, 'declined'] },
  });
  await recordAudit(tx, {
    tenantId: tenant.id,
    actorMembershipId: null,
    action: 'invitation.declined',
    targetType: 'alumni_record',
    targetId: record.id,
  });
}
