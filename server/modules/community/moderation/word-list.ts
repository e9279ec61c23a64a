import { and, asc, eq } from 'drizzle-orm';
import { type ContentStatus, moderationWords } from '../../../db/schema/index.js';
import { recordAudit } from '../../../platform/audit.js';
import type { AuditAction } from '../../../platform/audit-actions.js';
import { AppError, conflict, notFound } from '../../../platform/errors.js';
import { searchKey } from '../../../platform/japanese/text.js';
import type { TenantServiceContext } from '../../tenancy/tenant-context.js';

/**
 * Checks text against the network's word list, folded the same way as search (width, kana, case), so
 * ＮＧ, ng and ｎｇ are one word. A "block" word refuses the text; a "hold" word sends it to moderators.
 */
export async function screenText(ctx: TenantServiceContext, text: string): Promise<ContentStatus> {
  const words = await ctx.tx
    .select({ word: moderationWords.word, action: moderationWords.action })
    .from(moderationWords)
    .where(eq(moderationWords.tenantId, ctx.tenant.id));
  if (words.length === 0) return 'published';
  const folded = searchKey(text);
  const hits = words.filter((w) => folded.includes(searchKey(w.word)));
  if (hits.some((w) => w.action === 'block')) throw new AppError(422, 'content_blocked');
  return hits.length > 0 ? 'held' : 'published';
}

export function listWords(ctx: TenantServiceContext) {
  return ctx.tx
    .select()
    .from(moderationWords)
    .where(eq(moderationWords.tenantId, ctx.tenant.id))
    .orderBy(asc(moderationWords.word));
}

export async function addWord(ctx: TenantServiceContext, word: string, action: 'block' | 'hold') {
  const [row] = await ctx.tx
    .insert(moderationWords)
    .values({ tenantId: ctx.tenant.id, word: word.trim(), action })
    .onConflictDoNothing()
    .returning();
  if (!row) throw conflict('word_exists');
  await auditWord(ctx, 'moderation.word_added', row);
  return row;
}

export async function removeWord(ctx: TenantServiceContext, id: string) {
  const [row] = await ctx.tx
    .delete(moderationWords)
    .where(and(eq(moderationWords.tenantId, ctx.tenant.id), eq(moderationWords.id, id)))
    .returning();
  if (!row) throw notFound();
  await auditWord(ctx, 'moderation.word_removed', row);
  return row;
}

function auditWord(
  ctx: TenantServiceContext,
  action: AuditAction,
  row: { id: string; word: string; action: string },
) {
  return recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action,
    targetType: 'moderation_word',
    targetId: row.id,
    data: { word: row.word, action: row.action },
    ipAddress: ctx.ipAddress,
  });
}
