import { z } from '@hono/zod-openapi';
import { proposalCategories, proposalStatuses } from '../../db/schema/index.js';

export const ProposalInputSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(120),
    body: z.string().trim().min(1).max(4000),
    category: z.enum(proposalCategories).nullable().default(null),
    /** Sent anonymously, staff see the proposal but never who sent it. */
    anonymous: z.boolean().default(false),
  })
  .openapi('ProposalInput');
export type ProposalInput = z.infer<typeof ProposalInputSchema>;

export const ProposalTriageSchema = z
  .strictObject({
    status: z.enum(proposalStatuses).optional(),
    public: z.boolean().optional(),
    /** The company's answer: shown to the sender, and to every member once the proposal is public. */
    publicReply: z.string().trim().max(4000).optional(),
    internalNotes: z.string().trim().max(4000).optional(),
  })
  .refine((input) => Object.keys(input).length > 0, { message: 'Nothing to change' })
  .openapi('ProposalTriage');
export type ProposalTriage = z.infer<typeof ProposalTriageSchema>;

export const MemberProposalListQuerySchema = z.object({
  view: z
    .enum(['mine', 'public'])
    .default('mine')
    .openapi({ description: 'My own proposals, or the public ones' }),
});

export const StaffProposalListQuerySchema = z.object({
  status: z.enum(proposalStatuses).optional(),
});

export const ProposalExportQuerySchema = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .openapi({
      description: 'The month the proposals were received, YYYY-MM (Japan time)',
      example: '2026-12',
    }),
  encoding: z.enum(['utf8', 'cp932']).default('utf8'),
});
