import { z } from '@hono/zod-openapi';
import { proposalCategories, proposalStatuses } from '../../db/schema/index.js';
import type { ProposalRow } from './read-proposals.js';
import type { MemberProposal } from './send-proposals.js';

const ProposalBase = {
  id: z.string().uuid(),
  title: z.string(),
  body: z.string(),
  category: z.enum(proposalCategories).nullable(),
  status: z.enum(proposalStatuses),
  public: z.boolean(),
  reply: z.object({ text: z.string(), at: z.string().datetime() }).nullable(),
  supports: z.number().int(),
  createdAt: z.string().datetime(),
};

/** What a member sees: never who sent a proposal (not even their own name back), never staff notes. */
export const MemberProposalSchema = z
  .object({
    ...ProposalBase,
    supportedByMe: z.boolean(),
    mine: z.boolean(),
    /** Only on the member's own proposals: whether they sent it anonymously. */
    anonymous: z.boolean(),
  })
  .openapi('MemberProposal');

export const StaffProposalSchema = z
  .object({
    ...ProposalBase,
    /** The sender; null when sent anonymously (nothing leads to them). */
    author: z.object({ membershipId: z.string().uuid(), displayName: z.string() }).nullable(),
    internalNotes: z.string(),
    updatedAt: z.string().datetime(),
  })
  .openapi('StaffProposal');

const reply = (row: ProposalRow) =>
  row.publicReply && row.repliedAt ? { text: row.publicReply, at: row.repliedAt.toISOString() } : null;

function base(row: ProposalRow) {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    category: row.category,
    status: row.status,
    public: row.isPublic,
    reply: reply(row),
    supports: row.supports,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentMemberProposal(row: MemberProposal): z.infer<typeof MemberProposalSchema> {
  return {
    ...base(row),
    supportedByMe: row.supportedByMe,
    mine: row.mine,
    anonymous: row.mine && row.authorId === null,
  };
}

export function presentStaffProposal(row: ProposalRow): z.infer<typeof StaffProposalSchema> {
  return {
    ...base(row),
    author:
      row.authorId && row.authorName !== null
        ? { membershipId: row.authorId, displayName: row.authorName }
        : null,
    internalNotes: row.internalNotes,
    updatedAt: row.updatedAt.toISOString(),
  };
}
