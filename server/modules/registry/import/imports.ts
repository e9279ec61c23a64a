import { and, asc, desc, eq, gt, or } from 'drizzle-orm';
import type { AppDatabase } from '../../../db/client.js';
import { importIssues, importTemplates, registryImports } from '../../../db/schema/index.js';
import { inTenant } from '../../../db/scope.js';
import { recordAudit } from '../../../platform/audit.js';
import { AppError, invalid, notFound } from '../../../platform/errors.js';
import { decodeCursor, pageOf } from '../../../platform/http/cursor.js';
import type { Deps } from '../../../platform/http/env.js';
import type { RegistryContext } from '../context.js';
import { listCustomFields } from '../custom-fields.js';
import { type ColumnMapping, isMappingValue, mappingIsComplete, suggestMapping } from './columns.js';
import { rechunk, storeChunk, storedChunks } from './import-files.js';
import { readHeader } from './read-table.js';

export type ImportRecord = typeof registryImports.$inferSelect;

/**
 * Stores an upload in 1 MB chunks as it arrives, then reads its header to pre-fill the column mapping
 * (from a saved template when one is named). A file that cannot be read leaves nothing behind.
 */
export async function createImport(
  deps: Deps,
  tenantId: string,
  actor: { membershipId: string | null; ipAddress?: string },
  input: {
    fileName: string;
    body: AsyncIterable<Uint8Array>;
    template?: string | undefined;
    consentWordingVersion?: string | undefined;
  },
): Promise<ImportRecord> {
  const db = deps.database.db;
  const [created] = await inTenant(db, tenantId, (tx) =>
    tx
      .insert(registryImports)
      .values({
        tenantId,
        fileName: input.fileName,
        format: 'csv',
        encoding: '',
        headers: [],
        createdBy: actor.membershipId,
        options: input.consentWordingVersion ? { consentWordingVersion: input.consentWordingVersion } : {},
      })
      .returning(),
  );
  const id = created!.id;
  try {
    let seq = 0;
    let bytes = 0;
    for await (const chunk of rechunk(input.body)) {
      await inTenant(db, tenantId, (tx) => storeChunk(tx, { tenantId, importId: id, seq, data: chunk }));
      seq += 1;
      bytes += chunk.length;
    }
    const header = await readHeader(storedChunks(db, tenantId, id));
    return await inTenant(db, tenantId, async (tx) => {
      const fields = await listCustomFields({ tx, tenant: { id: tenantId } });
      const [template] = input.template
        ? await tx
            .select()
            .from(importTemplates)
            .where(and(eq(importTemplates.tenantId, tenantId), eq(importTemplates.name, input.template)))
        : [];
      if (input.template && !template) throw invalid([{ path: 'template', code: 'not_found' }]);
      const [updated] = await tx
        .update(registryImports)
        .set({
          format: header.format,
          encoding: header.encoding,
          headers: header.headers,
          totalRows: header.dataRows,
          byteSize: bytes,
          mapping: suggestMapping(header.headers, fields, template?.mapping),
        })
        .where(and(eq(registryImports.tenantId, tenantId), eq(registryImports.id, id)))
        .returning();
      await recordAudit(tx, {
        tenantId,
        actorMembershipId: actor.membershipId,
        action: 'registry.import_uploaded',
        targetType: 'registry_import',
        targetId: id,
        data: { fileName: input.fileName, rows: header.dataRows, encoding: header.encoding },
        ipAddress: actor.ipAddress ?? '',
      });
      return updated!;
    });
  } catch (error) {
    await inTenant(db, tenantId, (tx) =>
      tx
        .delete(registryImports)
        .where(and(eq(registryImports.tenantId, tenantId), eq(registryImports.id, id))),
    );
    throw error;
  }
}

export async function getImport(ctx: Pick<RegistryContext, 'tx' | 'tenant'>, id: string) {
  const [imp] = await ctx.tx
    .select()
    .from(registryImports)
    .where(and(eq(registryImports.tenantId, ctx.tenant.id), eq(registryImports.id, id)));
  if (!imp) throw notFound();
  return imp;
}

export function listImports(ctx: RegistryContext) {
  return ctx.tx
    .select()
    .from(registryImports)
    .where(eq(registryImports.tenantId, ctx.tenant.id))
    .orderBy(desc(registryImports.createdAt))
    .limit(20);
}

