import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ConsentPurpose } from './community.js';
import { memberships } from './tenancy.js';
import { createdAt, derivedTenantId, id, tenantForeignKey, tenantId } from './tenant-columns.js';

export const recordStatuses = ['record', 'invited', 'joined', 'declined', 'excluded'] as const;
export type RecordStatus = (typeof recordStatuses)[number];
export const employmentStatuses = ['alumnus', 'rehired'] as const;
export type EmploymentStatus = (typeof employmentStatuses)[number];
export const wouldReturnValues = ['yes', 'no', 'unanswered'] as const;
export type WouldReturn = (typeof wouldReturnValues)[number];
export const eligibilityValues = ['eligible', 'not_eligible', 'review'] as const;
export type Eligibility = (typeof eligibilityValues)[number];
export const consentValues = ['granted', 'withdrawn', 'unknown'] as const;
export type ContactConsent = (typeof consentValues)[number];
export const leaveReasons = [
  'career_change',
  'career_up',
  'independence',
  'study',
  'childcare',
  'caregiving',
  'relocation',
  'health',
  'retirement',
  'contract_end',
  'other',
] as const;
export type LeaveReason = (typeof leaveReasons)[number];

export type DepartmentHistoryEntry = {
  department: string;
  company?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};
export type CustomFieldValues = Record<string, string | number | null>;

/** Text compared code point by code point (the "C" collation), whatever the server's locale: prefix
 * ranges (`>= prefix and < prefix + U+FFFF`) then find exactly the values that start with the prefix. */
export const textC = customType<{ data: string }>({ dataType: () => 'text COLLATE "C"' });
export const textArrayC = customType<{ data: (string | null)[] }>({ dataType: () => 'text[] COLLATE "C"' });

/**
 * A record's own values: what HR keeps and imports, and the search keys derived from them. Shared by
 * the records table and the import's staging table, so a staged row is a record waiting to be written.
 */
export const recordDataColumns = () => ({
  employeeNumber: text('employee_number'),
  familyName: text('family_name').notNull(),
  givenName: text('given_name').notNull().default(''),
  familyNameKana: text('family_name_kana').notNull().default(''),
  givenNameKana: text('given_name_kana').notNull().default(''),
  formerNames: text('former_names').array().notNull().default(sql`'{}'::text[]`),
  emails: text('emails').array().notNull().default(sql`'{}'::text[]`),
  phone: text('phone'),
  joinedOn: date('joined_on'),
  leftOn: date('left_on'),
  lastDepartment: text('last_department'),
  lastTitle: text('last_title'),
  departmentHistory: jsonb('department_history').$type<DepartmentHistoryEntry[]>().notNull().default([]),
  leaveReason: text('leave_reason').$type<LeaveReason>(),
  wouldReturn: text('would_return').$type<WouldReturn>().notNull().default('unanswered'),
  eligibility: text('eligibility').$type<Eligibility>().notNull().default('review'),
  contactConsent: text('contact_consent').$type<ContactConsent>().notNull().default('unknown'),
  consentSource: text('consent_source'),
  consentAt: timestamp('consent_at', { withTimezone: true }),
  consentWordingVersion: text('consent_wording_version'),
  hrTags: text('hr_tags').array().notNull().default(sql`'{}'::text[]`),
  hrNotes: text('hr_notes').notNull().default(''),
  customFields: jsonb('custom_fields').$type<CustomFieldValues>().notNull().default({}),
  status: text('status').$type<RecordStatus>().notNull().default('record'),
  /**
   * Sort key for 五十音順 (katakana without voicing marks, then the reading as written). Searches for a
   * family name's or a whole name's reading are prefix ranges over it, hence the "C" collation.
   */
  readingKey: textC('reading_key').notNull().default(''),
  /** Normalised text the Japanese-aware search runs LIKE over. */
  searchText: text('search_text').notNull().default(''),
});

/** One leaver's HR record. Staff-only: members never see these fields, not even about themselves. */
export const alumniRecords = pgTable(
  'alumni_records',
  {
    tenantId: tenantId(),
    id: id(),
    ...recordDataColumns(),
    membershipId: uuid('membership_id'),
    /** rehired: came back to the company (marked when a candidate is hired), so outcomes can be counted. */
    employmentStatus: text('employment_status').$type<EmploymentStatus>().notNull().default('alumnus'),
    rehiredOn: date('rehired_on'),
    /**
     * The import that created the record. Its history shows that creation from the import itself
     * (who applied which file, when), so an import of 100,000 new records writes no history rows.
     */
    createdByImportId: uuid('created_by_import_id'),
    createdAt: createdAt(),
    // Millisecond precision, as JavaScript reads it, so "unchanged since the dry run" compares exactly.
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('alumni_records_employee_number_key')
      .on(table.tenantId, table.employeeNumber)
      .where(sql`employee_number is not null`),
    tenantForeignKey('alumni_records_membership_fk', [table.tenantId, table.membershipId], memberships),
    index('alumni_records_reading_idx').on(table.tenantId, table.readingKey, table.id),
    index('alumni_records_left_on_idx').on(table.tenantId, table.leftOn, table.id),
    index('alumni_records_membership_idx').on(table.tenantId, table.membershipId),
    // Search reads the sort keys of its matches by id from this index alone, and the records only for the page.
    index('alumni_records_page_keys_idx').on(
      table.tenantId,
      table.id,
      table.readingKey,
      table.leftOn,
      table.familyName,
      table.givenName,
    ),
    // The start of an employee number is a range of this index (the column's own collation may not be C).
    index('alumni_records_employee_number_c_idx').on(table.tenantId, sql`(employee_number collate "C")`),
  ],
);

