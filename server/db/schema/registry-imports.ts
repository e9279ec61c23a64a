import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea } from './platform.js';
import { recordDataColumns, textArrayC } from './registry.js';
import { memberships } from './tenancy.js';
import { createdAt, id, tenantForeignKey, tenantId } from './tenant-columns.js';

/** A saved column mapping (file header → record field) for files from the same HR system. */
export const importTemplates = pgTable(
  'import_templates',
  {
    tenantId: tenantId(),
    id: id(),
    name: text('name').notNull(),
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    unique('import_templates_name_key').on(table.tenantId, table.name),
  ],
);

export const importStatuses = [
  'uploaded',
  'checking',
  'checked',
  'applying',
  'applied',
  'failed',
  // Not applied in time (IMPORT_DRY_RUN_DAYS): the file, staged rows and issues are gone, the counts stay.
  'expired',
] as const;
export type ImportStatus = (typeof importStatuses)[number];
/**
 * Rows by outcome. `merged`: copies of an identical earlier row, imported once; `warned`: accepted rows
 * that carry a warning (an era date outside its era, a line break replaced). Imports checked before
 * these two were counted lack them.
 */
export type ImportCounts = {
  new: number;
  updated: number;
  unchanged: number;
  rejected: number;
  merged?: number;
  warned?: number;
};

/** An uploaded file on its way through dry run and apply; the file is kept until applied. */
export const registryImports = pgTable(
  'registry_imports',
  {
    tenantId: tenantId(),
    id: id(),
    fileName: text('file_name').notNull(),
    format: text('format').$type<'csv' | 'xlsx'>().notNull(),
    encoding: text('encoding').notNull(),
    headers: text('headers').array().notNull(),
    byteSize: integer('byte_size').notNull().default(0),
    options: jsonb('options').$type<{ consentWordingVersion?: string }>().notNull().default({}),
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull().default({}),
    status: text('status').$type<ImportStatus>().notNull().default('uploaded'),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    counts: jsonb('counts').$type<ImportCounts | null>(),
    errorCode: text('error_code'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    appliedBy: uuid('applied_by'),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    tenantForeignKey('registry_imports_created_by_fk', [table.tenantId, table.createdBy], memberships),
    tenantForeignKey('registry_imports_applied_by_fk', [table.tenantId, table.appliedBy], memberships),
    index('registry_imports_created_idx').on(table.tenantId, table.createdAt),
  ],
);

/** The uploaded file in pieces of at most 1 MB, so neither upload nor import holds it in memory whole. */
export const importChunks = pgTable(
  'import_chunks',
  {
    tenantId: tenantId(),
    importId: uuid('import_id').notNull(),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.importId, table.seq] }),
    tenantForeignKey('import_chunks_import_fk', [table.tenantId, table.importId], registryImports).onDelete(
      'cascade',
    ),
  ],
);

/**
 * The dry run's outcome per accepted row: the complete record as it will be written, in the records'
 * own columns. Applying is then a few set-based statements in one transaction, so an import lands
 * whole or not at all.
 */
export const importStaged = pgTable(
  'import_staged',
  {
    tenantId: tenantId(),
    importId: uuid('import_id').notNull(),
    recordId: uuid('record_id').notNull(),
    rowNumber: integer('row_number').notNull(),
    kind: text('kind').$type<'new' | 'updated'>().notNull(),
    changes: jsonb('changes').$type<Record<string, [unknown, unknown]>>().notNull(),
    seenUpdatedAt: timestamp('seen_updated_at', { withTimezone: true }),
    ...recordDataColumns(),
    /**
     * The search tokens the record gains and loses (all of them when its reading key changes, since the
     * postings keep the key beside the id). The apply gathers them per token in the database.
     */
    tokensAdded: text('tokens_added').array().notNull().default(sql`'{}'::text[]`),
    tokensRemoved: text('tokens_removed').array().notNull().default(sql`'{}'::text[]`),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.importId, table.recordId] }),
    tenantForeignKey('import_staged_import_fk', [table.tenantId, table.importId], registryImports).onDelete(
      'cascade',
    ),
  ],
);

/**
 * How an import changes the search postings: per token, the records it adds and removes, gathered by
 * the apply from the staged rows' tokens so it merges one row per token into record_search_postings.
 */
export const importTokenChanges = pgTable(
  'import_token_changes',
  {
    tenantId: tenantId(),
    importId: uuid('import_id').notNull(),
    token: text('token').notNull(),
    change: text('change').$type<'add' | 'remove'>().notNull(),
    recordIds: uuid('record_ids').array().notNull(),
    /** For an addition, each record's reading key in the order of record_ids (the postings keep both). */
    readingKeys: textArrayC('reading_keys').notNull().default(sql`'{}'`),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.importId, table.change, table.token] }),
    tenantForeignKey(
      'import_token_changes_import_fk',
      [table.tenantId, table.importId],
      registryImports,
    ).onDelete('cascade'),
  ],
);

/** One reason a row of an import was rejected (severity error), or a warning on a row that was accepted. */
export const importIssues = pgTable(
  'import_issues',
  {
    tenantId: tenantId(),
    importId: uuid('import_id').notNull(),
    rowNumber: integer('row_number').notNull(),
    position: integer('position').notNull(),
    column: text('column'),
    value: text('value'),
    code: text('code').notNull(),
    severity: text('severity').$type<'error' | 'warning'>().notNull().default('error'),
    detail: jsonb('detail').$type<Record<string, string | number>>().notNull().default({}),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.importId, table.rowNumber, table.position] }),
    tenantForeignKey('import_issues_import_fk', [table.tenantId, table.importId], registryImports).onDelete(
      'cascade',
    ),
  ],
);
