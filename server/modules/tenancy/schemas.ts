import { z } from '@hono/zod-openapi';
import { roles } from '../../db/schema/index.js';
import { auditActions, auditTargetTypes } from '../../platform/audit-actions.js';
import { EmailSchema, LocaleSchema } from '../../platform/auth/schemas.js';

export const RoleSchema = z.enum(roles);
export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/, { message: 'field_invalid_slug' })
  .openapi({ example: 'demo' });
const NameSchema = z.string().trim().min(1).max(100);

export const TenantParamSchema = z.object({ slug: SlugSchema });
export const MemberParamSchema = z.object({ slug: SlugSchema, id: z.uuid() });

export const TenantSchema = z
  .object({ slug: z.string(), nameJa: z.string(), nameEn: z.string() })
  .openapi('Tenant');
export const TenantSettingsSchema = TenantSchema.extend({
  employeesMayJoin: z.boolean(),
  joinRequestsOpen: z.boolean(),
  autoApproveJoinRequests: z.boolean(),
  /** The sender newsletters name (特定電子メール法): empty means the network's name. */
  senderName: z.string(),
  /** The sender's postal address, shown in every newsletter; newsletters cannot be sent without it. */
  senderAddress: z.string(),
  /** Where recipients can reach the sender (an address, a phone number or a page). */
  senderContact: z.string(),
  /** Whether newsletters count opens and clicks (off unless staff turn it on); the mail then says so. */
  newsletterTracking: z.boolean(),
}).openapi('TenantSettings');
export const TenantSettingsUpdateSchema = z.strictObject({
  nameJa: NameSchema.optional(),
  nameEn: NameSchema.optional(),
  employeesMayJoin: z.boolean().optional(),
  joinRequestsOpen: z.boolean().optional(),
  autoApproveJoinRequests: z.boolean().optional(),
  senderName: z.string().trim().max(100).optional(),
  senderAddress: z.string().trim().max(300).optional(),
  senderContact: z.string().trim().max(200).optional(),
  newsletterTracking: z.boolean().optional(),
});

export const SignUpSchema = z.strictObject({
  networkNameJa: NameSchema,
  networkNameEn: NameSchema,
  slug: SlugSchema,
  ownerName: z.string().trim().min(1).max(80),
  email: EmailSchema,
  locale: LocaleSchema.optional(),
});

export const HomeSchema = z
  .object({
    tenant: TenantSchema,
    member: z.object({ id: z.uuid(), role: RoleSchema, displayName: z.string() }),
    memberCount: z.number().int(),
  })
  .openapi('Home');

export const MemberSchema = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    /** フリガナ from the member's profile (the list's 五十音 order); empty until they give one. */
    reading: z.string(),
    email: z.string(),
    role: RoleSchema,
    status: z.enum(['active', 'suspended', 'removed']),
    createdAt: z.string(),
  })
  .openapi('Member');

export const MemberListQuerySchema = z.object({
  role: RoleSchema.optional(),
  q: z.string().trim().max(100).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const MemberCreateSchema = z.strictObject({
  email: EmailSchema,
  displayName: z.string().trim().min(1).max(80),
  role: RoleSchema,
});

export const MemberUpdateSchema = z.strictObject({
  role: RoleSchema.optional(),
  status: z.enum(['active', 'suspended']).optional(),
  displayName: z.string().trim().min(1).max(80).optional(),
});

export const AuditQuerySchema = z.object({
  action: z.enum(auditActions).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const AuditEventSchema = z
  .object({
    id: z.uuid(),
    action: z.enum(auditActions),
    targetType: z.enum(auditTargetTypes),
    targetId: z.string().nullable(),
    /** The person, file, segment… the event is about, when it still exists. */
    targetName: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
    ipAddress: z.string(),
    createdAt: z.string(),
    actorName: z.string().nullable(),
  })
  .openapi('AuditEvent');
