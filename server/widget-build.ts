import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { newestMtime } from './newest-mtime';

// `npm start` and the browser tests serve dist/widget.js: (re)build it when it is missing or older
// than any widget source, so nobody is served a stale bundle. Vite runs as a child process so it
// never sits in the server's memory.

/** True when it built; false when the bundle was current or the sources are not there (a deploy of dist/ only). */
export function ensureWidgetBuilt(root: string): boolean {
  const bundle = join(root, 'dist', 'widget.js');
  const viteConfig = join(root, 'vite.config.ts');
  if (!existsSync(viteConfig) || !existsSync(join(root, 'widget'))) return false;
  const built = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
  const sources = Math.max(newestMtime(join(root, 'widget')), newestMtime(join(root, 'shared')), statSync(viteConfig).mtimeMs);
  if (built > sources) return false;
  execFileSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  return true;
}
