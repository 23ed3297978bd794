import { build } from 'esbuild';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { newestMtime } from '../server/newest-mtime';
import { fileURLToPath } from 'node:url';

// `npm start` runs the server as plain JavaScript: bundled here from server/main.ts into
// dist/server/main.mjs (dependencies stay in node_modules). Running TypeScript through a loader
// costs a second V8 isolate for the loader hooks (~30 MB) and compiling at every start.

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Bundles `entry` to `outfile` when the output is missing or older than server/ and shared/. */
export async function buildServer(entry = 'server/main.ts', outfile = 'dist/server/main.mjs'): Promise<string> {
  const out = join(ROOT, outfile);
  const sources = Math.max(newestMtime(join(ROOT, 'server')), newestMtime(join(ROOT, 'shared')), statSync(join(ROOT, entry)).mtimeMs);
  if (existsSync(out) && statSync(out).mtimeMs > sources) return out;
  await build({
    entryPoints: [join(ROOT, entry)],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildServer(process.argv[2], process.argv[3]);
}
