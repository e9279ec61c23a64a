import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type SqlExecutor = (
  text: string,
  values?: readonly unknown[],
) => Promise<{ rows: Record<string, unknown>[] }>;

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

type Journal = { entries: { idx: number; tag: string }[] };
export type Migration = { tag: string; sql: string; hash: string };

export async function readMigrations(folder = migrationsFolder): Promise<Migration[]> {
  const journal = JSON.parse(await readFile(path.join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;
  const entries = [...journal.entries].sort((a, b) => a.idx - b.idx);
  return Promise.all(
    entries.map(async ({ tag }) => {
      const sql = await readFile(path.join(folder, `${tag}.sql`), 'utf8');
      return { tag, sql, hash: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

// Any fixed number works; it only has to be the same for every Enishi instance on this database.
const MIGRATION_LOCK = 7_311_904_221;

/**
 * Applies pending migrations as the schema owner. An advisory lock makes a second instance
 * starting at the same moment wait, then find nothing left to do.
 */
export async function migrateDatabase(
  execute: SqlExecutor,
  appRole: string,
  options: { until?: string } = {},
): Promise<void> {
  const all = await readMigrations();
  // `until` stops after that migration: tests of an upgrade start from an older schema.
  const last = options.until ? all.findIndex((migration) => migration.tag === options.until) : -1;
  const migrations = last >= 0 ? all.slice(0, last + 1) : all;
  await requireSupportedServer(execute);
  await execute('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await execute(`CREATE TABLE IF NOT EXISTS schema_migrations (
      tag text PRIMARY KEY, hash text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const applied = new Map(
      (await execute('SELECT tag, hash FROM schema_migrations')).rows.map((row) => [
        String(row.tag),
        String(row.hash),
      ]),
    );
    for (const migration of migrations) {
      const appliedHash = applied.get(migration.tag);
      if (appliedHash !== undefined) {
        if (appliedHash !== migration.hash) {
          throw new Error(
            `Migration ${migration.tag} was changed after it was applied; add a new migration instead.`,
          );
        }
        continue;
      }
      const statements = migration.sql
        .split('--> statement-breakpoint')
        .map((statement) => statement.trim())
        .filter(Boolean);
      await execute('BEGIN');
      try {
        for (const statement of statements) await execute(statement);
        await execute('INSERT INTO schema_migrations (tag, hash) VALUES ($1, $2)', [
          migration.tag,
          migration.hash,
        ]);
        await execute('COMMIT');
      } catch (error) {
        await execute('ROLLBACK');
        throw error;
      }
    }
    await grantApplicationRole(execute, appRole);
  } finally {
    await execute('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}

// The migrations use PostgreSQL 15 syntax (ON DELETE SET NULL with a column list, in 0012).
const OLDEST_SERVER = 150000;

/** Refuses, with a message an operator can act on, a server older than the migrations need. */
async function requireSupportedServer(execute: SqlExecutor): Promise<void> {
  const { rows } = await execute(
    "SELECT current_setting('server_version_num')::int AS number, current_setting('server_version') AS name",
  );
  const number = Number(rows[0]?.number);
  if (number < OLDEST_SERVER)
    throw new Error(`Enishi needs PostgreSQL 15 or newer; this server runs ${String(rows[0]?.name)}.`);
}

async function grantApplicationRole(execute: SqlExecutor, role: string): Promise<void> {
  // Roles are shared by every database of a server, so two databases migrating at once may race here.
  await execute(`DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN
      CREATE ROLE ${role} NOLOGIN;
    END IF;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END $$`);
  await execute(`GRANT USAGE ON SCHEMA public TO ${role};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role};
    GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${role};
    REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations FROM ${role};`);
}

export async function pendingMigrations(execute: SqlExecutor): Promise<string[]> {
  const migrations = await readMigrations();
  const applied = new Set(
    (await execute('SELECT tag FROM schema_migrations')).rows.map((row) => String(row.tag)),
  );
  return migrations.filter((migration) => !applied.has(migration.tag)).map((migration) => migration.tag);
}
