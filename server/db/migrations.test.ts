import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { migrationsFolder, readMigrations } from './migrate.js';

const run = promisify(execFile);

describe('migrations', () => {
  it('match the schema: generating from the TypeScript schema finds nothing new', async () => {
    // drizzle-kit reads the output folder relative to the project, so the copy lives inside it.
    await mkdir('.test-data', { recursive: true });
    const out = path.relative(process.cwd(), await mkdtemp(path.join('.test-data', 'drift-')));
    try {
      await cp(migrationsFolder, out, { recursive: true });
      const before = (await readdir(out)).length;
      const { stdout } = await run('npx', ['drizzle-kit', 'generate', '--name', 'drift_check'], {
        env: { ...process.env, DRIZZLE_OUT: out },
      });
      expect(stdout).toContain('No schema changes');
      expect((await readdir(out)).length).toBe(before);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 60_000);

  it('are immutable once landed: each file still has the checksum recorded when it was added', async () => {
    const recorded = JSON.parse(
      await readFile(path.join(migrationsFolder, 'checksums.json'), 'utf8'),
    ) as Record<string, string>;
    const migrations = await readMigrations();
    for (const migration of migrations) {
      expect(
        recorded[migration.tag],
        `${migration.tag} has no recorded checksum: run npm run db:generate`,
      ).toBeDefined();
      expect(createHash('sha256').update(migration.sql).digest('hex'), migration.tag).toBe(
        recorded[migration.tag],
      );
    }
    expect(Object.keys(recorded)).toEqual(migrations.map((m) => m.tag));
  });
});
