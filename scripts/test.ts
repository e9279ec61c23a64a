import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * `npm test`: typecheck, lint, unit + API suites (on PGlite, and on a PostgreSQL server when
 * TEST_DATABASE_URL is set; once more under a second Node.js when TEST_SECOND_NODE names its binary),
 * then the browser journeys. Ends with one line: N passed, N failed.
 */
type Tally = { passed: number; failed: number; skipped: number };
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const outDir = path.resolve('.test-data');
mkdirSync(outDir, { recursive: true });

function run(label: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(label: string, command: string, args: string[]) {
  if (run(label, command, args)) total.passed += 1;
  else total.failed += 1;
}

type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  success: boolean;
};

function suite(label: string, configArgs: string[], env: Record<string, string> = {}, node?: string) {
  const report = path.join(outDir, `${label.replace(/\W+/g, '-')}.json`);
  rmSync(report, { force: true });
  const args = ['run', ...configArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  const ok = node
    ? // That Node first on PATH, so what the tests start (servers, the CLI, drizzle-kit) runs on it too.
      run(label, node, ['node_modules/vitest/vitest.mjs', ...args], {
        ...env,
        PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}`,
      })
    : run(label, 'npx', ['vitest', ...args], env);
  if (!existsSync(report)) {
    total.failed += 1;
    return;
  }
  const result = JSON.parse(readFileSync(report, 'utf8')) as VitestReport;
  total.passed += result.numPassedTests;
  total.failed += result.numFailedTests;
  total.skipped += result.numPendingTests + result.numTodoTests;
  // A suite that crashed outside any test still fails the run.
  if (!ok && result.numFailedTests === 0) total.failed += 1;
}

check('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']);
check('lint (Biome)', 'npm', ['run', '-s', 'lint']);
suite('unit and API tests (embedded PGlite)', [], { ENISHI_TEST_TARGET: 'embedded' });
if (process.env.TEST_DATABASE_URL) {
  suite('unit and API tests (PostgreSQL server)', ['server'], { ENISHI_TEST_TARGET: 'server' });
} else {
  console.log('\n▷ PostgreSQL server suite not run: TEST_DATABASE_URL is not set');
}
const secondNode = process.env.TEST_SECOND_NODE;
if (secondNode) {
  const version = spawnSync(secondNode, ['--version'], { encoding: 'utf8' }).stdout.trim() || 'unknown';
  suite(
    `unit and API tests (embedded PGlite, Node ${version})`,
    [],
    { ENISHI_TEST_TARGET: 'embedded' },
    secondNode,
  );
}

const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (existsSync(chromium)) {
  check('web build', 'npx', ['vite', 'build', '--logLevel', 'warn']);
  suite('end-to-end (Chromium)', ['-c', 'vitest.e2e.config.ts']);
} else if (process.env.REQUIRE_E2E === '1') {
  console.log(`\n✗ end-to-end not run: no Chromium at ${chromium}, and REQUIRE_E2E=1`);
  total.failed += 1;
} else {
  console.log(
    `\n▷ end-to-end not run: no Chromium at ${chromium} (set CHROME_PATH, or apt-get install chromium)`,
  );
}

const skipped = total.skipped > 0 ? `, ${total.skipped} skipped` : '';
console.log(`\n${total.passed} passed, ${total.failed} failed${skipped}`);
process.exit(total.failed > 0 ? 1 : 0);
