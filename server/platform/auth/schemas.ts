import { z } from '@hono/zod-openapi';

export const LocaleSchema = z.enum(['ja', 'en']);
export const EmailSchema = z
  .string()
  .trim()
  .pipe(z.email().max(254))
  .openapi({ type: 'string', format: 'email', example: 'sato@example.jp' });

export const AccountSchema = z
  .object({ id: z.uuid(), email: z.string(), displayName: z.string(), locale: LocaleSchema })
  .openapi('Account');

export const MembershipSummarySchema = z
  .object({
    tenant: z.object({ slug: z.string(), nameJa: z.string(), nameEn: z.string() }),
    role: z.enum(['owner', 'admin', 'moderator', 'employee', 'alumnus']),
    displayName: z.string(),
  })
  .openapi('MembershipSummary');

export const SessionStateSchema = z
  .object({
    signedIn: z.boolean(),
    account: AccountSchema.nullable(),
    memberships: z.array(MembershipSummarySchema),
    devMailbox: z.boolean(),
  })
  .openapi('SessionState');

export const MagicLinkRequestSchema = z.strictObject({
  email: EmailSchema,
  redirectTo: z.string().max(500).optional(),
});

export const VerifyRequestSchema = z.strictObject({ token: z.string().min(10).max(200) });
export const VerifyResponseSchema = z.object({ redirectTo: z.string(), account: AccountSchema });

export const AccountUpdateSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(80).optional(),
  locale: LocaleSchema.optional(),
});

export const SessionSchema = z
  .object({
    id: z.uuid(),
    method: z.string(),
    userAgent: z.string(),
    ipAddress: z.string(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    current: z.boolean(),
  })
  .openapi('Session');

export const PasskeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    backedUp: z.boolean(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
  })
  .openapi('Passkey');

/** WebAuthn JSON produced by the browser; @simplewebauthn/server checks it in depth. */
const CredentialResponseSchema = z
  .object({ id: z.string().max(1024), rawId: z.string().max(1024), type: z.literal('public-key') })
  .loose();

export const PasskeyOptionsResponseSchema = z.object({
  challengeId: z.uuid(),
  options: z.record(z.string(), z.unknown()),
});
export const PasskeyRegisterSchema = z.strictObject({
  challengeId: z.uuid(),
  name: z.string().trim().min(1).max(60),
  response: CredentialResponseSchema,
});
export const PasskeySignInSchema = z.strictObject({
  challengeId: z.uuid(),
  response: CredentialResponseSchema,
});
export const IdParamSchema = z.object({ id: z.string().min(1).max(1024) });
export const OkSchema = z.object({ ok: z.literal(true) });
