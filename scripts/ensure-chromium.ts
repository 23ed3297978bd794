import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// The browser tests drive Debian's Chromium (Playwright's own download does not work here).

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y chromium';

/** Finds Chromium, installs it when we are root, else stops with the exact command to run. */
export function ensureChromium(): void {
  if (existsSync(CHROMIUM_PATH)) return;
  if (process.getuid?.() === 0) {
    console.log(`Chromium not found at ${CHROMIUM_PATH}; installing it: ${INSTALL}`);
    execFileSync('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${INSTALL}`], { stdio: 'inherit' });
    if (existsSync(CHROMIUM_PATH)) return;
  }
  console.error(`The browser tests need Chromium at ${CHROMIUM_PATH}. Install it with:\n  sudo sh -c '${INSTALL}'\n(or set CHROMIUM_PATH to a Chromium binary), then run npm test again.`);
  process.exit(1);
}
