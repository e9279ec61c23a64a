import { and, eq } from 'drizzle-orm';
import { opportunities } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, notFound } from '../../platform/errors.js';
import { renderMarkdown } from '../community/posts/render-markdown.js';
import { everyMember } from '../programmes/audience/audience-spec.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import type { NewOpportunity, OpportunityPatch } from './schemas.js';

export type OpportunityRow = typeof opportunities.$inferSelect;

/** Any opportunity of the network, drafts included (staff only; callers authorise). */
export async function findOpportunity(ctx: TenantServiceContext, id: string): Promise<OpportunityRow> {
  const [row] = await ctx.tx
    .select()
    .from(opportunities)
    .where(and(eq(opportunities.tenantId, ctx.tenant.id), eq(opportunities.id, id)));
  if (!row) throw notFound();
  return row;
}

function renderedBody(ctx: TenantServiceContext, body: string) {
  const text = body.trim();
  // The posts' Markdown subset and sanitiser: no raw HTML, no script, no javascript: link.
  return { body: text, bodyHtml: text ? renderMarkdown(text, ctx.tenant.slug) : '' };
}

export async function createOpportunity(ctx: TenantServiceContext, input: NewOpportunity) {
  const now = new Date();
  const [row] = await ctx.tx
    .insert(opportunities)
    .values({
      ...input,
      audience: input.audience ?? everyMember,
      ...renderedBody(ctx, input.body),
      tenantId: ctx.tenant.id,
      createdBy: ctx.actor.membershipId,
      openedAt: input.status === 'open' ? now : null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action: 'opportunity.created',
    targetType: 'opportunity',
    targetId: row!.id,
    data: { kind: row!.kind, status: row!.status, title: row!.title },
    ipAddress: ctx.ipAddress,
  });
  return row!;
}

export async function updateOpportunity(ctx: TenantServiceContext, id: string, patch: OpportunityPatch) {
  if (Object.keys(patch).length === 0) throw new AppError(422, 'nothing_to_change');
  const current = await findOpportunity(ctx, id);
  const now = new Date();
  const [row] = await ctx.tx
    .update(opportunities)
    .set({
      ...patch,
      ...(patch.body === undefined ? {} : renderedBody(ctx, patch.body)),
      // Members see it as new from the first time it opens, not from each re-opening.
      ...(patch.status === 'open' && !current.openedAt ? { openedAt: now } : {}),
      updatedAt: now,
    })
    .where(and(eq(opportunities.tenantId, ctx.tenant.id), eq(opportunities.id, id)))
    .returning();
  if (patch.status && patch.status !== current.status) {
    await recordAudit(ctx.tx, {
      tenantId: ctx.tenant.id,
      actorMembershipId: ctx.actor.membershipId,
      action: 'opportunity.status_changed',
      targetType: 'opportunity',
      targetId: id,
      data: { from: current.status, to: patch.status },
      ipAddress: ctx.ipAddress,
    });
  }
  return row!;
}
