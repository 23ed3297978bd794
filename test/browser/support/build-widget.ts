import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// The browser tests run against dist/widget.js: build it when it is missing or older than any
// widget source, so a test never passes against a stale bundle.
export const ROOT = join(import.meta.dirname, '../../..');
export const DIST = join(ROOT, 'dist');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export function ensureWidgetBuilt(): void {
  let built = 0;
  try {
    built = statSync(join(DIST, 'widget.js')).mtimeMs;
  } catch {
    /* not built */
  }
  const sources = Math.max(newest(join(ROOT, 'widget')), statSync(join(ROOT, 'vite.config.ts')).mtimeMs);
  if (built > sources) return;
  execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
}
