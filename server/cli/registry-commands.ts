import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { tenants } from '../db/schema/index.js';
import { inTenant } from '../db/scope.js';
import { type ExportColumn, exportColumns, exportRecords } from '../modules/registry/export-records.js';
import { applyImport, finishAppliedImport } from '../modules/registry/import/apply-import.js';
import { checkImport } from '../modules/registry/import/check-import.js';
import { type ColumnMapping, mappingIsComplete } from '../modules/registry/import/columns.js';
import { createImport, listImportIssues } from '../modules/registry/import/imports.js';
import { presentImportIssue } from '../modules/registry/import/presenters.js';
import { findSegment, segmentFilter } from '../modules/registry/segments.js';
import { AppError } from '../platform/errors.js';
import type { Deps } from '../platform/http/env.js';
import { isLocale, type Locale, translate } from '../platform/i18n/messages.js';
import { presentSpreadsheetSummary } from '../platform/spreadsheet/spreadsheet-summary.js';
import {
  type Command,
  type CommandOutput,
  type OpenEnishi,
  type ParsedCommand,
  UsageError,
} from './command-line.js';

type CommandResult = { exitCode: number; output: unknown };

async function findTenant(deps: Deps, slug: string) {
  const [tenant] = await deps.database.db.select().from(tenants).where(eq(tenants.slug, slug));
  if (!tenant) throw new UsageError(`no network with slug "${slug}"`);
  return tenant;
}

const fail = (error: unknown, locale: Locale): CommandResult => {
  if (error instanceof AppError) {
    return {
      exitCode: 2,
      output: { error: error.code, message: translate(locale, error.code, error.fieldErrors[0]?.params) },
    };
  }
  throw error;
};

/** Opens Enishi, runs one registry command and prints its result as JSON. */
async function printResult(
  context: { output: CommandOutput; open: OpenEnishi },
  run: (deps: Deps) => Promise<CommandResult>,
): Promise<number> {
  const enishi = await context.open();
  try {
    const result = await run(enishi.deps);
    context.output.out(`${JSON.stringify(result.output, null, 2)}\n`);
    return result.exitCode;
  } finally {
    await enishi.close();
  }
}

const localeOf = (values: ParsedCommand['values']): Locale => (isLocale(values.lang) ? values.lang : 'ja');
const langOption = {
  type: 'string',
  value: '<ja|en>',
  description: 'Language of messages and headers',
  choices: ['ja', 'en'],
  default: 'ja',
} as const;

/** `registry import`: the dry run (and with --apply, the apply) of a file, as JSON; 1 when rows were rejected. */
async function importFile(deps: Deps, { values, positionals }: ParsedCommand): Promise<CommandResult> {
  const locale = localeOf(values);
  const file = positionals[0]!;
  const tenant = await findTenant(deps, String(values.tenant));
  const db = deps.database.db;
  try {
    const imp = await createImport(
      deps,
      tenant.id,
      { membershipId: null, ipAddress: 'cli' },
      {
        fileName: path.basename(file),
        body: createReadStream(file),
        template: typeof values.mapping === 'string' ? values.mapping : undefined,
      },
    );
    if (!mappingIsComplete(imp.mapping as ColumnMapping))
      throw new AppError(422, 'import_mapping_incomplete');
    const counts = await checkImport(db, tenant.id, imp.id);
    const issues = await inTenant(db, tenant.id, async (tx) => {
      const page = await listImportIssues({ tx, tenant }, imp.id, { limit: 1000 });
      return page.items.map((issue) => presentImportIssue(issue, locale));
    });
    const rejected = issues.filter((issue) => issue.severity === 'error');
    const warnings = issues.filter((issue) => issue.severity === 'warning');
    let applied = false;
    if (values.apply && counts.new + counts.updated > 0) {
      await applyImport(deps, tenant.id, imp.id, { membershipId: null, ipAddress: 'cli' });
      // No job worker runs in the command line: tidy up now rather than at the server's next start.
      await finishAppliedImport(db, tenant.id, imp.id);
      applied = true;
    }
    return {
      exitCode: counts.rejected > 0 ? 1 : 0,
      output: {
        import: imp.id,
        file: imp.fileName,
        encoding: imp.encoding,
        rows: imp.totalRows,
        mapping: imp.mapping,
        counts,
        applied,
        rejected,
        warnings,
      },
    };
  } catch (error) {
    return fail(error, locale);
  }
}

/** `registry export`: a segment or the whole registry to a CSV file; the summary as JSON. */
async function exportFile(deps: Deps, { values, positionals }: ParsedCommand): Promise<CommandResult> {
  const locale = localeOf(values);
  const file = positionals[0]!;
  const encoding = values.encoding === 'cp932' ? 'cp932' : 'utf8';
  const columns = (typeof values.columns === 'string' ? values.columns.split(',') : [...exportColumns]).map(
    (c) => c.trim(),
  ) as ExportColumn[];
  const unknown = columns.filter((c) => !(exportColumns as readonly string[]).includes(c));
  if (unknown.length)
    throw new UsageError(`unknown columns: ${unknown.join(', ')} (known: ${exportColumns.join(', ')})`);
  const tenant = await findTenant(deps, String(values.tenant));
  try {
    const result = await inTenant(deps.database.db, tenant.id, async (tx) => {
      const segment =
        typeof values.segment === 'string'
          ? await findSegment({ tx, tenant }, { name: values.segment })
          : null;
      return exportRecords(
        { tx, tenant, actor: { membershipId: null }, ipAddress: 'cli' },
        {
          filter: segment ? segmentFilter(segment) : {},
          columns,
          encoding,
          locale,
          segmentName: segment?.name,
        },
      );
    });
    await writeFile(file, result.bytes);
    return { exitCode: 0, output: { file, ...presentSpreadsheetSummary(result.summary, locale) } };
  } catch (error) {
    return fail(error, locale);
  }
}

export const registryImportCommand: Command = {
  name: ['registry', 'import'],
  summary:
    'Dry-run a CSV (UTF-8 or CP932) or .xlsx file against the registry and print the result as JSON; ' +
    'with --apply, write the accepted rows (all or none). Exits 1 when rows were rejected.',
  options: {
    tenant: { type: 'string', value: '<slug>', description: 'The network', required: true },
    mapping: { type: 'string', value: '<template>', description: 'A saved column mapping to use' },
    apply: { type: 'boolean', description: 'Write the accepted rows after the dry run' },
    lang: langOption,
  },
  positionals: [{ name: 'file', description: 'The file to import' }],
  run: (parsed, context) => printResult(context, (deps) => importFile(deps, parsed)),
};

export const registryExportCommand: Command = {
  name: ['registry', 'export'],
  summary:
    'Write the registry (or one segment) as CSV and print a summary as JSON: cells guarded against ' +
    'spreadsheet formulas, and letters CP932 cannot hold (written as 〓).',
  options: {
    tenant: { type: 'string', value: '<slug>', description: 'The network', required: true },
    segment: { type: 'string', value: '<name>', description: 'Export only this saved segment' },
    encoding: {
      type: 'string',
      value: '<utf8|cp932>',
      description: 'UTF-8 with BOM, or CP932 (Shift_JIS) for older Excel',
      choices: ['utf8', 'cp932'],
      default: 'utf8',
    },
    columns: {
      type: 'string',
      value: '<a,b,…>',
      description: `Columns to write (${exportColumns.join(', ')})`,
    },
    lang: langOption,
  },
  positionals: [{ name: 'file', description: 'The CSV file to write' }],
  run: (parsed, context) => printResult(context, (deps) => exportFile(deps, parsed)),
};
