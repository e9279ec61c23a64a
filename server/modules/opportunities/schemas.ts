import { z } from '@hono/zod-openapi';
import {
  candidateStages,
  collaborationTypes,
  employmentTypes,
  opportunityKinds,
  opportunityStatuses,
  workStyles,
} from '../../db/schema/index.js';
import { tidySpaces } from '../../platform/japanese/text.js';
import { AudienceSpecSchema } from '../programmes/audience/audience-spec.js';
import { DateText } from '../registry/schemas.js';
import { SlugSchema } from '../tenancy/schemas.js';

export const OpportunityParamSchema = z.object({ slug: SlugSchema, id: z.uuid() });

const Short = (max: number) => z.string().transform(tidySpaces).pipe(z.string().max(max));
const Title = z.string().transform(tidySpaces).pipe(z.string().min(1).max(120));
const Body = z.string().max(10_000);
const WebLink = z
  .string()
  .trim()
  .max(500)
  .refine((value) => /^https?:\/\/[^\s]+$/i.test(value) && URL.canParse(value), {
    message: 'field_invalid_url',
  });

/** The fields staff write; kind-specific ones are kept only for their kind (see writeOpportunity). */
const OpportunityFields = {
  title: Title,
  body: Body,
  contactName: Short(100),
  closesOn: DateText.nullable(),
  status: z.enum(opportunityStatuses),
  employmentType: z.enum(employmentTypes).nullable(),
  team: Short(100),
  location: Short(100),
  workStyle: z.enum(workStyles).nullable(),
  payRange: Short(100),
  returnerTerms: z.string().max(2000),
  collaborationType: z.enum(collaborationTypes).nullable(),
  duration: Short(100),
  budget: Short(100),
  audience: AudienceSpecSchema,
};

export const NewOpportunitySchema = z
  .strictObject({
    kind: z.enum(opportunityKinds),
    ...OpportunityFields,
    body: Body.default(''),
    contactName: Short(100).default(''),
    closesOn: DateText.nullable().default(null),
    status: z.enum(opportunityStatuses).default('draft'),
  })
  .partial({
    employmentType: true,
    team: true,
    location: true,
    workStyle: true,
    payRange: true,
    returnerTerms: true,
    collaborationType: true,
    duration: true,
    budget: true,
    audience: true,
  })
  .openapi('NewOpportunity');
export type NewOpportunity = z.infer<typeof NewOpportunitySchema>;

export const OpportunityPatchSchema = z.strictObject(OpportunityFields).partial().openapi('OpportunityPatch');
export type OpportunityPatch = z.infer<typeof OpportunityPatchSchema>;

const Details = {
  employmentType: z.enum(employmentTypes).nullable(),
  team: z.string(),
  location: z.string(),
  workStyle: z.enum(workStyles).nullable(),
  payRange: z.string(),
  returnerTerms: z.string(),
  collaborationType: z.enum(collaborationTypes).nullable(),
  duration: z.string(),
  budget: z.string(),
};

/** What staff see of an opportunity in the console. */
export const StaffOpportunitySchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(opportunityKinds),
    status: z.enum(opportunityStatuses),
    title: z.string(),
    body: z.string(),
    bodyHtml: z.string(),
    contactName: z.string(),
    closesOn: z.string().nullable(),
    ...Details,
    audience: AudienceSpecSchema,
    openedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    candidates: z.object({ active: z.number().int(), total: z.number().int() }),
  })
  .openapi('StaffOpportunity');

export const StaffOpportunityListSchema = z
  .object({ opportunities: z.array(StaffOpportunitySchema) })
  .openapi('StaffOpportunityList');

/** A PDF attached to an answer (its bytes are downloaded separately). */
export const InterestFileSchema = z
  .object({ name: z.string(), size: z.number().int(), uploadedAt: z.string() })
  .openapi('InterestFile');

