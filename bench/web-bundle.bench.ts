/**
 * Web bundle sizes: builds the PWA into a scratch folder with Vite's manifest, then prints every
 * JavaScript and CSS chunk (raw, gzip -9, brotli 11, as the server sends them) and the JavaScript an
 * alumnus's phone downloads to show the community home (/t/<slug>): the entry, its imports, the
 * language catalog and the lazy chunks of the community layout and home page, with their imports.
 *
 *   node --import tsx bench/web-bundle.bench.ts [ja|en]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, type Manifest } from 'vite';

// The budget for the alumni home, gzipped.
const BUDGET_GZIP = 90 * 1024;
const locale = process.argv[2] === 'en' ? 'en' : 'ja';
// What an alumnus's first visit to the community home runs: routes are lazy, so these are named.
const alumniHome = [
  'index.html',
  `src/app/messages/${locale}.ts`,
  'src/features/community/CommunityLayout.tsx',
  'src/features/tenancy/HomePage.tsx',
];

const outDir = mkdtempSync(path.join(tmpdir(), 'enishi-bundle-'));
try {
  await build({
    configFile: path.resolve('vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, manifest: true },
  });
  const manifest = JSON.parse(readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest;

  type Size = { raw: number; gzip: number; brotli: number };
  const sizes = new Map<string, Size>();
  const sizeOf = (file: string): Size => {
    const known = sizes.get(file);
    if (known) return known;
    const bytes = readFileSync(path.join(outDir, file));
    const size = {
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
    sizes.set(file, size);
    return size;
  };
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`.padStart(10);

  const chunks = Object.values(manifest)
    .flatMap((chunk) => [chunk.file, ...(chunk.css ?? [])])
    .filter((file, index, all) => all.indexOf(file) === index && /\.(js|css)$/.test(file))
    .map((file) => ({ file, ...sizeOf(file) }))
    .sort((a, b) => b.gzip - a.gzip);
  console.log(`${'chunk'.padEnd(48)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`);
  for (const chunk of chunks) {
    console.log(`${chunk.file.padEnd(48)}${kb(chunk.raw)}${kb(chunk.gzip)}${kb(chunk.brotli)}`);
  }

  // Static imports are fetched with their importer (modulepreload); dynamic ones only when used.
  const initial = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build manifest`);
    if (initial.has(chunk.file)) return;
    initial.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of alumniHome) visit(key);
  const js = [...initial].filter((file) => file.endsWith('.js')).map((file) => ({ file, ...sizeOf(file) }));
  const total = js.reduce(
    (sum, chunk) => ({
      raw: sum.raw + chunk.raw,
      gzip: sum.gzip + chunk.gzip,
      brotli: sum.brotli + chunk.brotli,
    }),
    {
      raw: 0,
      gzip: 0,
      brotli: 0,
    },
  );
  console.log(`\nalumni home (/t/<slug>, ${locale}): ${js.length} JS files`);
  for (const chunk of js)
    console.log(`  ${chunk.file.padEnd(46)}${kb(chunk.raw)}${kb(chunk.gzip)}${kb(chunk.brotli)}`);
  console.log(
    `  ${'total'.padEnd(46)}${kb(total.raw)}${kb(total.gzip)}${kb(total.brotli)}  (budget ${BUDGET_GZIP / 1024} KB gzip: ${total.gzip <= BUDGET_GZIP ? 'within' : 'OVER'})`,
  );
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
