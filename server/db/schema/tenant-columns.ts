import { type AnyPgColumn, foreignKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './platform.js';

/** Columns every tenant-owned table starts with: tenant_id leads its primary and foreign keys. */
export const tenantId = () =>
  uuid('tenant_id')
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' });
/**
 * tenant_id of a row that is reached only through its tenant's other rows (search tokens, history):
 * it still leads the keys and row-level security still guards it, but there is no foreign key check
 * against tenants on every one of the millions of rows a bulk import writes.
 */
export const derivedTenantId = () => uuid('tenant_id').notNull();
export const id = () => uuid('id').notNull().defaultRandom();
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** A composite foreign key (tenant_id, column) → (tenant_id, id): a row can only point inside its tenant. */
export function tenantForeignKey(
  name: string,
  from: [AnyPgColumn, AnyPgColumn],
  to: { tenantId: AnyPgColumn; id: AnyPgColumn },
) {
  return foreignKey({ columns: from, foreignColumns: [to.tenantId, to.id], name });
}
