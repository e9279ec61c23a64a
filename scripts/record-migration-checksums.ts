import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { migrationsFolder, readMigrations } from '../server/db/migrate.js';

// Adds checksums for new migrations only; an edited landed migration keeps its old checksum and fails the test.
const file = path.join(migrationsFolder, 'checksums.json');
const recorded: Record<string, string> = existsSync(file) ? JSON.parse(await readFile(file, 'utf8')) : {};
for (const migration of await readMigrations()) recorded[migration.tag] ??= migration.hash;
await writeFile(file, `${JSON.stringify(recorded, null, 2)}\n`);
console.log(`checksums recorded for ${Object.keys(recorded).length} migrations`);
