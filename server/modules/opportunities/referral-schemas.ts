import { z } from '@hono/zod-openapi';
import { opportunityKinds } from '../../db/schema/index.js';
import { normaliseEmail } from '../../platform/japanese/contact.js';
import { tidySpaces } from '../../platform/japanese/text.js';

const Email = z
  .string()
  .max(254)
  .transform((value, ctx) => {
    const email = normaliseEmail(value);
    if (!email) ctx.addIssue({ code: 'custom', message: 'field_invalid_email' });
    return email ?? '';
  });

/** Another member (picked from the directory), or an outside person by name and address. */
export const ReferralInputSchema = z
  .strictObject({
    memberId: z.uuid().optional(),
    name: z.string().transform(tidySpaces).pipe(z.string().min(1).max(60)).optional(),
    email: Email.optional(),
    note: z.string().trim().max(500).default(''),
  })
  .superRefine((value, ctx) => {
    if (value.memberId !== undefined) {
      if (value.email !== undefined || value.name !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['email'], message: 'referral_member_or_address' });
      }
      return;
    }
    if (value.email === undefined)
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'field_required' });
    if (value.name === undefined) ctx.addIssue({ code: 'custom', path: ['name'], message: 'field_required' });
  })
  .openapi('ReferralInput');

export const ReferralReceivedSchema = z.object({ received: z.literal(true) }).openapi('ReferralReceived');

/** HR's view of a referral: who referred whom, and whether the one mail went out. */
export const ReferralSchema = z
  .object({
    id: z.uuid(),
    referrer: z.object({ id: z.uuid(), displayName: z.string() }),
    referred: z.object({
      member: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
      name: z.string(),
      email: z.string(),
    }),
    note: z.string(),
    mailed: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('OpportunityReferral');

export const ReferralListSchema = z
  .object({ referrals: z.array(ReferralSchema) })
  .openapi('OpportunityReferralList');

/** A member's own referral: whom, for what, when. No address, and not whether a mail went out. */
export const SentReferralSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    note: z.string(),
    createdAt: z.string(),
    opportunity: z.object({
      id: z.uuid(),
      title: z.string(),
      kind: z.enum(opportunityKinds),
      acceptsResponses: z.boolean(),
    }),
  })
  .openapi('SentOpportunityReferral');

export const SentReferralListSchema = z
  .object({ referrals: z.array(SentReferralSchema) })
  .openapi('SentOpportunityReferralList');
