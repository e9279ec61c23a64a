import { z } from '@hono/zod-openapi';
import { leftOutReasons } from './resolve-audience.js';
import type { AudienceSummary } from './summarise-audience.js';

export const AudiencePreviewSchema = z
  .object({
    reached: z.number().int(),
    reachedMembers: z.number().int(),
    reachedRecords: z.number().int(),
    leftOut: z.array(
      z.object({
        reason: z.enum(leftOutReasons),
        count: z.number().int(),
        /** A few names, for staff to recognise who is behind the count. */
        sample: z.array(z.string()),
      }),
    ),
  })
  .openapi('AudiencePreview');
export type AudiencePreview = z.infer<typeof AudiencePreviewSchema>;

/** Counts and names only: no addresses, no record ids, no consent details leave the server here. */
export function presentAudiencePreview(summary: AudienceSummary): AudiencePreview {
  return {
    reached: summary.reached,
    reachedMembers: summary.reachedMembers,
    reachedRecords: summary.reachedRecords,
    leftOut: summary.leftOut.map(({ reason, count, sample }) => ({ reason, count, sample: [...sample] })),
  };
}
