import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
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

export type CommandResult = { exitCode: number; output: unknown };

async function findTenant(deps: Deps, slug: string | undefined) {
  if (!slug) throw new UsageError('--tenant <slug> is required');
  const [tenant] = await deps.database.db.select().from(tenants).where(eq(tenants.slug, slug));
  if (!tenant) throw new UsageError(`no network with slug "${slug}"`);
  return tenant;
}

export class UsageError extends Error {}

const fail = (error: unknown, locale: Locale): CommandResult => {
  if (error instanceof AppError) {
    return {
      exitCode: 2,
      output: { error: error.code, message: translate(locale, error.code, error.fieldErrors[0]?.params) },
    };
  }
  throw error;
};

/** `registry import`: the dry run (and with --apply, the apply) of a file, as JSON; 1 when rows were rejected. */
export async function registryImportCommand(deps: Deps, args: string[]): Promise<CommandResult> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      tenant: { type: 'string' },
      mapping: { type: 'string' },
      apply: { type: 'boolean', default: false },
      lang: { type: 'string', default: 'ja' },
    },
  });
  const locale: Locale = isLocale(values.lang) ? values.lang : 'ja';
  const file = positionals[0];
  if (!file) throw new UsageError('the file to import is required');
  const tenant = await findTenant(deps, values.tenant);
  const db = deps.database.db;
  try {
    const imp = await createImport(
      deps,
      tenant.id,
      { membershipId: null, ipAddress: 'cli' },
      {
        fileName: path.basename(file),
        body: createReadStream(file),
        template: values.mapping,
      },
    );
    if (!mappingIsComplete(imp.mapping as ColumnMapping))
      throw new AppError(422, 'import_mapping_incomplete');
    const counts = await checkImport(db, tenant.id, imp.id);
    const rejected = await inTenant(db, tenant.id, async (tx) => {
      const page = await listImportIssues({ tx, tenant }, imp.id, { limit: 1000 });
      return page.items.map((issue) => presentImportIssue(issue, locale));
    });
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
      },
    };
  } catch (error) {
    return fail(error, locale);
  }
}

/** `registry export`: a segment or the whole registry to a CSV file. */
export async function registryExportCommand(deps: Deps, args: string[]): Promise<CommandResult> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      tenant: { type: 'string' },
      segment: { type: 'string' },
      encoding: { type: 'string', default: 'utf8' },
      columns: { type: 'string' },
      lang: { type: 'string', default: 'ja' },
    },
  });
  const locale: Locale = isLocale(values.lang) ? values.lang : 'ja';
  const file = positionals[0];
  if (!file) throw new UsageError('the file to write is required');
  if (values.encoding !== 'utf8' && values.encoding !== 'cp932')
    throw new UsageError('--encoding is utf8 or cp932');
  const columns = (values.columns?.split(',') ?? [...exportColumns]) as ExportColumn[];
  const unknown = columns.filter((c) => !(exportColumns as readonly string[]).includes(c));
  if (unknown.length)
    throw new UsageError(`unknown columns: ${unknown.join(', ')} (known: ${exportColumns.join(', ')})`);
  const tenant = await findTenant(deps, values.tenant);
  const encoding = values.encoding;
  try {
    const result = await inTenant(deps.database.db, tenant.id, async (tx) => {
      const segment = values.segment ? await findSegment({ tx, tenant }, { name: values.segment }) : null;
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
    return { exitCode: 0, output: { file, rows: result.rowCount, encoding, unencodable: result.warnings } };
  } catch (error) {
    return fail(error, locale);
  }
}
