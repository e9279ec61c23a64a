import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { bootEnishi, createLogger } from './boot.js';
import { loadConfig } from './config.js';
import { pgliteExecutor } from './db/client.js';
import { migrateDatabase } from './db/migrate.js';
import { queryRows } from './db/raw.js';
import { inTenant } from './db/scope.js';
import { findRecordsPage } from './modules/registry/record-query.js';
import { testTarget } from './test/harness.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const tenantId = '7d3c2a4e-8f1b-4c6d-9e2a-1b3c5d7e9f01';
const importId = '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';

// Each test migrates and boots a database on disk twice: minutes on a busy machine, not the default 30 s.
describe.skipIf(testTarget !== 'embedded')('upgrading an existing database', { timeout: 180_000 }, () => {
  it('builds the search index from the records already there, once, at the next start', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'enishi-upgrade-'));
    dirs.push(dataDir);
    // A database as the previous release left it: records with their old search tokens, and a dry run
    // staged in the old shape.
    const old = await PGlite.create({ dataDir, extensions: { pg_trgm } });
    const execute = pgliteExecutor(old);
    await migrateDatabase(execute, 'enishi_app', { until: '0009_import_speed' });
    await execute(`INSERT INTO tenants (id, slug, name_ja, name_en) VALUES ('${tenantId}', 'upgraded', '旧社', 'Old Co');
      INSERT INTO alumni_records (tenant_id, employee_number, family_name, given_name, family_name_kana,
        given_name_kana, emails, reading_key, search_text)
      VALUES ('${tenantId}', 'U1', '髙橋', '直子', 'タカハシ', 'ナオコ', '{naoko@example.jp}',
        'タカハシナオコ' || chr(1) || 'タカハシナオコ', '高橋直子 タカハシナオコ naoko@example.jp u1'),
        ('${tenantId}', 'U2', '林', '隆', 'ハヤシ', 'タカシ', '{}',
        'ハヤシタカシ' || chr(1) || 'ハヤシタカシ', '林隆 ハヤシタカシ u2'),
        ('${tenantId}', 'U3', 'スミス', 'ジョン', 'スミス', 'ジョン・ポール', '{}',
        'スミスシヨン・ホール' || chr(1) || 'スミスジョン・ポール', 'スミスジョン スミスジョンポール u3');
      INSERT INTO record_search_tokens (tenant_id, token, record_id)
        SELECT tenant_id, '高橋', id FROM alumni_records WHERE employee_number = 'U1';
      INSERT INTO registry_imports (tenant_id, id, file_name, format, encoding, headers, status)
        VALUES ('${tenantId}', '${importId}', 'old.csv', 'csv', 'utf-8', '{社員番号}', 'checked');
      INSERT INTO import_staged (tenant_id, import_id, record_id, row_number, kind, row, changes)
        VALUES ('${tenantId}', '${importId}', gen_random_uuid(), 2, 'new', '{}', '{}');`);
    await old.close();

    const config = loadConfig({ LOG_LEVEL: 'silent', ENISHI_DATA_DIR: dataDir, ENISHI_DEMO: '0' });
    const enishi = await bootEnishi(config, { workers: false, logger: createLogger(config) });
    try {
      const db = enishi.deps.database.db;
      const find = async (q: string) =>
        (await findRecordsPage(db, tenantId, { filter: { q }, sort: 'reading', limit: 10 })).records.map(
          (r) => r.employeeNumber,
        );
      expect(await find('高橋')).toEqual(['U1']);
      expect(await find('なおこ')).toEqual(['U1']);
      expect(await find('たかはし')).toEqual(['U1']);
      expect(await find('naoko@example.jp')).toEqual(['U1']);
      expect(await find('林隆')).toEqual(['U2']);
      // Keys written by the old release are brought up to date: the reading without its middle dot.
      expect(await find('すみすじょんぽーる')).toEqual(['U3']);
      const state = await inTenant(db, tenantId, (tx) =>
        queryRows<{ tasks: number; status: string; staged: number }>(
          tx,
          sql`select (select count(*)::int from maintenance_tasks) as tasks,
            (select status from registry_imports where id = ${importId}) as status,
            (select count(*)::int from import_staged) as staged`,
        ),
      );
      // The old dry run has to be run again, in the new shape.
      expect(state).toEqual([{ tasks: 0, status: 'uploaded', staged: 0 }]);
    } finally {
      await enishi.close();
    }
  });

  it('sends dry runs staged before token changes moved onto the staged rows back for a new check', async () => {
    const old = await PGlite.create({ dataDir: 'memory://', extensions: { pg_trgm } });
    const execute = pgliteExecutor(old);
    try {
      await migrateDatabase(execute, 'enishi_app', { until: '0038_member_presence' });
      await execute(`INSERT INTO tenants (id, slug, name_ja, name_en) VALUES ('${tenantId}', 'upgraded', '旧社', 'Old Co');
        INSERT INTO registry_imports (tenant_id, id, file_name, format, encoding, headers, status, counts, mapping)
          VALUES ('${tenantId}', '${importId}', 'old.csv', 'csv', 'utf-8', '{社員番号,氏名}', 'checked',
            '{"new":1,"updated":0,"unchanged":0,"rejected":0}', '{"社員番号":"employeeNumber","氏名":"fullName"}');
        INSERT INTO import_staged (tenant_id, import_id, record_id, row_number, kind, changes, family_name)
          VALUES ('${tenantId}', '${importId}', gen_random_uuid(), 2, 'new', '{}', '山田');
        INSERT INTO import_token_changes (tenant_id, import_id, part, token, change, record_ids)
          SELECT tenant_id, import_id, 0, '山田', 'add', array[record_id] FROM import_staged;`);
      await migrateDatabase(execute, 'enishi_app');
      const { rows } = await execute(`SELECT status, counts, mapping->>'氏名' AS name,
        (SELECT count(*)::int FROM import_staged) AS staged,
        (SELECT count(*)::int FROM import_token_changes) AS tokens FROM registry_imports`);
      // Its staged rows carry no tokens for the apply to gather: the import waits for a new dry run.
      expect(rows).toEqual([{ status: 'uploaded', counts: null, name: 'fullName', staged: 0, tokens: 0 }]);
    } finally {
      await old.close();
    }
  });

  it('gives members who joined through an invitation their directory tokens at the next start', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'enishi-upgrade-'));
    dirs.push(dataDir);
    const memberId = '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d';
    // As the previous release left an accepted invitation: a profile with its search text, no tokens.
    const old = await PGlite.create({ dataDir, extensions: { pg_trgm } });
    const execute = pgliteExecutor(old);
    await migrateDatabase(execute, 'enishi_app', { until: '0012_record_references_keep_tenant' });
    await execute(`INSERT INTO tenants (id, slug, name_ja, name_en) VALUES ('${tenantId}', 'upgraded', '旧社', 'Old Co');
      INSERT INTO accounts (id, email, display_name) VALUES ('${memberId}', 'misaki@example.jp', '髙橋 美咲');
      INSERT INTO memberships (tenant_id, id, account_id, role, display_name)
        VALUES ('${tenantId}', '${memberId}', '${memberId}', 'alumnus', '髙橋 美咲');
      INSERT INTO member_profiles (tenant_id, membership_id, display_name_kana, listed_in_directory, reading_key, search_text)
        VALUES ('${tenantId}', '${memberId}', 'タカハシ ミサキ', true, 'タカハシミサキ', '高橋美咲 タカハシミサキ');`);
    await old.close();

    const config = loadConfig({ LOG_LEVEL: 'silent', ENISHI_DATA_DIR: dataDir, ENISHI_DEMO: '0' });
    const enishi = await bootEnishi(config, { workers: false, logger: createLogger(config) });
    try {
      const tokens = await inTenant(enishi.deps.database.db, tenantId, (tx) =>
        queryRows<{ token: string }>(
          tx,
          sql`select token from member_search_tokens where membership_id = ${memberId} order by token`,
        ),
      );
      expect(tokens.map((t) => t.token)).toEqual(
        expect.arrayContaining(['高橋', '美咲', '高', '~タカハシ', '~ミサキ']),
      );
    } finally {
      await enishi.close();
    }
  });
});
