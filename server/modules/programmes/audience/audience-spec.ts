import { z } from '@hono/zod-openapi';
import { intents } from '../../../db/schema/index.js';

/**
 * Who a programme (an opportunity, an article, an event, a survey, a newsletter) is meant for. Every
 * programme stores one of these and reuses the same rules: the member-facing lists ask
 * audienceAdmitsMember, and sending resolves it over the whole network in SQL (resolveAudience).
 *
 * Fields may be added (optional, with defaults), never renamed or removed: stored specs are re-read
 * through this schema.
 */
export const AudienceSpecSchema = z
  .object({
    /** Members of the network (alumni). */
    members: z.boolean().default(true),
    /** Also members whose role is employee; staff roles are never recipients unless this is set. */
    includeEmployees: z.boolean().default(false),
    /** Registry records that have not joined: reachable by e-mail only, with contact consent. */
    records: z.boolean().default(false),
    /** A registry segment; members count through their linked record. */
    segmentId: z.uuid().nullable().default(null),
    /** Members whose profile intents include any of these. */
    openTo: z.array(z.enum(intents)).max(intents.length).default([]),
    /** Only people whose record says would_return = 'yes'. */
    wouldReturn: z.boolean().default(false),
    /** Only members of this community group. */
    groupId: z.uuid().nullable().default(null),
    /**
     * Only members going quiet: active in the 60 days before the last 30, not in the last 30
     * (server/modules/outcomes/engagement/going-quiet.ts). Members only: records were never active.
     */
    goingQuiet: z.boolean().default(false),
    /** Only members checked in at this event (its attendees): a post-event survey's audience. */
    attendedEventId: z.uuid().nullable().default(null),
  })
  .strict()
  .openapi('AudienceSpec');
export type AudienceSpec = z.infer<typeof AudienceSpecSchema>;
/** A spec as a client may send it: every field optional, defaults filled in by the schema. */
export type AudienceSpecInput = z.input<typeof AudienceSpecSchema>;

/** Everyone in the network who is a member (alumni), and nothing narrower. */
export const everyMember: AudienceSpec = AudienceSpecSchema.parse({});

/** A spec that reaches nobody: what a stored spec that no longer parses falls back to. */
export const nobody: AudienceSpec = { ...everyMember, members: false };

/**
 * A programme's stored spec, read back through the schema (fields added later take their defaults).
 * None stored means every member; one that no longer parses admits nobody rather than everybody.
 */
export function storedAudience(stored: unknown): AudienceSpec {
  if (stored === null || stored === undefined) return everyMember;
  const parsed = AudienceSpecSchema.safeParse(stored);
  return parsed.success ? parsed.data : nobody;
}
