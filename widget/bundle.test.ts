import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The bundle is the one customers get whoever builds it: vitest runs with NODE_ENV=test, and the
// browser tests build dist/widget.js from within it (server/widget-build.ts). A development JSX
// transform would put __source/__self with this machine's paths on every element (~1 KB gzip).

const ROOT = join(import.meta.dirname, '..');

describe('the widget bundle built under NODE_ENV=test', () => {
  it('carries no development JSX (no __source, no file paths of the build machine)', () => {
    const out = mkdtempSync(join(tmpdir(), 'koers-widget-'));
    try {
      execFileSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'error', '--outDir', out], {
        cwd: ROOT,
        env: { ...process.env, NODE_ENV: 'test' },
        stdio: 'pipe',
      });
      const code = readFileSync(join(out, 'widget.js'), 'utf8');
      expect(code).not.toContain('__source');
      expect(code).not.toContain(ROOT);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
