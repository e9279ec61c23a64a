import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { alumniRecords, memberships, recordHistory, registryImports } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, type FieldError, invalid, notFound } from '../../platform/errors.js';
import { refreshMemberSearch } from '../community/member-search.js';
import type { ChangeSource, RegistryContext } from './context.js';
import { listCustomFields, validateCustomFields } from './custom-fields.js';
import {
  derivedKeys,
  diffRecord,
  emptyRecordValues,
  type RecordRow,
  type RecordValues,
  statusAfter,
} from './record-values.js';
import type { RecordFields, RecordPatch } from './schemas.js';
import { indexRecord, withAnyEmail } from './search-index.js';

function withoutUndefined<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Turns validated API input into column values; consent changes are stamped with time and source. */
async function valuesFromInput(
  ctx: RegistryContext,
  current: RecordValues,
  input: RecordPatch,
): Promise<Partial<RecordValues>> {
  const patch = withoutUndefined(input) as Partial<RecordValues>;
  if (input.customFields) {
    const { values, errors } = validateCustomFields(await listCustomFields(ctx), input.customFields);
    if (errors.length > 0) throw invalid(errors);
    patch.customFields = values;
  }
  if (patch.emails) patch.emails = [...new Set(patch.emails)];
  if (patch.hrTags) patch.hrTags = [...new Set(patch.hrTags)];
  if (input.contactConsent && input.contactConsent !== current.contactConsent) {
    patch.consentAt = new Date();
    patch.consentSource = input.consentSource ?? 'hr_console';
  }
  const eligibility = patch.eligibility ?? current.eligibility;
  const status = statusAfter(current.status, eligibility);
  if (status !== current.status) patch.status = status;
  return patch;
}

async function ensureKeysFree(
  tx: Queryable,
  tenantId: string,
  values: Partial<RecordValues>,
  selfId?: string,
) {
  const errors: FieldError[] = [];
  const notSelf = selfId ? ne(alumniRecords.id, selfId) : undefined;
  if (values.employeeNumber) {
    const [taken] = await tx
      .select({ id: alumniRecords.id })
      .from(alumniRecords)
      .where(
        and(
          eq(alumniRecords.tenantId, tenantId),
          eq(alumniRecords.employeeNumber, values.employeeNumber),
          notSelf,
        ),
      );
    if (taken) errors.push({ path: 'employeeNumber', code: 'record_employee_number_taken' });
  }
  if (values.emails && values.emails.length > 0) {
    const [taken] = await tx
      .select({ id: alumniRecords.id })
      .from(alumniRecords)
      .where(and(eq(alumniRecords.tenantId, tenantId), withAnyEmail(tenantId, values.emails), notSelf));
    if (taken) errors.push({ path: 'emails', code: 'record_email_taken' });
  }
  if (errors.length > 0) throw new AppError(409, errors[0]!.code, errors);
}

export async function writeHistory(
  tx: Queryable,
  entry: {
    tenantId: string;
    recordId: string;
    actorMembershipId: string | null;
    source: ChangeSource;
    changes: object;
  },
) {
  if (Object.keys(entry.changes).length === 0) return;
  await tx
    .insert(recordHistory)
    .values({ ...entry, changes: entry.changes as Record<string, [unknown, unknown]> });
}

export async function createRecord(
  ctx: RegistryContext,
  input: RecordFields,
  source: ChangeSource = 'console',
) {
  const patch = await valuesFromInput(ctx, emptyRecordValues, input);
  const values: RecordValues = { ...emptyRecordValues, ...patch };
  await ensureKeysFree(ctx.tx, ctx.tenant.id, values);
  const [record] = await ctx.tx
    .insert(alumniRecords)
    .values({ tenantId: ctx.tenant.id, ...values, ...derivedKeys(values) })
    .returning();
  await indexRecord(ctx.tx, ctx.tenant.id, record!.id, values);
  await writeHistory(ctx.tx, {
    tenantId: ctx.tenant.id,
    recordId: record!.id,
    actorMembershipId: ctx.actor.membershipId,
    source,
    changes: diffRecord({}, values),
  });
  return record!;
}

