import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea } from './platform.js';
import { alumniRecords } from './registry.js';
import { memberships } from './tenancy.js';
import { createdAt, id, tenantForeignKey, tenantId } from './tenant-columns.js';

/** named: each response is linked to its member. anonymous: no link is stored at all (see survey_participations). */
export const surveyAnonymities = ['named', 'anonymous'] as const;
export type SurveyAnonymity = (typeof surveyAnonymities)[number];
export const surveyStatuses = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof surveyStatuses)[number];

/**
 * A survey: its questions, texts and audience are JSON validated by the surveys module's schemas
 * (server/modules/surveys/survey-schemas.ts) on every write and read. Questions are frozen once it opens,
 * so every stored answer refers to the questions it was given for.
 */
export const surveys = pgTable(
  'surveys',
  {
    tenantId: tenantId(),
    id: id(),
    /** { ja, en } of the title, welcome and thank-you texts; en may be empty (the Japanese is shown). */
    texts: jsonb('texts').notNull(),
    questions: jsonb('questions').notNull(),
    /** An AudienceSpec (server/modules/programmes/audience/audience-spec.ts). */
    audience: jsonb('audience').notNull(),
    anonymity: text('anonymity').$type<SurveyAnonymity>().notNull(),
    status: text('status').$type<SurveyStatus>().notNull().default('draft'),
    closesAt: timestamp('closes_at', { withTimezone: true }),
    /** Key of the one-time participation hashes of an anonymous survey (never shown, never exported). */
    participationKey: bytea('participation_key').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    tenantForeignKey('surveys_created_by_fk', [table.tenantId, table.createdBy], memberships),
    index('surveys_status_idx').on(table.tenantId, table.status, table.createdAt),
  ],
);

/**
 * One person's answers. Named surveys keep membership_id, one row per member (a draft until submitted).
 * Anonymous surveys keep membership_id null and only the day of submission, so neither a key nor a
 * time stamp leads from a response back to its participation row.
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    tenantId: tenantId(),
    id: id(),
    surveyId: uuid('survey_id').notNull(),
    membershipId: uuid('membership_id'),
    /** A named answer given through a record's e-mailed link (with membership_id too if they have joined). */
    recordId: uuid('record_id'),
    status: text('status').$type<'draft' | 'submitted'>().notNull(),
    answers: jsonb('answers').notNull(),
    /** Coarse facts for breakdowns, copied at submission: { department, leftYear } of the linked record. */
    facts: jsonb('facts').notNull().default({}),
    submittedOn: date('submitted_on'),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    tenantForeignKey('survey_responses_survey_fk', [table.tenantId, table.surveyId], surveys).onDelete(
      'cascade',
    ),
    tenantForeignKey('survey_responses_membership_fk', [table.tenantId, table.membershipId], memberships),
    // One answer per member of a named survey.
    uniqueIndex('survey_responses_member_key')
      .on(table.tenantId, table.surveyId, table.membershipId)
      .where(sql`membership_id is not null`),
    uniqueIndex('survey_responses_record_key')
      .on(table.tenantId, table.surveyId, table.recordId)
      .where(sql`record_id is not null`),
    // Erasing a record erases the named answers it gave through its link.
    tenantForeignKey('survey_responses_record_fk', [table.tenantId, table.recordId], alumniRecords).onDelete(
      'cascade',
    ),
    index('survey_responses_survey_idx').on(table.tenantId, table.surveyId, table.status),
    // Written answers newest first in the results' own order, read until a page is full (no sort).
    index('survey_responses_newest_first_idx')
      .on(table.tenantId, table.surveyId, table.submittedOn.desc().nullsLast(), table.id.desc())
      .where(sql`status = 'submitted'`),
    // Named answers by day, for the activity rollup (anonymous ones carry no member and are never counted).
    index('survey_responses_submitted_idx')
      .on(table.tenantId, table.submittedOn)
      .where(sql`membership_id is not null and status = 'submitted'`),
  ],
);