/** The file's name as the device gave it; control characters (NUL included) are refused. */
export const InterestFileQuerySchema = z.object({
  name: z
    .string()
    .max(200)
    .refine((value) => !/\p{Cc}/u.test(value), { message: 'field_invalid_characters' })
    .optional(),
});

/** The member's own answer, as the member sees it: never HR's stage, notes or other candidates. */
export const OwnInterestSchema = z
  .object({
    status: z.enum(['interested', 'withdrawn']),
    message: z.string(),
    link: z.string().nullable(),
    file: InterestFileSchema.nullable(),
    sharedStatus: z.string(),
    since: z.string(),
  })
  .openapi('OwnInterest');

/** What a member sees of an opportunity. */
export const MemberOpportunitySchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(opportunityKinds),
    title: z.string(),
    bodyHtml: z.string(),
    contactName: z.string(),
    closesOn: z.string().nullable(),
    ...Details,
    openedAt: z.string(),
    isNew: z.boolean(),
    closingSoon: z.boolean(),
    /** Open and before its closing day: 「興味あり」 and referrals are taken. */
    acceptsResponses: z.boolean(),
    interest: OwnInterestSchema.nullable(),
  })
  .openapi('MemberOpportunity');

/** An entry of the member's list: the opportunity without its text. */
export const ListedOpportunitySchema = MemberOpportunitySchema.omit({ bodyHtml: true }).openapi(
  'ListedOpportunity',
);

export const MemberOpportunityListSchema = z
  .object({ opportunities: z.array(ListedOpportunitySchema), nextCursor: z.string().nullable() })
  .openapi('MemberOpportunityList');

export const MemberOpportunityQuerySchema = z.object({
  kind: z.enum(opportunityKinds).optional(),
  sort: z.enum(['newest', 'closing']).default('newest'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const InterestInputSchema = z
  .strictObject({
    message: z.string().max(1000).default(''),
    link: WebLink.nullable().optional(),
  })
  .openapi('InterestInput');

export const CandidateSchema = z
  .object({
    id: z.uuid(),
    opportunity: z.object({ id: z.uuid(), title: z.string(), kind: z.enum(opportunityKinds) }),
    member: z.object({ id: z.uuid(), displayName: z.string() }),
    record: z
      .object({
        id: z.uuid(),
        name: z.string(),
        employmentStatus: z.enum(['alumnus', 'rehired']),
        rehiredOn: z.string().nullable(),
      })
      .nullable(),
    stage: z.enum(candidateStages),
    stageChangedAt: z.string(),
    withdrawn: z.boolean(),
    message: z.string(),
    link: z.string().nullable(),
    file: InterestFileSchema.nullable(),
    hrNotes: z.string(),
    owner: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
    sharedStatus: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Candidate');

export const CandidateListSchema = z
  .object({ candidates: z.array(CandidateSchema) })
  .openapi('CandidateList');

export const CandidateQuerySchema = z.object({
  opportunity: z.uuid().optional(),
  stage: z.enum(candidateStages).optional(),
});

export const CandidatePatchSchema = z
  .strictObject({
    stage: z.enum(candidateStages),
    /** The first working day back, required when the stage becomes hired. */
    returnOn: DateText,
    hrNotes: z.string().max(5000),
    ownerId: z.uuid().nullable(),
    sharedStatus: z.string().max(500),
  })
  .partial()
  .openapi('CandidatePatch');
export type CandidatePatch = z.infer<typeof CandidatePatchSchema>;

export const CandidateExportQuerySchema = CandidateQuerySchema.extend({
  encoding: z.enum(['utf8', 'cp932']).default('utf8'),
});

/** What an announcement reached: bell entries, mails queued, devices pushed, records invited (new ones only). */
export const AnnouncementResultSchema = z
  .object({
    inApp: z.number().int(),
    email: z.number().int(),
    push: z.number().int(),
    invited: z.number().int(),
  })
  .openapi('OpportunityAnnouncement');
