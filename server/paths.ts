import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Where the project's files are, the same whether this code runs from server/ (tsx, tests) or
// bundled from dist/server/ (npm start): the nearest folder above with package.json and drizzle/.

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'drizzle'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`Koers: no project folder (package.json + drizzle/) above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

export const ROOT = findRoot();
export const MIGRATIONS_DIR = join(ROOT, 'drizzle');
export const EXAMPLE_CONFIG_PATH = join(ROOT, 'server', 'config', 'example.config.json');
export const DIST_DIR = join(ROOT, 'dist');