/**
 * Who has answered an anonymous survey, as HMAC-SHA256(survey key, membership id) only: it refuses a
 * second answer (the primary key) and tells a member they have answered, and holds no time and no
 * reference to the response.
 */
export const surveyParticipations = pgTable(
  'survey_participations',
  {
    tenantId: tenantId(),
    surveyId: uuid('survey_id').notNull(),
    tokenHash: bytea('token_hash').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.surveyId, table.tokenHash] }),
    tenantForeignKey('survey_participations_survey_fk', [table.tenantId, table.surveyId], surveys).onDelete(
      'cascade',
    ),
  ],
);

/**
 * A single-use link to one survey for one registry record, e-mailed to people who have not joined (or
 * have): the token is stored only as its SHA-256. `answered` is a flag without a time, so for an
 * anonymous survey nothing dates the answer back to the person.
 */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    tenantId: tenantId(),
    id: id(),
    surveyId: uuid('survey_id').notNull(),
    recordId: uuid('record_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    answered: boolean('answered').notNull().default(false),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('survey_invitations_record_key').on(table.tenantId, table.surveyId, table.recordId),
    uniqueIndex('survey_invitations_token_key').on(table.tenantId, table.tokenHash),
    tenantForeignKey('survey_invitations_survey_fk', [table.tenantId, table.surveyId], surveys).onDelete(
      'cascade',
    ),
    tenantForeignKey(
      'survey_invitations_record_fk',
      [table.tenantId, table.recordId],
      alumniRecords,
    ).onDelete('cascade'),
  ],
);

/**
 * Lifecycle pulses: the survey sent automatically `months` after each record's leaving date, to those
 * with contact consent, once per person per stage (programme_deliveries keyed by the stage's id), and
 * only while the stage's window is open (`windowDays` after the mark), so a record imported late is
 * caught up for a stage that is still open and never for one long past.
 */
export const surveyPulseStages = pgTable(
  'survey_pulse_stages',
  {
    tenantId: tenantId(),
    id: id(),
    months: smallint('months').notNull(),
    surveyId: uuid('survey_id').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    windowDays: smallint('window_days').notNull().default(30),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('survey_pulse_stages_months_key').on(table.tenantId, table.months),
    tenantForeignKey('survey_pulse_stages_survey_fk', [table.tenantId, table.surveyId], surveys).onDelete(
      'cascade',
    ),
  ],
);

export const surveyReminderTimings = ['now', 'after_sending', 'before_closing'] as const;
export type SurveyReminderTiming = (typeof surveyReminderTimings)[number];
export const surveyReminderStatuses = ['scheduled', 'sent', 'skipped', 'cancelled'] as const;
export type SurveyReminderStatus = (typeof surveyReminderStatuses)[number];

/**
 * A reminder staff scheduled for those asked to answer a survey who have not: a durable job
 * (surveys.remind) runs it at `due_at`, and its deliveries are keyed by the reminder's id, so a job run
 * twice mails nobody twice. `skipped` when the survey had closed by then.
 */
