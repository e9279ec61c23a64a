import { sql } from 'drizzle-orm';
import {
  date,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea } from './platform.js';
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
    index('survey_responses_survey_idx').on(table.tenantId, table.surveyId, table.status),
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
