import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

// `npm start` serves the built PWA; it builds first when there is no build or the sources are newer.
const output = path.resolve('dist/web/index.html');

function newestSource(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

if (!existsSync(output) || newestSource(path.resolve('web')) > statSync(output).mtimeMs) {
  console.log('Building the web app…');
  await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'warn' });
}
