import { build } from 'esbuild';
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { newestMtime } from '../server/newest-mtime';
import { fileURLToPath } from 'node:url';

// `npm start` runs the server as plain JavaScript: bundled here from server/main.ts into
// dist/server/main.mjs (dependencies stay in node_modules). Running TypeScript through a loader
// costs a second V8 isolate for the loader hooks (~30 MB) and compiling at every start.

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Entries that run as threads of another entry, bundled next to it (main.ts starts them). */
const THREADS: Record<string, string[]> = { 'server/main.ts': ['server/store-thread.ts'] };

/**
 * Bundles `entry` (and its threads' entries, same folder) to `outfile` when an output is missing
 * or older than server/ and shared/.
 */
export async function buildServer(entry = 'server/main.ts', outfile = 'dist/server/main.mjs'): Promise<string> {
  const out = join(ROOT, outfile);
  const outdir = dirname(out);
  const entries = [entry, ...(THREADS[entry] ?? [])];
  const outputs = entries.map((e) => (e === entry ? out : join(outdir, `${basename(e, '.ts')}.mjs`)));
  const sources = Math.max(newestMtime(join(ROOT, 'server')), newestMtime(join(ROOT, 'shared')), statSync(join(ROOT, entry)).mtimeMs);
  if (outputs.every((o) => existsSync(o) && statSync(o).mtimeMs > sources)) return out;
  await build({
    entryPoints: entries.map((e) => ({ in: join(ROOT, e), out: e === entry ? basename(out, '.mjs') : basename(e, '.ts') })),
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    // Stack traces need the mappings only: with the sources inside, each thread kept ~5 MB more (RSS).
    sourcesContent: false,
    logLevel: 'warning',
  });
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildServer(process.argv[2], process.argv[3]);
}
