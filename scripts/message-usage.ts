import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Which message keys the web app's two halves can reach. The alumni side (everything outside the
 * console) loads only the base catalogue; the console loads its own part when AdminLayout loads
 * (web/src/app/i18n.tsx). A key the alumni side uses must therefore be in the base catalogue, and
 * this finds them by reading the source: the files reachable from web/src/main.tsx without
 * entering a console route, and every quoted string or `prefix.${…}` template in them.
 */

const webSrc = resolve(import.meta.dirname, '../web/src');
const appFile = join(webSrc, 'app/App.tsx');

const importPattern = /(?:from\s+|import\s*\(\s*|import\s+)'(\.{1,2}\/[^']+)'/g;
const quotedPattern = /'([a-zA-Z][\w-]*(?:\.[\w-]+)+)'/g;
const templatePrefixPattern = /`([a-zA-Z][\w-]*(?:\.[\w-]+)*\.)\$\{/g;

function resolveModule(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ]) {
    if (/\.(ts|tsx)$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null;
}

function importsOf(file: string, source: string): string[] {
  return [...source.matchAll(importPattern)]
    .map((match) => resolveModule(file, match[1]!))
    .filter((path): path is string => path !== null && !path.includes('/app/messages/'));
}

/** The page modules rendered inside the console's route (`t/:slug/admin`), read from App.tsx. */
export function consoleRouteModules(): Set<string> {
  const source = readFileSync(appFile, 'utf8');
  const start = source.indexOf('path="t/:slug/admin"');
  if (start < 0) throw new Error('App.tsx has no console route');
  // The console route's children end at its own closing tag. Route tags are one per line (Biome's
  // layout), and an element prop holds a `>` of its own, so nesting is counted line by line.
  let depth = 0;
  let end = -1;
  let offset = source.lastIndexOf('\n', start) + 1;
  for (const line of source.slice(offset).split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('</Route>')) depth -= 1;
    else if (trimmed.startsWith('<Route') && !trimmed.endsWith('/>')) depth += 1;
    if (depth === 0) {
      end = offset;
      break;
    }
    offset += line.length + 1;
  }
  if (end < 0) throw new Error('App.tsx: the console route is not closed');
  const block = source.slice(start, end);
  const elements = new Set([...block.matchAll(/element=\{<(\w+)/g)].map((match) => match[1]!));
  const modules = new Set<string>();
  for (const name of elements) {
    const declaration = new RegExp(
      `const ${name} = (?:page|consolePage)\\(\\(\\) =>\\s*import\\('([^']+)'\\)`,
    ).exec(source);
    if (!declaration)
      throw new Error(`App.tsx: ${name} is not declared with page(() => import(…)) or consolePage`);
    const path = resolveModule(appFile, declaration[1]!);
    if (path) modules.add(path);
  }
  return modules;
}

/** Every file the alumni side can load: from main.tsx, following imports, never into a console route. */
export function alumniSideFiles(): Set<string> {
  const consoleModules = consoleRouteModules();
  const seen = new Set<string>();
  const queue = [join(webSrc, 'main.tsx')];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file) || consoleModules.has(file)) continue;
    seen.add(file);
    queue.push(...importsOf(file, readFileSync(file, 'utf8')));
  }
  return seen;
}

/** The keys (of `known`) that these files name, literally or by a `prefix.${…}` template. */
export function keysUsedIn(files: Iterable<string>, known: Iterable<string>): Set<string> {
  const keys = [...known];
  const keySet = new Set(keys);
  const used = new Set<string>();
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(quotedPattern)) if (keySet.has(match[1]!)) used.add(match[1]!);
    for (const match of source.matchAll(templatePrefixPattern)) {
      for (const key of keys) if (key.startsWith(match[1]!)) used.add(key);
    }
  }
  return used;
}
