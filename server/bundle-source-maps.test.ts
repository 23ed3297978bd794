import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildServer } from '../scripts/build-server';
import { ROOT } from './paths';

// `npm start` runs the bundle with --enable-source-maps: Node then holds each bundle's parsed
// source map in memory, in both threads. Without the TypeScript sources inside the maps the
// server's RSS under the bench load fell from ~152 to ~141 MB (bench/memory-probe.ts); stack
// traces still name the .ts file and line.

describe('the bundled server', () => {
  it('has source maps that map to the TypeScript files but carry no source texts', async () => {
    const dir = `dist/test-bundle-${process.pid}`; // a fresh build: dist/server may predate the build's options
    try {
      const out = await buildServer('server/main.ts', `${dir}/main.mjs`);
      for (const file of [out, join(ROOT, dir, 'store-thread.mjs')]) {
        const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[]; sourcesContent?: unknown };
        expect(map.sources.some((s) => s.endsWith('server/leads/submit.ts'))).toBe(true);
        expect(map.sourcesContent).toBeUndefined();
      }
    } finally {
      rmSync(join(ROOT, dir), { recursive: true, force: true });
    }
  });
});
