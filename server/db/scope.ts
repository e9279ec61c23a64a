import { sql } from 'drizzle-orm';
import type { AppDatabase, AppTransaction } from './client.js';

/**
 * Runs work in one transaction scoped to a tenant: row-level security sees only that tenant's rows
 * (set_config(..., true) lasts until the transaction ends, so a pooled connection never leaks it).
 */
export function inTenant<T>(
  db: AppDatabase,
  tenantId: string,
  work: (tx: AppTransaction) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
    return work(tx);
  });
}

/** A transaction that may read the given person's own memberships across networks, and no tenant data. */
export function asAccount<T>(
  db: AppDatabase,
  accountId: string,
  work: (tx: AppTransaction) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.account_id', ${accountId}, true)`);
    return work(tx);
  });
}

/** A transaction over global tables only (accounts, sessions, tenants): tenant rows stay invisible. */
export function inGlobal<T>(db: AppDatabase, work: (tx: AppTransaction) => Promise<T>): Promise<T> {
  return db.transaction(work);
}

/** Points an already open transaction at a tenant, e.g. right after creating that tenant. */
export async function enterTenant(tx: AppTransaction, tenantId: string): Promise<void> {
  await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
}
