import { createHmac, randomBytes } from 'node:crypto';
import { and, eq, or } from 'drizzle-orm';
import { proposalKeys, proposalSupports, proposals } from '../../db/schema/index.js';
import { conflict, notFound } from '../../platform/errors.js';
import type { TenantServiceContext } from '../tenancy/tenant-context.js';
import type { ProposalInput } from './proposal-schemas.js';
import { type ProposalRow, readProposals } from './read-proposals.js';

/**
 * The acting member's key as an anonymous sender: HMAC-SHA256(the network's proposal key, membership
 * id). Null when the network has no key yet (nobody has sent anonymously) and `create` is false.
 */
async function senderKey(ctx: TenantServiceContext, create: boolean): Promise<Uint8Array | null> {
  const read = () =>
    ctx.tx
      .select({ key: proposalKeys.key })
      .from(proposalKeys)
      .where(eq(proposalKeys.tenantId, ctx.tenant.id));
  let [row] = await read();
  if (!row && create) {
    // Two first anonymous proposals at once: one key is kept, and both read it back.
    await ctx.tx
      .insert(proposalKeys)
      .values({ tenantId: ctx.tenant.id, key: new Uint8Array(randomBytes(32)) })
      .onConflictDoNothing();
    [row] = await read();
  }
  if (!row) return null;
  return new Uint8Array(createHmac('sha256', row.key).update(ctx.actor.membershipId).digest());
}

const sameBytes = (a: Uint8Array | null, b: Uint8Array | null) =>
  a !== null && b !== null && a.length === b.length && a.every((byte, i) => byte === b[i]);

/** Whether the acting member sent this proposal, by name or anonymously. */
export function sentBy(row: ProposalRow, membershipId: string, key: Uint8Array | null): boolean {
  return row.authorId === membershipId || sameBytes(row.authorKey, key);
}

export type MemberProposal = ProposalRow & { mine: boolean };

/** A member sends a proposal or opinion to the company. */
export async function sendProposal(ctx: TenantServiceContext, input: ProposalInput): Promise<MemberProposal> {
  const key = input.anonymous ? await senderKey(ctx, true) : null;
  const [created] = await ctx.tx
    .insert(proposals)
    .values({
      tenantId: ctx.tenant.id,
      authorId: input.anonymous ? null : ctx.actor.membershipId,
      authorKey: key,
      title: input.title,
      body: input.body,
      category: input.category,
    })
    .returning({ id: proposals.id });
  return getMemberProposal(ctx, created!.id);
}

/** The member's own proposals, or the ones staff made public; newest first. */
export async function listMemberProposals(
  ctx: TenantServiceContext,
  view: 'mine' | 'public',
): Promise<MemberProposal[]> {
  const key = await senderKey(ctx, false);
  const mine = key
    ? or(eq(proposals.authorId, ctx.actor.membershipId), eq(proposals.authorKey, key))
    : eq(proposals.authorId, ctx.actor.membershipId);
  const rows = await readProposals(ctx, view === 'mine' ? mine : eq(proposals.isPublic, true));
  return rows.map((row) => ({ ...row, mine: sentBy(row, ctx.actor.membershipId, key) }));
}

/** One proposal the member sent or staff made public (404 otherwise, as if it did not exist). */
export async function getMemberProposal(ctx: TenantServiceContext, id: string): Promise<MemberProposal> {
  const key = await senderKey(ctx, false);
  const [row] = await readProposals(ctx, eq(proposals.id, id), 1);
  if (!row) throw notFound();
  const mine = sentBy(row, ctx.actor.membershipId, key);
  if (!mine && !row.isPublic) throw notFound();
  return { ...row, mine };
}

/** Supports (賛同) a public proposal of someone else, or takes the support back. Idempotent. */
export async function supportProposal(
  ctx: TenantServiceContext,
  id: string,
  support: boolean,
): Promise<MemberProposal> {
  const proposal = await getMemberProposal(ctx, id);
  if (proposal.mine) throw conflict('proposal_own');
  if (!proposal.isPublic) throw notFound();
  const where = and(
    eq(proposalSupports.tenantId, ctx.tenant.id),
    eq(proposalSupports.proposalId, id),
    eq(proposalSupports.membershipId, ctx.actor.membershipId),
  );
  if (support) {
    await ctx.tx
      .insert(proposalSupports)
      .values({ tenantId: ctx.tenant.id, proposalId: id, membershipId: ctx.actor.membershipId })
      .onConflictDoNothing();
  } else {
    await ctx.tx.delete(proposalSupports).where(where);
  }
  return getMemberProposal(ctx, id);
}