export async function findRecord(
  tx: Queryable,
  tenantId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<RecordRow> {
  const query = tx
    .select()
    .from(alumniRecords)
    .where(and(eq(alumniRecords.tenantId, tenantId), eq(alumniRecords.id, id)));
  // Locked before an update, so the search index changes from the values really stored.
  const [record] = options.forUpdate ? await query.for('update') : await query;
  if (!record) throw notFound();
  return record;
}

export async function updateRecord(
  ctx: RegistryContext,
  id: string,
  input: RecordPatch,
  source: ChangeSource = 'console',
) {
  const current = await findRecord(ctx.tx, ctx.tenant.id, id, { forUpdate: true });
  const patch = await valuesFromInput(ctx, current, input);
  const changes = diffRecord(current, patch);
  if (Object.keys(changes).length === 0) return current;
  await ensureKeysFree(ctx.tx, ctx.tenant.id, patch, id);
  const next = { ...current, ...patch };
  const [record] = await ctx.tx
    .update(alumniRecords)
    .set({ ...patch, ...derivedKeys(next), updatedAt: new Date() })
    .where(and(eq(alumniRecords.tenantId, ctx.tenant.id), eq(alumniRecords.id, id)))
    .returning();
  await indexRecord(ctx.tx, ctx.tenant.id, id, next, current);
  // A member may have chosen to be found in the directory by the former names on their record.
  if (current.membershipId && changes.formerNames) {
    await refreshMemberSearch(ctx.tx, ctx.tenant.id, current.membershipId);
  }
  await writeHistory(ctx.tx, {
    tenantId: ctx.tenant.id,
    recordId: id,
    actorMembershipId: ctx.actor.membershipId,
    source,
    changes,
  });
  return record!;
}

/** The history entry of a record an import created: who applied which file, and when. */
async function importCreation(tx: Queryable, tenantId: string, importId: string) {
  const [row] = await tx
    .select({
      id: registryImports.id,
      createdAt: registryImports.appliedAt,
      fileName: registryImports.fileName,
      actor: memberships.displayName,
    })
    .from(registryImports)
    .leftJoin(
      memberships,
      and(eq(memberships.tenantId, registryImports.tenantId), eq(memberships.id, registryImports.appliedBy)),
    )
    .where(and(eq(registryImports.tenantId, tenantId), eq(registryImports.id, importId)));
  if (!row?.createdAt) return null;
  return {
    id: row.id,
    createdAt: row.createdAt,
    source: 'import',
    changes: { created: [null, row.fileName] } as Record<string, [unknown, unknown]>,
    actor: row.actor,
  };
}

/** A record with its history; viewing personal data is itself audited. */
export async function viewRecord(ctx: RegistryContext, id: string) {
  const record = await findRecord(ctx.tx, ctx.tenant.id, id);
  const history = await ctx.tx
    .select({
      id: recordHistory.id,
      createdAt: recordHistory.createdAt,
      source: recordHistory.source,
      changes: recordHistory.changes,
      actor: memberships.displayName,
    })
    .from(recordHistory)
    .leftJoin(
      memberships,
      and(
        eq(memberships.tenantId, recordHistory.tenantId),
        eq(memberships.id, recordHistory.actorMembershipId),
      ),
    )
    .where(and(eq(recordHistory.tenantId, ctx.tenant.id), eq(recordHistory.recordId, id)))
    .orderBy(desc(recordHistory.createdAt), desc(recordHistory.id))
    .limit(200);
  const creation = record.createdByImportId
    ? await importCreation(ctx.tx, ctx.tenant.id, record.createdByImportId)
    : null;
  const member = record.membershipId
    ? ((
        await ctx.tx
          .select({ id: memberships.id, displayName: memberships.displayName })
          .from(memberships)
          .where(and(eq(memberships.tenantId, ctx.tenant.id), eq(memberships.id, record.membershipId)))
      )[0] ?? null)
    : null;
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action: 'record.viewed',
    targetType: 'alumni_record',
    targetId: id,
    ipAddress: ctx.ipAddress,
  });
  return { record, history: creation ? [...history, creation] : history, member };
}

/** Tag, untag or exclude many records at once; each changed record gets its own history entry. */
export async function applyBulkAction(
  ctx: RegistryContext,
  input: { ids: string[]; action: 'tag' | 'untag' | 'exclude'; tag?: string | undefined },
) {
  if (input.action !== 'exclude' && !input.tag) throw invalid([{ path: 'tag', code: 'field_required' }]);
  const records = await ctx.tx
    .select()
    .from(alumniRecords)
    .where(and(eq(alumniRecords.tenantId, ctx.tenant.id), inArray(alumniRecords.id, input.ids)));
  let changed = 0;
  for (const record of records) {
    const patch: RecordPatch =
      input.action === 'exclude'
        ? { eligibility: 'not_eligible' }
        : {
            hrTags:
              input.action === 'tag'
                ? [...record.hrTags, input.tag!]
                : record.hrTags.filter((tag) => tag !== input.tag),
          };
    const updated = await updateRecord(ctx, record.id, patch);
    if (updated.updatedAt.getTime() !== record.updatedAt.getTime()) changed++;
  }
  await recordAudit(ctx.tx, {
    tenantId: ctx.tenant.id,
    actorMembershipId: ctx.actor.membershipId,
    action: `records.bulk_${input.action}`,
    targetType: 'alumni_record',
    data: { count: records.length, changed, ...(input.tag ? { tag: input.tag } : {}) },
    ipAddress: ctx.ipAddress,
  });
  return { matched: records.length, changed };
}
