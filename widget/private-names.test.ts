import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PREACT_INTERNALS, PRIVATE_NAMES } from './private-names';

// The build renames every property of a name in PRIVATE_NAMES; a name that is also a DOM or JS
// property, a field of the API's data or a key of the stored flow would break silently.
const read = (dir: string, pick: (f: string) => boolean) =>
  readdirSync(dir)
    .filter(pick)
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
const tsLib = dirname(createRequire(import.meta.url).resolve('typescript/lib/lib.dom.d.ts'));
const platform = read(tsLib, (f) => /^lib\.(dom|dom\.iterable|es5|es20\d\d(\.[a-z]+)*)\.d\.ts$/.test(f));
/**
 * The shared/ files whose data the widget handles: those widget/ imports, and what they import in
 * turn (an API the widget never reads, such as the admin API's, may use any name).
 */
function sharedOfWidget(): string {
  const sharedDir = new URL('../shared/', import.meta.url).pathname;
  const widgetDir = new URL('.', import.meta.url).pathname;
  const importsOf = (text: string) => [...text.matchAll(/from '(?:\.\.\/)+shared\/([\w-]+)'|from '\.\/([\w-]+)'/g)];
  const widgetFiles = readdirSync(widgetDir, { recursive: true }).map(String).filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.'));
  const todo = widgetFiles.flatMap((f) => importsOf(readFileSync(join(widgetDir, f), 'utf8')).map((m) => m[1]).filter(Boolean));
  const seen = new Set<string>();
  while (todo.length) {
    const name = todo.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    // Inside shared/, './x' is another shared file.
    todo.push(...importsOf(readFileSync(join(sharedDir, `${name}.ts`), 'utf8')).map((m) => m[2]).filter(Boolean));
  }
  return [...seen].map((name) => readFileSync(join(sharedDir, `${name}.ts`), 'utf8')).join('\n');
}
const shared = sharedOfWidget();

describe('PRIVATE_NAMES (properties the widget build shortens)', () => {
  it('reads the shared files the widget handles (its imports and theirs), not others', () => {
    for (const field of ['formToken', 'submissionId', 'nextStep', 'texts']) expect(shared).toContain(field);
    expect(shared).not.toContain('prospectLinkEpoch'); // the admin API's lead rows: the widget never reads them
  });

  it.each(PRIVATE_NAMES)('%s is no DOM or JS property', (name) => {
    expect(platform).not.toMatch(new RegExp(`^\\s+(readonly )?${name}\\??[:(<]`, 'm'));
  });

  it.each(PRIVATE_NAMES)('%s is no field of the API (shared/)', (name) => {
    expect(shared).not.toMatch(new RegExp(`\\b${name}\\??\\s*:|\\.${name}\\b`));
  });

  it('holds no key of the stored flow, no command and nothing Preact renders', () => {
    for (const name of ['id', 'step', 'data', 'tok', 'open', 'close', 'key', 'ref', 'children', '__html'])
      expect(PRIVATE_NAMES.includes(name) || PREACT_INTERNALS.test(name)).toBe(false);
  });

  it('the check itself finds a DOM property, an ES property and an API field', () => {
    for (const [name, text] of [['showModal', platform], ['localeCompare', platform], ['nextStep', shared]] as const)
      expect(text).toMatch(new RegExp(`^\\s+(readonly )?${name}\\??[:(<]|\\b${name}\\??\\s*:`, 'm'));
  });
});
