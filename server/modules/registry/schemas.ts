import { z } from '@hono/zod-openapi';
import {
  consentValues,
  customFieldTypes,
  eligibilityValues,
  employmentStatuses,
  leaveReasons,
  recordStatuses,
  wouldReturnValues,
} from '../../db/schema/index.js';
import { LocaleSchema } from '../../platform/auth/schemas.js';
import { normaliseEmail, normalisePhone } from '../../platform/japanese/contact.js';
import { parseJapaneseDate } from '../../platform/japanese/dates.js';
import { isKatakanaReading, normaliseReading, tidySpaces } from '../../platform/japanese/text.js';
import { SlugSchema } from '../tenancy/schemas.js';
import { exportColumns } from './export-records.js';

export const RecordParamSchema = z.object({ slug: SlugSchema, id: z.uuid() });

const ShortText = z.string().transform(tidySpaces).pipe(z.string().max(200));
const NameText = z.string().transform(tidySpaces).pipe(z.string().min(1).max(100));
const Reading = z
  .string()
  .transform(normaliseReading)
  .pipe(z.string().max(100).refine(isKatakanaReading, { message: 'field_invalid_reading' }));
export const DateText = z
  .string()
  .transform((value, ctx) => {
    const iso = parseJapaneseDate(value);
    if (!iso) ctx.addIssue({ code: 'custom', message: 'field_invalid_date' });
    return iso ?? '';
  })
  .openapi({ example: '2023-04-01' });
const Email = z.string().transform((value, ctx) => {
  const email = normaliseEmail(value);
  if (!email) ctx.addIssue({ code: 'custom', message: 'field_invalid_email' });
  return email ?? '';
});
const Phone = z.string().transform((value, ctx) => {
  if (!value.trim()) return null;
  const phone = normalisePhone(value);
  if (!phone) ctx.addIssue({ code: 'custom', message: 'field_invalid_phone' });
  return phone;
});
const Tag = z.string().transform(tidySpaces).pipe(z.string().min(1).max(40));

const DepartmentEntry = z.strictObject({
  department: ShortText.pipe(z.string().min(1)),
  company: ShortText.optional(),
  from: DateText.optional(),
  to: DateText.optional(),
});

export const RecordFieldsSchema = z.strictObject({
  employeeNumber: z
    .string()
    .transform((v) => tidySpaces(v.normalize('NFKC')))
    .pipe(z.string().max(40))
    .nullable()
    .optional(),
  familyName: NameText,
  givenName: ShortText.pipe(z.string().max(100)).optional(),
  familyNameKana: Reading.optional(),
  givenNameKana: Reading.optional(),
  formerNames: z.array(NameText).max(10).optional(),
  emails: z.array(Email).max(5).optional(),
  phone: Phone.nullable().optional(),
  joinedOn: DateText.nullable().optional(),
  leftOn: DateText.nullable().optional(),
  lastDepartment: ShortText.nullable().optional(),
  lastTitle: ShortText.nullable().optional(),
  departmentHistory: z.array(DepartmentEntry).max(50).optional(),
  leaveReason: z.enum(leaveReasons).nullable().optional(),
  wouldReturn: z.enum(wouldReturnValues).optional(),
  eligibility: z.enum(eligibilityValues).optional(),
  contactConsent: z.enum(consentValues).optional(),
  consentSource: ShortText.nullable().optional(),
  consentWordingVersion: ShortText.nullable().optional(),
  hrTags: z.array(Tag).max(30).optional(),
  hrNotes: z.string().max(5000).optional(),
  customFields: z.record(z.string(), z.union([z.string().max(500), z.number(), z.null()])).optional(),
});
export type RecordFields = z.infer<typeof RecordFieldsSchema>;
export const RecordPatchSchema = RecordFieldsSchema.partial();
export type RecordPatch = z.infer<typeof RecordPatchSchema>;