/** Checks and stores the mapping (optionally as a named template) and queues the dry run. */
export async function requestCheck(
  ctx: RegistryContext,
  id: string,
  input: { mapping: Record<string, string>; saveTemplateAs?: string | undefined },
) {
  const imp = await getImport(ctx, id);
  if (imp.status === 'expired') throw new AppError(410, 'import_expired');
  if (!['uploaded', 'checked', 'failed'].includes(imp.status)) throw new AppError(409, 'import_not_ready');
  const customKeys = new Set((await listCustomFields(ctx)).map((f) => f.key));
  const mapping: ColumnMapping = {};
  for (const header of imp.headers) {
    const value = input.mapping[header] ?? 'ignore';
    if (!isMappingValue(value, customKeys))
      throw invalid([{ path: `mapping.${header}`, code: 'field_invalid_option' }]);
    mapping[header] = value;
  }
  if (!mappingIsComplete(mapping))
    throw invalid([{ path: 'mapping', code: 'import_mapping_incomplete' }], 'import_mapping_incomplete');
  if (input.saveTemplateAs) {
    const [existing] = await ctx.tx
      .select()
      .from(importTemplates)
      .where(
        and(eq(importTemplates.tenantId, ctx.tenant.id), eq(importTemplates.name, input.saveTemplateAs)),
      );
    if (existing) {
      await ctx.tx
        .update(importTemplates)
        .set({ mapping })
        .where(and(eq(importTemplates.tenantId, ctx.tenant.id), eq(importTemplates.id, existing.id)));
    } else {
      await ctx.tx
        .insert(importTemplates)
        .values({ tenantId: ctx.tenant.id, name: input.saveTemplateAs, mapping });
    }
  }
  const [updated] = await ctx.tx
    .update(registryImports)
    .set({ mapping, status: 'checking', processedRows: 0, counts: null, errorCode: null })
    .where(and(eq(registryImports.tenantId, ctx.tenant.id), eq(registryImports.id, id)))
    .returning();
  await ctx.deps.jobs.send(ctx.tx, 'registry.import.check', { tenantId: ctx.tenant.id, importId: id });
  return updated!;
}

/**
 * Queues the apply of a checked import. An import still marked `applying` whose row nobody holds has
 * lost its apply (the process running it stopped): it may be queued again, and since an apply runs in
 * one transaction, nothing of the lost one was written.
 */
export async function requestApply(ctx: RegistryContext, id: string) {
  const imp = await getImport(ctx, id);
  if (imp.status === 'expired') throw new AppError(410, 'import_expired');
  if (imp.status === 'applying') {
    const [free] = await ctx.tx
      .select({ id: registryImports.id })
      .from(registryImports)
      .where(and(eq(registryImports.tenantId, ctx.tenant.id), eq(registryImports.id, id)))
      .for('update', { skipLocked: true });
    if (!free) throw new AppError(409, 'import_applying');
  } else if (imp.status !== 'checked') throw new AppError(409, 'import_not_ready');
  const [updated] = await ctx.tx
    .update(registryImports)
    .set({ status: 'applying' })
    .where(and(eq(registryImports.tenantId, ctx.tenant.id), eq(registryImports.id, id)))
    .returning();
  await ctx.deps.jobs.send(ctx.tx, 'registry.import.apply', {
    tenantId: ctx.tenant.id,
    importId: id,
    actorMembershipId: ctx.actor.membershipId,
    ipAddress: ctx.ipAddress,
  });
  return updated!;
}

export async function listImportIssues(
  ctx: Pick<RegistryContext, 'tx' | 'tenant'>,
  id: string,
  query: { cursor?: string | undefined; limit: number },
) {
  await getImport(ctx, id);
  const after = decodeCursor(query.cursor, 2);
  const rows = await ctx.tx
    .select()
    .from(importIssues)
    .where(
      and(
        eq(importIssues.tenantId, ctx.tenant.id),
        eq(importIssues.importId, id),
        after
          ? or(
              gt(importIssues.rowNumber, Number(after[0])),
              and(eq(importIssues.rowNumber, Number(after[0])), gt(importIssues.position, Number(after[1]))),
            )
          : undefined,
      ),
    )
    .orderBy(asc(importIssues.rowNumber), asc(importIssues.position))
    .limit(query.limit + 1);
  return pageOf(rows, query.limit, (row) => [row.rowNumber, row.position]);
}

export function listImportTemplates(ctx: RegistryContext) {
  return ctx.tx
    .select()
    .from(importTemplates)
    .where(eq(importTemplates.tenantId, ctx.tenant.id))
    .orderBy(asc(importTemplates.name));
}

/** Marks a job's failure on the import, so the screen shows why instead of spinning. */
export async function markImportFailed(db: AppDatabase, tenantId: string, importId: string, code: string) {
  await inTenant(db, tenantId, (tx) =>
    tx
      .update(registryImports)
      .set({ status: 'failed', errorCode: code })
      .where(and(eq(registryImports.tenantId, tenantId), eq(registryImports.id, importId))),
  );
}
