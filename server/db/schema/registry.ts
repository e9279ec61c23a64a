import { sql } from 'drizzle-orm';
import {
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
import { memberships } from './tenancy.js';
import { createdAt, derivedTenantId, id, tenantForeignKey, tenantId } from './tenant-columns.js';

export const recordStatuses = ['record', 'invited', 'joined', 'declined', 'excluded'] as const;
export type RecordStatus = (typeof recordStatuses)[number];
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

/** One leaver's HR record. Staff-only: members never see these fields, not even about themselves. */
export const alumniRecords = pgTable(
  'alumni_records',
  {
    tenantId: tenantId(),
    id: id(),
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
    membershipId: uuid('membership_id'),
    /** Normalised sort key for 五十音順 (katakana without voicing marks). */
    readingKey: text('reading_key').notNull().default(''),
    /** Normalised text the Japanese-aware search runs LIKE over. */
    searchText: text('search_text').notNull().default(''),
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
  ],
);

/**
 * Search tokens of a record: bigrams (and kanji letters) of its normalised names and readings, and its
 * e-mail addresses and employee number whole. Row-level security lets the planner use an index only
 * for leakproof operators such as text equality, so search looks tokens up here by equality instead
 * of running array or LIKE operators over every record of the tenant.
 */
export const recordSearchTokens = pgTable(
  'record_search_tokens',
  {
    tenantId: derivedTenantId(),
    token: text('token').notNull(),
    recordId: uuid('record_id').notNull(),
  },
  // Derived data written in the same transaction as its record; without foreign keys to the record or
  // the tenant (and their checks) a 100,000-row import writes its ~2 million tokens several times faster. Old tokens
  // are removed through the primary key, from the record's previous values.
  (table) => [primaryKey({ columns: [table.tenantId, table.token, table.recordId] })],
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
