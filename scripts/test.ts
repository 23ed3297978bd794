import { spawnSync } from 'node:child_process';
import { ensureChromium } from './ensure-chromium';

// `npm test`: everything, on its own, from a fresh clone — type checks, the config JSON Schema,
// the widget build and its size budget, then every test (unit, integration on real SQLite and
// SMTP, browser). Ends with the reporter's line "N passed, N failed, N skipped".

function run(what: string, command: string, args: string[]) {
  console.log(`\n▶ ${what}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, NO_COLOR: '1' } });
  if (result.status !== 0) {
    console.error(`\n✗ ${what} failed`);
    console.log('0 passed, 1 failed, 0 skipped');
    process.exit(result.status ?? 1);
  }
}

ensureChromium();
run('type check (server, shared, tests)', 'npx', ['tsc', '-p', 'tsconfig.server.json']);
run('type check (widget, shared)', 'npx', ['tsc', '-p', 'tsconfig.widget.json']);
run('config JSON Schema is current', 'npx', ['tsx', 'scripts/config-json-schema.ts', '--check']);
run('widget build and size budget', 'npm', ['run', '--silent', 'build']);
const tests = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, NO_COLOR: '1' } });
process.exit(tests.status ?? 1);