/**
 * Search tokens of a record: bigrams and kanji letters of its names, and prefixes of its given name's
 * reading. Row-level security lets the planner use an index only for leakproof operators such as text
 * equality, so search looks tokens up here by equality instead of running array or LIKE operators over
 * every record of the tenant.
 *
 * One row per token holds every record that has it (a posting list). Name parts repeat across people,
 * so a 100,000-record registry needs a few thousand rows here rather than a million token rows, and an
 * import merges its tokens in one pass. A record appears at most once in a list.
 */
export const recordSearchPostings = pgTable(
  'record_search_postings',
  {
    tenantId: tenantId(),
    token: text('token').notNull(),
    recordIds: uuid('record_ids').array().notNull(),
    /**
     * Each record's reading_key, in the same order as record_ids: a page in reading order is taken
     * from the postings alone, without reading every match's record. NULL where not yet known.
     */
    readingKeys: textArrayC('reading_keys').notNull().default(sql`'{}'`),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.token] })],
);

/**
 * A record's e-mail addresses (lower-cased), for exact lookups when matching imports, referrals and join
 * requests, and for searching by address or by the part before the @ (a prefix range).
 */
export const recordEmails = pgTable(
  'record_emails',
  {
    // Derived rows written with their record; tied to the tenant by row-level security and the keys.
    tenantId: derivedTenantId(),
    email: textC('email').notNull(),
    recordId: uuid('record_id').notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.email, table.recordId] })],
);

/** What changed on a record, by whom and through which door (console, import, invitation…). */
export const recordHistory = pgTable(
  'record_history',
  {
    // Its record's foreign key (cascading) already ties each entry to the tenant.
    tenantId: derivedTenantId(),
    id: id(),
    recordId: uuid('record_id').notNull(),
    actorMembershipId: uuid('actor_membership_id'),
    source: text('source').notNull(),
    changes: jsonb('changes').$type<Record<string, [unknown, unknown]>>().notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    tenantForeignKey('record_history_record_fk', [table.tenantId, table.recordId], alumniRecords).onDelete(
      'cascade',
    ),
    tenantForeignKey('record_history_actor_fk', [table.tenantId, table.actorMembershipId], memberships),
    index('record_history_record_idx').on(table.tenantId, table.recordId, table.createdAt),
  ],
);

/**
 * The consent ledger of a record (a leaver who may never join): every consent choice the person made
 * outside the app, with the wording they were shown and where (source, e.g. 'exit_survey'). Append-only;
 * the record's contact_consent columns hold the current state. A member's own choices are in consent_events.
 */
export const recordConsentEvents = pgTable(
  'record_consent_events',
  {
    tenantId: tenantId(),
    id: id(),
    recordId: uuid('record_id').notNull(),
    purpose: text('purpose').$type<ConsentPurpose>().notNull(),
    granted: boolean('granted').notNull(),
    wordingVersion: text('wording_version').notNull(),
    /** The sentence exactly as shown, in the language it was shown in. */
    wording: text('wording').notNull(),
    locale: text('locale').notNull(),
    source: text('source').notNull(),
    /** The survey the choice was made in, if any. */
    surveyId: uuid('survey_id'),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    // Erasing a record erases its ledger with it.
    tenantForeignKey(
      'record_consent_events_record_fk',
      [table.tenantId, table.recordId],
      alumniRecords,
    ).onDelete('cascade'),
    index('record_consent_events_record_idx').on(table.tenantId, table.recordId, table.createdAt),
  ],
);

export const customFieldTypes = ['text', 'number', 'date', 'select'] as const;
export type CustomFieldType = (typeof customFieldTypes)[number];

export const customFieldDefinitions = pgTable(
  'custom_field_definitions',
  {
    tenantId: tenantId(),
    id: id(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    type: text('type').$type<CustomFieldType>().notNull(),
    options: text('options').array().notNull().default(sql`'{}'::text[]`),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    unique('custom_field_definitions_key').on(table.tenantId, table.key),
  ],
);

/** A saved registry filter, reused for invitations and newsletters. */
export const segments = pgTable(
  'segments',
  {
    tenantId: tenantId(),
    id: id(),
    name: text('name').notNull(),
    filter: jsonb('filter').$type<Record<string, unknown>>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    unique('segments_name_key').on(table.tenantId, table.name),
    tenantForeignKey('segments_created_by_fk', [table.tenantId, table.createdBy], memberships),
  ],
);