export const surveyReminders = pgTable(
  'survey_reminders',
  {
    tenantId: tenantId(),
    id: id(),
    surveyId: uuid('survey_id').notNull(),
    timing: text('timing').$type<SurveyReminderTiming>().notNull(),
    /** Days after the first sending or before the closing date; null for `now`. */
    days: smallint('days'),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    status: text('status').$type<SurveyReminderStatus>().notNull().default('scheduled'),
    /** How many were mailed when it ran. */
    reached: integer('reached'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    tenantForeignKey('survey_reminders_survey_fk', [table.tenantId, table.surveyId], surveys).onDelete(
      'cascade',
    ),
    tenantForeignKey('survey_reminders_created_by_fk', [table.tenantId, table.createdBy], memberships),
    index('survey_reminders_survey_idx').on(table.tenantId, table.surveyId, table.dueAt),
  ],
);

export const surveyCountDimensions = ['', 'department', 'leftYear', 'segment'] as const;
export type SurveyCountDimension = (typeof surveyCountDimensions)[number];

/**
 * Running counts of the submitted answers of each survey, kept by a statement-level trigger on
 * survey_responses (every way an answer is stored or erased passes through it), so results and their
 * breakdowns read a few hundred rows per group however many answered. Per question: `*` counts those
 * who answered it and, for choice, scale and NPS questions, each value its answers; question '' counts
 * responses, '#day' per submission day. Each answer is counted once per dimension: '' (everyone,
 * department '' and year 0), 'department' (by department, year 0), 'leftYear' (by year, department
 * '') and 'segment' (once per registry segment the respondent's record was in when answering, by
 * segment_id; segments overlap, so these groups do not add up to everyone), so no reading sums over
 * every department × year. In a dimension's own column '' and 0 mean not recorded. Holds nothing a
 * response's facts do not.
 */
export const surveyAnswerCounts = pgTable(
  'survey_answer_counts',
  {
    tenantId: tenantId(),
    surveyId: uuid('survey_id').notNull(),
    dimension: text('dimension').$type<SurveyCountDimension>().notNull().default(''),
    questionId: text('question_id').notNull(),
    value: text('value').notNull(),
    department: text('department').notNull().default(''),
    leftYear: integer('left_year').notNull().default(0),
    segmentId: text('segment_id').notNull().default(''),
    n: integer('n').notNull(),
  },
  (table) => [
    primaryKey({
      columns: [
        table.tenantId,
        table.surveyId,
        table.dimension,
        table.questionId,
        table.value,
        table.department,
        table.leftYear,
        table.segmentId,
      ],
    }),
    tenantForeignKey('survey_answer_counts_survey_fk', [table.tenantId, table.surveyId], surveys).onDelete(
      'cascade',
    ),
  ],
);

/**
 * The survey a network uses as its exit survey: HR sends it to a leaver on the last working day by a
 * single-use link (exit_survey_links). It must be named and ask the would-return question, because the
 * answers, the contact consent and the would-return answer all belong to the leaver's record.
 */
export const exitSurveySettings = pgTable(
  'exit_survey_settings',
  {
    tenantId: tenantId(),
    surveyId: uuid('survey_id').notNull(),
    updatedBy: uuid('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId] }),
    tenantForeignKey('exit_survey_settings_survey_fk', [table.tenantId, table.surveyId], surveys).onDelete(
      'cascade',
    ),
    tenantForeignKey('exit_survey_settings_updated_by_fk', [table.tenantId, table.updatedBy], memberships),
  ],
);

/**
 * A single-use exit-survey link HR made for one record (token stored only as its SHA-256). At most one
 * live link per record: issuing again revokes the previous one, which then says so when opened.
 */
export const exitSurveyLinks = pgTable(
  'exit_survey_links',
  {
    tenantId: tenantId(),
    id: id(),
    recordId: uuid('record_id').notNull(),
    surveyId: uuid('survey_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** Whether it was mailed to the record's address (else HR copied it to hand over). */
    emailed: boolean('emailed').notNull().default(false),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('exit_survey_links_token_key').on(table.tenantId, table.tokenHash),
    uniqueIndex('exit_survey_links_live_key')
      .on(table.tenantId, table.recordId)
      .where(sql`revoked_at is null and answered_at is null`),
    tenantForeignKey('exit_survey_links_record_fk', [table.tenantId, table.recordId], alumniRecords).onDelete(
      'cascade',
    ),
    tenantForeignKey('exit_survey_links_survey_fk', [table.tenantId, table.surveyId], surveys).onDelete(
      'cascade',
    ),
    tenantForeignKey('exit_survey_links_created_by_fk', [table.tenantId, table.createdBy], memberships),
  ],
);