const csv = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .union([z.array(z.enum(values)), z.enum(values)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional();

export const RecordFilterSchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  leftFrom: z.coerce.number().int().min(1900).max(2200).optional(),
  leftTo: z.coerce.number().int().min(1900).max(2200).optional(),
  department: z.string().trim().max(200).optional(),
  wouldReturn: csv(wouldReturnValues),
  eligibility: csv(eligibilityValues),
  consent: csv(consentValues),
  status: csv(recordStatuses),
  tag: z.string().trim().max(40).optional(),
  customKey: z.string().trim().max(40).optional(),
  customValue: z.string().trim().max(200).optional(),
  /** Exactly these records (the table's selection), combined with the other conditions. */
  ids: z.array(z.uuid()).max(5000).optional(),
});
export type RecordFilter = z.infer<typeof RecordFilterSchema>;

export const recordSorts = ['reading', 'leftOn', 'name'] as const;
export const RecordListQuerySchema = RecordFilterSchema.extend({
  segment: z.uuid().optional(),
  sort: z.enum(recordSorts).default('reading'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const DepartmentOut = z.object({
  department: z.string(),
  company: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
});

export const RecordRowSchema = z
  .object({
    id: z.uuid(),
    employeeNumber: z.string().nullable(),
    familyName: z.string(),
    givenName: z.string(),
    familyNameKana: z.string(),
    givenNameKana: z.string(),
    email: z.string().nullable(),
    leftOn: z.string().nullable(),
    lastDepartment: z.string().nullable(),
    wouldReturn: z.enum(wouldReturnValues),
    eligibility: z.enum(eligibilityValues),
    contactConsent: z.enum(consentValues),
    status: z.enum(recordStatuses),
    hrTags: z.array(z.string()),
  })
  .openapi('RecordRow');

export const RecordSchema = RecordRowSchema.extend({
  formerNames: z.array(z.string()),
  emails: z.array(z.string()),
  phone: z.string().nullable(),
  joinedOn: z.string().nullable(),
  lastTitle: z.string().nullable(),
  departmentHistory: z.array(DepartmentOut),
  leaveReason: z.enum(leaveReasons).nullable(),
  consentSource: z.string().nullable(),
  consentAt: z.string().nullable(),
  consentWordingVersion: z.string().nullable(),
  hrNotes: z.string(),
  customFields: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  member: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  employmentStatus: z.enum(employmentStatuses),
  rehiredOn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).openapi('Record');

export const HistoryEntrySchema = z
  .object({
    id: z.uuid(),
    at: z.string(),
    source: z.string(),
    actor: z.string().nullable(),
    changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
  })
  .openapi('RecordHistoryEntry');

export const RecordDetailSchema = z
  .object({ record: RecordSchema, history: z.array(HistoryEntrySchema) })
  .openapi('RecordDetail');

export const BulkActionSchema = z.strictObject({
  ids: z.array(z.uuid()).min(1).max(1000),
  action: z.enum(['tag', 'untag', 'exclude']),
  tag: Tag.optional(),
});

export const CustomFieldSchema = z
  .object({
    id: z.uuid(),
    key: z.string(),
    label: z.string(),
    type: z.enum(customFieldTypes),
    options: z.array(z.string()),
  })
  .openapi('CustomField');
export const CustomFieldCreateSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { message: 'field_invalid_format' }),
  label: z.string().transform(tidySpaces).pipe(z.string().min(1).max(60)),
  type: z.enum(customFieldTypes),
  options: z
    .array(z.string().transform(tidySpaces).pipe(z.string().min(1).max(60)))
    .max(50)
    .optional(),
});

export const SegmentSchema = z
  .object({ id: z.uuid(), name: z.string(), filter: RecordFilterSchema, count: z.number().int() })
  .openapi('Segment');
export const SegmentInputSchema = z.strictObject({
  name: z.string().transform(tidySpaces).pipe(z.string().min(1).max(60)),
  filter: RecordFilterSchema,
});
export const SegmentParamSchema = z.object({ slug: SlugSchema, id: z.uuid() });

export { LocaleSchema };

export const ExportRequestSchema = z.strictObject({
  filter: RecordFilterSchema.default({}),
  segment: z.uuid().optional(),
  columns: z.array(z.enum(exportColumns)).min(1).max(exportColumns.length),
  customColumns: z.array(z.string().max(40)).max(50).optional(),
  encoding: z.enum(['utf8', 'cp932']).default('utf8'),
});
