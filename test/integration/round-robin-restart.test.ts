import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open';
import { exampleConfig, submissionBody } from '../support/fixtures';
import { testApp } from '../support/test-app';

// Weighted round robin state lives in the SQLite file: a restart continues the sequence.

const config = () =>
  exampleConfig((c) => {
    c.teams[0].reps = ['anna', 'bram']; // weights 2 and 1
    c.routing.accountOwnership = false;
  });

async function submit(t: ReturnType<typeof testApp>, n: number) {
  const reps: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await t.post(submissionBody());
    expect(res.status).toBe(201);
    reps.push((await res.json()).rep.name);
  }
  return reps;
}

describe('weighted round robin over a restart', () => {
  it('continues exactly where it was, 2:1 over 30 leads', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'koers-rr-')), 'koers.db');
    const first = testApp({ dbPath: path, config: config() });
    const before = await submit(first, 15);
    first.db.$client.close(); // the process ends

    const second = testApp({ db: openDatabase(path), config: config() });
    const after = await submit(second, 15);
    second.db.$client.close();

    const uninterrupted = await submit(testApp({ config: config() }), 30);
    expect([...before, ...after]).toEqual(uninterrupted);
    expect(uninterrupted.filter((n) => n === 'Anna de Vries')).toHaveLength(20);
    expect(uninterrupted.filter((n) => n === 'Bram Jansen')).toHaveLength(10);
    // And the sequence is smooth: never three of the same in a row.
    expect(uninterrupted.join(',')).not.toMatch(/(Anna de Vries,){3}/);
  });
});
