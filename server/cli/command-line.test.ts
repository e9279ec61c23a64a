import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { type OpenEnishi, runCommandLine } from './command-line.js';
import { enishiCommands } from './commands.js';

const cannotOpen: OpenEnishi = () => Promise.reject(new Error('the database is not reachable'));

/** A command line that must be settled before any database is opened. */
async function enishi(argv: string[], open: OpenEnishi = cannotOpen) {
  let stdout = '';
  let stderr = '';
  const exitCode = await runCommandLine(argv, enishiCommands, {
    output: { out: (text) => (stdout += text), err: (text) => (stderr += text) },
    open,
  });
  return { exitCode, stdout, stderr };
}

const stackFrame = /^\s+at /m;

describe('the enishi command line', () => {
  it('prints help for tenant create with its usage line, and exits 0', async () => {
    const result = await enishi(['tenant', 'create', '--help']);
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout.split('\n')[0]).toBe(
      'Usage: npm run enishi -- tenant create --slug <slug> --name-ja <name> [--name-en <name>] --owner-email <email> --owner-name <name>',
    );
    expect(result.stdout).toContain('--owner-email <email>');
  });

  it.each(enishiCommands.map((command) => [command.name.join(' ')]))(
    '%s: --help and -h print help; an unknown option exits 2 with the usage line',
    async (name) => {
      const words = name.split(' ');
      for (const flag of ['--help', '-h']) {
        const help = await enishi([...words, flag]);
        expect(help.exitCode).toBe(0);
        expect(help.stdout).toMatch(new RegExp(`^Usage: npm run enishi -- ${name} `));
      }
      const bad = await enishi([...words, '--bogus']);
      expect(bad.exitCode).toBe(2);
      expect(bad.stdout).toBe('');
      expect(bad.stderr).toContain("error: Unknown option '--bogus'");
      expect(bad.stderr).toContain(`Usage: npm run enishi -- ${name} `);
      expect(bad.stderr).not.toMatch(stackFrame);
    },
  );

  it.each([
    [
      ['registry', 'export', '--tenant', 'demo', '--encoding', 'latin1', 'out.csv'],
      '--encoding must be one of utf8, cp932 (not "latin1")',
    ],
    [['registry', 'export', '--tenant', 'demo'], '<file> is required'],
    [['registry', 'export', 'out.csv'], '--tenant is required'],
    [['registry', 'export', '--tenant'], "Option '--tenant <value>' argument missing"],
    [['registry', 'import', '--tenant', 'demo', 'a.csv', 'b.csv'], 'unexpected argument "b.csv"'],
    [
      ['registry', 'import', '--apply=yes', '--tenant', 'demo', 'a.csv'],
      "Option '--apply' does not take an argument",
    ],
    [['tenant', 'create', 'extra'], 'Unexpected argument'],
    [
      [
        'tenant',
        'create',
        '--slug',
        'ok-slug',
        '--name-ja',
        '株式会社',
        '--owner-email',
        'not-mail',
        '--owner-name',
        '太郎',
      ],
      '--owner-email: Enter a valid e-mail address.',
    ],
  ])('%j exits 2: %s', async (argv, message) => {
    const result = await enishi(argv);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toMatch(/\nUsage: npm run enishi -- /);
  });

  it('lists the commands for --help, and exits 2 without a command or with an unknown one', async () => {
    const help = await enishi(['--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('  registry export\n');
    expect((await enishi([])).exitCode).toBe(2);
    const unknown = await enishi(['tenant', 'delete', '--slug', 'x']);
    expect(unknown).toMatchObject({ exitCode: 2 });
    expect(unknown.stderr).toContain('error: unknown command "tenant delete"');
  });

  it('reports a failure to open the database in one line with exit 1', async () => {
    const result = await enishi(['registry', 'export', '--tenant', 'demo', 'out.csv']);
    expect(result).toEqual({ exitCode: 1, stdout: '', stderr: 'error: the database is not reachable\n' });
  });

  it('behaves the same as a real process: help, bad options and failures without a stack trace', async () => {
    const run = (args: string[], env: Record<string, string> = {}) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', path.resolve('scripts/enishi.ts'), ...args], {
        env: { ...process.env, ...env },
      }).then(
        (done) => ({ code: 0, stdout: done.stdout, stderr: done.stderr }),
        (failed: { code: number; stdout: string; stderr: string }) => failed,
      );
    const help = await run(['tenant', 'create', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run enishi -- tenant create /);
    const bad = await run(['tenant', 'create', '--bogus']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: Unknown option '--bogus'/);
    expect(bad.stderr).not.toMatch(stackFrame);
    // Nothing listens on port 1: opening the database fails, and says so in one line.
    const down = await run(['registry', 'export', '--tenant', 'demo', 'out.csv'], {
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
      LOG_LEVEL: 'silent',
    });
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/^error: .+\n$/);
  }, 60_000);
});
