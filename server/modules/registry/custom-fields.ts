import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import type { CustomFieldValues } from '../../db/schema/index.js';
import { type CustomFieldType, customFieldDefinitions } from '../../db/schema/index.js';
import { conflict, type FieldError, invalid, notFound } from '../../platform/errors.js';
import { parseJapaneseDate } from '../../platform/japanese/dates.js';
import type { RegistryContext } from './context.js';

export type CustomFieldDefinition = typeof customFieldDefinitions.$inferSelect;

export function listCustomFields(ctx: { tx: Queryable; tenant: { id: string } }) {
  return ctx.tx
    .select()
    .from(customFieldDefinitions)
    .where(eq(customFieldDefinitions.tenantId, ctx.tenant.id))
    .orderBy(asc(customFieldDefinitions.position), asc(customFieldDefinitions.createdAt));
}

export async function createCustomField(
  ctx: RegistryContext,
  input: { key: string; label: string; type: CustomFieldType; options?: string[] | undefined },
) {
  // A choice field with no choices could never hold a value.
  if (input.type === 'select' && !input.options?.length)
    throw invalid([{ path: 'options', code: 'field_required' }]);
  const existing = await listCustomFields(ctx);
  if (existing.some((field) => field.key === input.key)) throw conflict('custom_field_key_taken');
  const [field] = await ctx.tx
    .insert(customFieldDefinitions)
    .values({
      tenantId: ctx.tenant.id,
      key: input.key,
      label: input.label,
      type: input.type,
      options: input.type === 'select' ? (input.options ?? []) : [],
      position: existing.length,
    })
    .returning();
  return field!;
}

export async function deleteCustomField(ctx: RegistryContext, id: string) {
  const deleted = await ctx.tx
    .delete(customFieldDefinitions)
    .where(and(eq(customFieldDefinitions.tenantId, ctx.tenant.id), eq(customFieldDefinitions.id, id)))
    .returning();
  if (deleted.length === 0) throw notFound();
}

/** Reads one custom value as its field's type; returns an error code when it does not fit. */
export function coerceCustomValue(
  field: Pick<CustomFieldDefinition, 'type' | 'options'>,
  raw: string | number | null,
): { value: string | number | null } | { error: FieldError['code']; allowed?: string } {
  if (raw === null || raw === '') return { value: null };
  const text = String(raw).normalize('NFKC').trim();
  switch (field.type) {
    case 'number': {
      const number = Number(text.replace(/,/g, ''));
      return Number.isFinite(number) ? { value: number } : { error: 'field_invalid_type' };
    }
    case 'date': {
      const iso = parseJapaneseDate(text);
      return iso ? { value: iso } : { error: 'field_invalid_date' };
    }
    case 'select': {
      const option = field.options.find((o) => o === String(raw).trim() || o.normalize('NFKC') === text);
      return option
        ? { value: option }
        : { error: 'field_invalid_value', allowed: field.options.join(' / ') };
    }
    default:
      return { value: String(raw).trim().slice(0, 500) };
  }
}

/** Checks every value against its definition; unknown keys are refused. */
export function validateCustomFields(
  definitions: CustomFieldDefinition[],
  values: CustomFieldValues,
): { values: CustomFieldValues; errors: FieldError[] } {
  const byKey = new Map(definitions.map((field) => [field.key, field]));
  const out: CustomFieldValues = {};
  const errors: FieldError[] = [];
  for (const [key, raw] of Object.entries(values)) {
    const field = byKey.get(key);
    if (!field) {
      errors.push({ path: `customFields.${key}`, code: 'field_unknown' });
      continue;
    }
    const result = coerceCustomValue(field, raw);
    if ('error' in result) {
      errors.push({
        path: `customFields.${key}`,
        code: result.error,
        params: { value: String(raw), allowed: result.allowed ?? '' },
      });
    } else if (result.value !== null) out[key] = result.value;
  }
  return { values: out, errors };
}
