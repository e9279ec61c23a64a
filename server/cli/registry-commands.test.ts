import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant } from '../test/factories.js';
import { startTestServer, type TestServer } from '../test/harness.js';
import { registryExportCommand, registryImportCommand } from './registry-commands.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const sample = path.join(import.meta.dirname, '../test/fixtures/leavers-sjis.csv');

describe('registry commands', () => {
  it('dry-runs by default, applies with --apply, and exits 1 while rows are rejected', async () => {
    const { slug } = await createTestTenant(server);
    const dry = await registryImportCommand(server.deps, ['--tenant', slug, sample]);
    const summary = dry.output as {
      counts: { new: number; rejected: number };
      applied: boolean;
      rejected: { row: number; message: string }[];
    };
    expect(dry.exitCode).toBe(1);
    expect(summary.applied).toBe(false);
    expect(summary.counts.rejected).toBeGreaterThan(0);
    expect(summary.rejected.find((r) => r.row === 71)?.message).toBe(
      'メールアドレスの形式が正しくありません。',
    );

    const applied = await registryImportCommand(server.deps, ['--tenant', slug, '--apply', sample]);
    expect((applied.output as { applied: boolean; counts: { new: number } }).applied).toBe(true);
    expect((applied.output as { counts: { new: number } }).counts.new).toBe(summary.counts.new);

    const again = await registryImportCommand(server.deps, ['--tenant', slug, '--apply', sample]);
    expect(
      (again.output as { counts: { new: number; updated: number; unchanged: number } }).counts,
    ).toMatchObject({
      new: 0,
      updated: 0,
      unchanged: summary.counts.new,
    });

    const out = path.join(mkdtempSync(path.join(tmpdir(), 'enishi-')), 'out.csv');
    const exported = await registryExportCommand(server.deps, [
      '--tenant',
      slug,
      '--encoding',
      'cp932',
      '--columns',
      'employeeNumber,fullName',
      out,
    ]);
    expect(exported.exitCode).toBe(0);
    expect((exported.output as { rows: number }).rows).toBe(summary.counts.new);
    expect(readFileSync(out).length).toBeGreaterThan(1000);
  });

  it('reports an unreadable file with exit code 2 and writes nothing', async () => {
    const { slug } = await createTestTenant(server);
    const dir = mkdtempSync(path.join(tmpdir(), 'enishi-'));
    const bad = path.join(dir, 'bad.csv');
    await import('node:fs/promises').then((fs) => fs.writeFile(bad, '社員番号,氏名\n'));
    const result = await registryImportCommand(server.deps, ['--tenant', slug, bad]);
    expect(result).toMatchObject({ exitCode: 2, output: { error: 'import_file_empty' } });
  });
});
