import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openDatabase, type Db } from '../../server/db/open';
import { leadEvents, leads, outbox } from '../../server/db/schema';
import { exampleConfig, exampleConfigJson, submissionBody } from '../support/fixtures';
import { jobWorker } from '../support/job-pipeline';
import { startServer, type ServerProcess } from '../support/server-process';
import { startSmtpSink } from '../support/smtp-sink';
import { testApp } from '../support/test-app';

// Routing on the real SQLite file (issue 4): account ownership by email domain and its free-mail
// exception, and concurrent submissions — one process and two — never assigning a lead twice.

const dbFile = () => join(mkdtempSync(join(tmpdir(), 'koers-routing-')), 'koers.db');
const repOf = (db: Db, id: string) => db.select({ repId: leads.repId }).from(leads).where(eq(leads.id, id)).get()!.repId;

/** Anna (weight 2) and Bram (weight 1) in the team; ownership off so only the round robin decides. */
const twoToOne = (c: any) => {
  c.teams[0].reps = ['anna', 'bram'];
  c.routing.accountOwnership = false;
};

/** Each lead has exactly one assignment, and the counts per rep. */
function assignments(db: Db) {
  const perLead = db
    .select({ leadId: leadEvents.leadId, n: count() })
    .from(leadEvents)
    .where(eq(leadEvents.type, 'assigned'))
    .groupBy(leadEvents.leadId)
    .all();
  const perRep = db.select({ repId: leads.repId, n: count() }).from(leads).groupBy(leads.repId).orderBy(leads.repId).all();
  return { leads: perLead.length, twice: perLead.filter((r) => r.n !== 1).length, perRep };
}

describe('account ownership on the database', () => {
  it('sends a second lead from the same company to the first one\'s rep, saying so; free mail never binds', async () => {
    const sink = await startSmtpSink();
    const t = testApp({ dbPath: dbFile() });
    const jobs = jobWorker(t.db, sink.url, t.deps);
    onTestFinished(async () => {
      await jobs.stop();
      await sink.close();
    });
    const submit = async (email: string, name = 'Sanne Visser') => {
      const res = await t.post(submissionBody({ contact: { email, name } }));
      expect(res.status).toBe(201);
      return (await res.json()).leadId as string;
    };

    const first = await submit('sanne@visser-logistiek.example');
    const second = await submit('piet@Visser-Logistiek.example', 'Piet Visser'); // the round robin would say Bram
    expect([repOf(t.db, first), repOf(t.db, second)]).toEqual(['anna', 'anna']);
    const reason = t.db.select().from(leads).where(eq(leads.id, second)).get()!.routingReason;
    expect(reason).toBe(`existing account: visser-logistiek.example has an open lead (${first}) with Anna de Vries`);

    const a = await submit('a@gmail.com');
    const b = await submit('b@gmail.com');
    // The round robin's turns (the owned lead did not move it): b does not follow a to Bram.
    expect([repOf(t.db, a), repOf(t.db, b)]).toEqual(['bram', 'anna']);

    await jobs.drain();
    await sink.waitFor(8);
    const toAnna = sink.messages.filter((m) => m.envelope.to.includes('anna@zeilmaker.example'));
    const aboutPiet = toAnna.find((m) => m.parsed.text!.includes('Piet Visser'))!;
    expect(aboutPiet.parsed.text).toContain('Tweede contact bij dit bedrijf: je hebt daar al een lopende lead (binnengekomen op 1 december 2026), dus deze is ook van jou.');
    expect(aboutPiet.parsed.text).toContain('Dit bedrijf (visser-logistiek.example) heeft al een lopende lead bij jou, dus deze is ook van jou.');
    expect(aboutPiet.parsed.text).not.toContain(first); // no lead id for a person to read
    expect(toAnna.find((m) => m.parsed.text!.includes('b@gmail.com'))!.parsed.text).not.toContain('Tweede contact');
  });

  it('lets go of the company once its lead is closed', async () => {
    const t = testApp();
    const post = async (email: string) => (await (await t.post(submissionBody({ contact: { email } }))).json()).leadId as string;
    const first = await post('x@acme.example'); // anna
    t.db.update(leads).set({ status: 'not-a-fit' }).where(eq(leads.id, first)).run();
    expect(repOf(t.db, await post('y@acme.example'))).toBe('bram'); // the round robin's turn
  });
});

