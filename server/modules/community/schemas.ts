import { z } from '@hono/zod-openapi';
import { consentPurposes, intents, profileFields, visibilityLevels } from '../../db/schema/index.js';
import { SlugSchema } from '../tenancy/schemas.js';

export const MemberParamSchema = z.object({ slug: SlugSchema, id: z.uuid() });
export const HashtagParamSchema = z.object({ slug: SlugSchema, tag: z.string().min(1).max(80) });

const VisibilitySchema = z.enum(visibilityLevels);
const IntentSchema = z.enum(intents);
const text = (max: number) => z.string().max(max);
const HttpUrlSchema = z
  .string()
  .trim()
  .max(500)
  .regex(/^https?:\/\/[^\s]+$/i, { message: 'field_invalid_url' });
const YearMonthSchema = z.string().regex(/^\d{4}(-\d{2})?$/, { message: 'field_invalid_format' });

export const ConsentChoicesSchema = z
  .strictObject({
    companyNews: z.boolean(),
    listedInDirectory: z.boolean(),
    companyContact: z.boolean(),
    policyVersion: z.string().min(1).max(40),
  })
  .openapi('ConsentChoices');

export const ProfileUpdateSchema = z
  .strictObject({
    displayName: z.string().trim().min(1).max(80).optional(),
    displayNameKana: text(80).optional(),
    currentCompany: text(120).optional(),
    currentTitle: text(120).optional(),
    career: z
      .array(
        z.strictObject({
          company: z.string().trim().min(1).max(120),
          title: text(120).optional(),
          from: YearMonthSchema.optional(),
          to: YearMonthSchema.optional(),
        }),
      )
      .max(20)
      .optional(),
    intents: z.array(IntentSchema).max(intents.length).optional(),
    bio: text(2000).optional(),
    links: z
      .array(z.strictObject({ label: z.string().trim().min(1).max(60), url: HttpUrlSchema }))
      .max(5)
      .optional(),
    hashtags: z.array(z.string().max(80)).max(30).optional(),
    visibility: z.partialRecord(z.enum(profileFields), VisibilitySchema).optional(),
    acceptsMessages: z.boolean().optional(),
    findableByFormerNames: z.boolean().optional(),
  })
  .openapi('ProfileUpdate');

const HashtagSchema = z.object({ key: z.string(), label: z.string() }).openapi('Hashtag');
const TenureSchema = z.object({
  joinedYear: z.number().int().nullable(),
  leftYear: z.number().int().nullable(),
  departments: z.array(z.string()),
});
const CareerSchema = z.object({
  company: z.string(),
  title: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
});

/** Optional fields are absent when the member does not show them to this viewer. */
export const ProfileSchema = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    badge: z.enum(['staff', 'employee']).nullable(),
    reading: z.string().optional(),
    photoUrl: z.string().optional(),
    currentCompany: z.string().optional(),
    currentTitle: z.string().optional(),
    career: z.array(CareerSchema).optional(),
    hashtags: z.array(HashtagSchema).optional(),
    intents: z.array(IntentSchema).optional(),
    bio: z.string().optional(),
    links: z.array(z.object({ label: z.string(), url: z.string() })).optional(),
    tenure: TenureSchema.optional(),
    isSelf: z.boolean(),
    acceptsMessages: z.boolean(),
  })
  .openapi('Profile');

export const OwnProfileSchema = ProfileSchema.extend({
  visibility: z.record(z.enum(profileFields), VisibilitySchema),
  consents: z.object({
    companyNews: z.boolean(),
    listedInDirectory: z.boolean(),
    companyContact: z.boolean(),
    policyVersion: z.string().nullable(),
  }),
  onboarded: z.boolean(),
  role: z.string(),
  acceptsMessages: z.boolean(),
  emailNotifications: z.boolean(),
  /** Whether other members can find this member in the directory by the former names HR holds. */
  findableByFormerNames: z.boolean(),
}).openapi('OwnProfile');

export const OnboardingSchema = z
  .object({
    policyVersion: z.string(),
    profile: OwnProfileSchema,
    consentHistory: z.array(
      z.object({
        purpose: z.enum(consentPurposes),
        granted: z.boolean(),
        policyVersion: z.string(),
        source: z.string(),
        at: z.string(),
      }),
    ),
  })
  .openapi('Onboarding');

export const PersonCardSchema = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    badge: z.enum(['staff', 'employee']).nullable(),
    reading: z.string().optional(),
    photoUrl: z.string().optional(),
    currentCompany: z.string().optional(),
    currentTitle: z.string().optional(),
    hashtags: z.array(HashtagSchema).optional(),
    intents: z.array(IntentSchema).optional(),
  })
  .openapi('PersonCard');

const yearParam = z.coerce.number().int().min(1900).max(2100).optional();
export const DirectoryQuerySchema = z.object({
  q: z.string().max(100).optional(),
  hashtag: z.string().max(80).optional(),
  intent: IntentSchema.optional(),
  company: z.string().max(120).optional(),
  department: z.string().max(120).optional(),
  leftFrom: yearParam,
  leftTo: yearParam,
  overlap: z
    .enum(['1', 'true'])
    .transform(() => true)
    .optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const HashtagSuggestQuerySchema = z.object({
  prefix: z.string().max(80).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export { HashtagSchema };
