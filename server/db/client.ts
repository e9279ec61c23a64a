import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { migrateDatabase, type SqlExecutor } from './migrate.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
export type AppDatabase = PgDatabase<PgQueryResultHKT, Schema>;
export type AppTransaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database handle or an open transaction: what data-layer functions accept. */
export type Queryable = AppDatabase | AppTransaction;

export type Database = {
  kind: 'embedded' | 'server';
  db: AppDatabase;
  /** Raw SQL as the application role, for pg-boss and low-level checks. */
  execute: SqlExecutor;
  /**
   * On a PostgreSQL server, a connection of the application's pool for work that must control when a
   * statement is written (the mail outbox sends COMMIT and then the end of a message, see sent-marks).
   */
  pool?: pg.Pool;
  close(): Promise<void>;
};

export type DatabaseOptions = {
  /** Embedded data directory, or 'memory://' for tests. Ignored when a url is given. */
  dataDir?: string;
  url?: string;
  ownerUrl?: string;
  appRole: string;
  /** Runs after migrations, as the owner, before the app role takes over (pg-boss schema setup). */
  prepare?: (owner: SqlExecutor) => Promise<void>;
};

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url ? openServerDatabase(options, options.url) : openEmbeddedDatabase(options);
}

async function openEmbeddedDatabase(options: DatabaseOptions): Promise<Database> {
  const client = await PGlite.create({ dataDir: options.dataDir ?? 'memory://', extensions: { pg_trgm } });
  const execute = pgliteExecutor(client);
  await migrateDatabase(execute, options.appRole);
  await options.prepare?.(execute);
  // PGlite's built-in user is a superuser, which row-level security never applies to:
  // from here on the single session runs as the unprivileged application role.
  await client.exec(`SET ROLE ${options.appRole}`);
  return {
    kind: 'embedded',
    db: drizzlePglite(client, { schema }) as unknown as AppDatabase,
    execute,
    close: () => client.close(),
  };
}

async function openServerDatabase(options: DatabaseOptions, url: string): Promise<Database> {
  const owner = new pg.Client({ connectionString: options.ownerUrl ?? url });
  await owner.connect();
  try {
    const ownerExecute = pgClientExecutor(owner);
    await migrateDatabase(ownerExecute, options.appRole);
    await options.prepare?.(ownerExecute);
  } finally {
    await owner.end();
  }
  // Whoever logs in, queries run as the application role: set at connection start-up, so no query can
  // run before it (when DATABASE_URL already is that role this is a no-op).
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    application_name: 'enishi',
    // JIT compilation costs more than it saves on short, index-driven requests (measured: +140 ms on a
    // feed query whose execution takes under 10 ms), so it is off for the application's connections.
    options: `-c role=${options.appRole} -c jit=off`,
  });
  return {
    kind: 'server',
    db: drizzleNodePostgres(pool, { schema }) as unknown as AppDatabase,
    pool,
    execute: async (text, values) => {
      const result = await pool.query(text, values as unknown[] | undefined);
      return { rows: result.rows };
    },
    close: () => pool.end(),
  };
}

export function pgliteExecutor(client: PGlite): SqlExecutor {
  return async (text, values) => {
    if (values === undefined || values.length === 0) {
      // Multi-statement scripts (migrations, pg-boss plans) only run through the simple protocol.
      const results = await client.exec(text);
      return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
    }
    const result = await client.query<Record<string, unknown>>(text, [...values]);
    return { rows: result.rows };
  };
}

function pgClientExecutor(client: pg.Client): SqlExecutor {
  return async (text, values) => {
    const result = await client.query(text, values as unknown[] | undefined);
    const last = Array.isArray(result) ? result.at(-1) : result;
    return { rows: (last?.rows ?? []) as Record<string, unknown>[] };
  };
}
