import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { leadEvents, leads, outbox } from '../db/schema';
import { submissionBody } from '../../test/support/fixtures';
import { testApp } from '../../test/support/test-app';
import { eraseEmail } from './erase';

describe('erase one email address', () => {
  it('removes the person from leads, history and outbox, and the bytes from the file', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'koers-erase-')), 'koers.db');
    const t = testApp({ dbPath: path });
    await t.post(submissionBody({ contact: { email: 'Wipe.Me@visser.example', name: 'Wilma Wipe' } }));
    await t.post(submissionBody({ contact: { email: 'keep@visser.example', name: 'Karel Keep' } }));
    expect(t.db.select().from(outbox).all()).toHaveLength(4);

    expect(eraseEmail(t.db, 'wipe.me@visser.example')).toEqual({ leads: 1, outbox: 2, devMail: 0 });
    expect(t.db.select().from(leads).all().map((l) => l.contactName)).toEqual(['Karel Keep']);
    expect(t.db.select().from(outbox).all()).toHaveLength(2);
    expect(t.db.select().from(leadEvents).all()).toHaveLength(1);
    t.db.$client.close();
    const bytes = readFileSync(path).toString('latin1');
    expect(bytes).not.toContain('Wilma Wipe');
    expect(bytes).not.toContain('Wipe.Me@visser.example');
    expect(bytes).toContain('Karel Keep');
  });

  it('runs as a command on DATABASE_PATH', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'koers-erase-')), 'koers.db');
    const t = testApp({ dbPath: path });
    await t.post(submissionBody({ contact: { email: 'gone@visser.example' } }));
    t.db.$client.close();
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/erase.ts', 'gone@visser.example'], {
      env: { ...process.env, DATABASE_PATH: path },
      encoding: 'utf8',
    });
    expect(out).toContain('erased gone@visser.example');
    expect(out).toContain('1 lead(s), 2 outbox row(s)');
    const db = openDatabase(path);
    expect(db.select().from(leads).all()).toEqual([]);
    db.$client.close();
  });
});