describe('availability on the database', () => {
  it('skips away, full and inactive reps, then uses the fallback team, then stores the lead unassigned and mails the vendor', async () => {
    const sink = await startSmtpSink();
    const t = testApp({
      dbPath: dbFile(),
      config: exampleConfig((c) => {
        const rep = (id: string) => c.reps.find((r: any) => r.id === id);
        rep('anna').maxOpenLeads = 1;
        rep('bram').away = [{ from: '2026-12-01', to: '2026-12-01' }]; // today, inclusive
        rep('chris').active = false;
        rep('dewi').maxOpenLeads = 1;
      }),
    });
    const jobs = jobWorker(t.db, sink.url, t.deps);
    onTestFinished(async () => {
      await jobs.stop();
      await sink.close();
    });
    const submit = async (email: string) => {
      const res = await t.post(submissionBody({ contact: { email } }));
      const body = await res.json();
      const row = t.db.select().from(leads).where(eq(leads.id, body.leadId)).get()!;
      return { ...row, answer: body };
    };

    const first = await submit('a@one.example');
    expect(first).toMatchObject({ repId: 'anna', status: 'assigned' });
    const second = await submit('b@two.example');
    expect(second).toMatchObject({ repId: 'dewi', teamId: 'inside-sales' });
    expect(second.routingReason).toContain('fallback team after rule 1');
    for (const why of ['Anna de Vries skipped: at capacity (1/1 open)', 'Bram Jansen skipped: away 2026-12-01 to 2026-12-01', 'Chris Smith skipped: inactive']) {
      expect(second.routingReason).toContain(why);
    }
    const third = await submit('c@three.example');
    expect(third).toMatchObject({ repId: null, teamId: 'account-executives', status: 'unassigned' });
    expect(third.answer.rep).toBeNull();
    expect(third.routingReason).toMatch(/^unassigned: nobody available/);

    await jobs.drain();
    await sink.waitFor(6);
    const vendor = sink.messages.filter((m) => m.envelope.to.includes('sales@zeilmaker.example'));
    expect(vendor).toHaveLength(1);
    expect(vendor[0].parsed.subject).toBe('Niet toegewezen lead: [Klaar voor sales] Visser Logistiek — We vergelijken leveranciers');
    expect(vendor[0].parsed.text).toContain('c@three.example');
    const prospect = sink.messages.find((m) => m.envelope.to.includes('c@three.example'))!;
    expect(prospect.parsed.replyTo?.value[0].address).toBe('sales@zeilmaker.example');

    // Anna closes her lead: her capacity is free again. The next day Bram is back.
    t.db.update(leads).set({ status: 'not-a-fit' }).where(eq(leads.id, first.id)).run();
    expect(await submit('d@four.example')).toMatchObject({ repId: 'anna' });
    t.clock.advance(24 * 60 * 60_000);
    expect(await submit('e@five.example')).toMatchObject({ repId: 'bram' });
  });
});

describe('concurrent submissions', () => {
  it('50 at once in one process: every lead assigned exactly once, 33:17 as the sequence says', async () => {
    const t = testApp({ dbPath: dbFile(), config: exampleConfig(twoToOne) });
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => t.post(submissionBody({ contact: { email: `p${i}@visser-logistiek.example` } }))));
    expect(answers.map((r) => r.status)).toEqual(Array(50).fill(201));
    // Smooth WRR 2:1 repeats anna, bram, anna: 50 leads = 16 rounds (32:16) + anna, bram.
    expect(assignments(t.db)).toEqual({ leads: 50, twice: 0, perRep: [{ repId: 'anna', n: 33 }, { repId: 'bram', n: 17 }] });
    expect(t.db.select({ n: count() }).from(outbox).get()!.n).toBe(100);
  });

  it('50 at once across two server processes on one database file: the same exact counts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'koers-2proc-'));
    const config = exampleConfigJson();
    twoToOne(config);
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
    const env = {
      KOERS_CONFIG: join(dir, 'config.json'),
      DATABASE_PATH: join(dir, 'koers.db'),
      RATE_LIMIT_PER_MINUTE: '0',
      RATE_LIMIT_SITE_PER_MINUTE: '0',
      MIN_FILL_SECONDS: '0',
    };
    const servers: ServerProcess[] = [];
    onTestFinished(async () => void (await Promise.all(servers.map((s) => s.stop()))));
    servers.push(await startServer(env)); // one after the other: the first one migrates the file
    servers.push(await startServer(env));

    // A form token serves one lead: each submission gets its own, from the server it goes to.
    const tokens = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => (await (await fetch(`${servers[i % 2].url}/api/v1/sites/zeilmaker-web/form`)).json()).formToken),
    );
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        fetch(`${servers[i % 2].url}/api/v1/sites/zeilmaker-web/leads`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ ...submissionBody({ contact: { email: `p${i}@visser-logistiek.example` } }), formToken: tokens[i] }),
        }),
      ),
    );
    const bodies = await Promise.all(answers.map((r) => r.json()));
    expect(answers.map((r) => r.status)).toEqual(Array(50).fill(201));
    expect(bodies.filter((b) => b.rep?.name === 'Anna de Vries')).toHaveLength(33);
    expect(bodies.filter((b) => b.rep?.name === 'Bram Jansen')).toHaveLength(17);

    const db = openDatabase(env.DATABASE_PATH);
    onTestFinished(() => void db.$client.close());
    expect(assignments(db)).toEqual({ leads: 50, twice: 0, perRep: [{ repId: 'anna', n: 33 }, { repId: 'bram', n: 17 }] });
    expect(db.select().from(leads).all().every((l) => l.status === 'assigned')).toBe(true); // none taken as spam
  });
});
