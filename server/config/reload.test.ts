import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VendorConfig } from '../../shared/config';
import { exampleConfig, exampleConfigJson } from '../../test/support/fixtures';
import type { Log } from '../log';
import { configReloader } from './reload';

function recordingLog() {
  const lines: string[] = [];
  const log: Log = {
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m) => lines.push(`error ${m}`),
  };
  return { log, lines };
}

describe('configReloader', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'koers-reload-unit-')), 'koers.json');

  it('applies a sound file, says what changed, and keeps the old config when applying or a check fails', async () => {
    const { log, lines } = recordingLog();
    const applied: VendorConfig[] = [];
    let refuse: string | undefined;
    let checkProblems: string[] = [];
    const reloader = configReloader({
      path,
      log,
      current: exampleConfig(),
      check: () => checkProblems,
      apply: async (c) => {
        if (refuse) throw new Error(refuse);
        applied.push(c);
      },
    });
    const json = exampleConfigJson();
    json.vendor.name = 'Zeilmaker B.V.';
    writeFileSync(path, JSON.stringify(json));
    expect(await reloader.reload()).toBe(true);
    expect(applied.map((c) => c.vendor.name)).toEqual(['Zeilmaker B.V.']);
    expect(lines.at(-1)).toMatch(/^info Config reloaded from .*: 1 site \(zeilmaker-web\), 4 reps, 2 teams, 2 routing rules; changed: vendor$/);

    json.vendor.name = 'Other';
    writeFileSync(path, JSON.stringify(json));
    refuse = 'the store thread is gone';
    expect(await reloader.reload()).toBe(false);
    expect(lines.at(-1)).toBe('error Config NOT reloaded: the store thread is gone; the running config stays');
    expect(reloader.current().vendor.name).toBe('Zeilmaker B.V.');

    refuse = undefined;
    checkProblems = ['sites[0].apiKeys[0].secretEnv: KOERS_CRM_KEY is not set'];
    expect(await reloader.reload()).toBe(false);
    expect(lines.slice(-2)).toEqual([
      `error Config NOT reloaded: ${path} has 1 problem(s); the running config stays`,
      'error sites[0].apiKeys[0].secretEnv: KOERS_CRM_KEY is not set',
    ]);
    expect(applied).toHaveLength(1);
  });

  it('runs overlapping reloads one after the other', async () => {
    const { log } = recordingLog();
    let running = 0;
    let overlapped = false;
    const reloader = configReloader({
      path,
      log,
      current: exampleConfig(),
      apply: async () => {
        running++;
        if (running > 1) overlapped = true;
        await new Promise((r) => setTimeout(r, 20));
        running--;
      },
    });
    writeFileSync(path, JSON.stringify(exampleConfigJson()));
    expect(await Promise.all([reloader.reload(), reloader.reload(), reloader.reload()])).toEqual([true, true, true]);
    expect(overlapped).toBe(false);
  });
});
