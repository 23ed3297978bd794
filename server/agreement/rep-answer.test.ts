import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ProcessChangesInput } from '../../shared/agreement';
import { submissionBody } from '../../test/support/fixtures';
import { testApp } from '../../test/support/test-app';
import { agreementTurns, leadEvents, leads, outbox } from '../db/schema';
import type { MailMessage } from '../mail/message';
import { renderText } from '../mail/layout';
import type { ActionClaim } from '../security/action-links';
import { performRepAnswer, type RepAnswerForm } from './rep-answer';
import { recordTurn } from './turns';

// The rep's answer to a proposal, as one write: each transition, what it records and mails, and
// everything that must change nothing (stale turn, double POST, paused or withdrawn, bad input).

const PROPOSAL: ProcessChangesInput = {
  steps: [
    { id: 'intro', change: 'skip' },
    { id: 'discovery', change: 'change', instead: 'One call with our IT lead instead of a workshop.' },
  ],
  added: ['A two-week pilot on our own data'],
};

async function setup(over: Parameters<typeof submissionBody>[0] = {}) {
  const t = testApp();
  const res = await t.post(
    submissionBody({ language: 'en', process: { accepted: false, deviation: 'We must see it work before a proposal.', changes: PROPOSAL }, ...over }),
  );
  expect(res.status).toBe(201);
  const { leadId } = await res.json();
  const lead = () => t.db.select().from(leads).where(eq(leads.id, leadId)).get()!;
  const turns = () => t.db.select().from(agreementTurns).where(eq(agreementTurns.leadId, leadId)).orderBy(agreementTurns.id).all();
  const history = () => t.db.select().from(leadEvents).where(eq(leadEvents.leadId, leadId)).orderBy(leadEvents.id).all().map((e) => [e.type, e.repId, e.detail]);
  const mails = () =>
    t.db.select().from(outbox).where(eq(outbox.kind, 'mail')).all().map((j) => ({ toProspect: j.toProspect, mail: j.payload as MailMessage }));
  const claim: ActionClaim = { action: 'answer', leadId, repId: lead().repId!, issuedAt: t.clock.now(), expiresAt: t.clock.now() + 86_400_000 };
  const deps = { db: t.db, config: t.config, clock: t.clock, prospectPage: t.deps.prospectPage ?? ((id: string, epoch: number) => `http://koers.test/p/${id}.${epoch}`) };
  const turnId = () => String(turns().at(-1)?.id ?? 0);
  const answer = (form: Partial<RepAnswerForm>, c: ActionClaim = claim) =>
    performRepAnswer(deps, c, { choice: '', turn: turnId(), steps: {}, instead: {}, added: [], note: '', explanation: '', ...form });
  return { ...t, leadId, lead, turns, history, mails, claim, answer, turnId };
}

const textOf = (m: MailMessage) => renderText(m.title, m.blocks);

describe('performRepAnswer', () => {
  it('agree: records the turn, agrees, accepts the waiting lead and mails the prospect the agreed process', async () => {
    const t = await setup();
    expect(t.lead()).toMatchObject({ status: 'assigned', agreementState: 'proposed' });
    const result = t.answer({ choice: 'agree' });
    expect(result).toMatchObject({ done: true, kind: 'agree', accepted: true });
    expect(t.lead()).toMatchObject({ status: 'accepted', agreementState: 'agreed' });
    expect(t.turns().map((x) => [x.by, x.kind, x.repId])).toEqual([
      ['prospect', 'proposal', null],
      ['rep', 'agree', t.claim.repId],
    ]);
    expect(t.turns()[1].changes).toEqual(t.turns()[0].changes);
    expect(t.history().slice(-2)).toEqual([
      ['agreement', t.claim.repId, 'agree'],
      ['accepted', t.claim.repId, 'accepted by answering the process proposal'],
    ]);
    const [{ toProspect, mail }] = t.mails();
    expect(toProspect).toBe(true);
    expect(mail.to).toEqual([{ address: 'sanne@visser-logistiek.example' }]);
    expect(mail.replyTo?.address).toBe(`${t.claim.repId}@zeilmaker.example`);
    expect(mail.subject).toMatch(/agrees to the approach you proposed$/);
    const text = textOf(mail);
    expect(text).toContain('Skipped: Introduction');
    expect(text).toContain('1. Discovery');
    expect(text).toContain('Instead: One call with our IT lead instead of a workshop.');
    expect(text).toContain('2. Proposal');
    expect(text).toContain('What we do: A proposal with price and plan.');
    expect(text).toContain('Duration: 2 weeks');
    expect(text).toContain('3. Added step');
    expect(text).toContain('A two-week pilot on our own data');
    expect(text).toMatch(/Your page: http:\/\/koers\.test\/p\/\S+/);
  });

  it('counter: per step ours, theirs or other words, an added step dropped, a note; the prospect gets it step by step', async () => {
    const t = await setup();
    const result = t.answer({ choice: 'counter', steps: { intro: 'theirs', discovery: 'other' }, instead: { discovery: 'A workshop of half a day, remote.' }, added: [], note: 'A pilot after the proposal.' });
    expect(result).toMatchObject({ done: true, kind: 'counter' });
    expect(t.lead()).toMatchObject({ agreementState: 'countered', status: 'accepted' });
    expect(t.turns().at(-1)).toMatchObject({
      by: 'rep',
      kind: 'counter',
      text: 'A pilot after the proposal.',
      changes: { steps: [{ id: 'intro', change: 'skip' }, { id: 'discovery', change: 'change', instead: 'A workshop of half a day, remote.' }], added: [] },
    });
    const text = textOf(t.mails()[0].mail);
    expect(text).toContain('suggests this process instead');
    expect(text).toContain('Instead: A workshop of half a day, remote.');
    expect(text).not.toContain('A two-week pilot');
    expect(text).toContain('“A pilot after the proposal.”');
    expect(text).toContain('You can accept this counter-proposal, or answer it, on your page');
  });

  it('keep the standard: the explanation is required, then recorded and mailed with the standard process', async () => {
    const t = await setup();
    expect(t.answer({ choice: 'keep', explanation: '   ' })).toEqual({ done: false, invalid: { field: 'explanation', problem: 'explanation-required' } });
    expect(t.turns()).toHaveLength(1);
    const result = t.answer({ choice: 'keep', explanation: 'Every customer starts with the workshop: it is where we size the project.' });
    expect(result).toMatchObject({ done: true, kind: 'keep-standard' });
    expect(t.lead().agreementState).toBe('standard-kept');
    expect(t.turns().at(-1)).toMatchObject({ kind: 'keep-standard', changes: { steps: [], added: [] }, text: 'Every customer starts with the workshop: it is where we size the project.' });
    const text = textOf(t.mails()[0].mail);
    expect(text).toContain('“Every customer starts with the workshop: it is where we size the project.”');
    for (const step of ['1. Introduction', '2. Discovery', '3. Proposal']) expect(text).toContain(step);
    expect(text).not.toContain('Skipped');
  });

  it('an accepted lead stays accepted (no second accepted event)', async () => {
    const t = await setup();
    t.db.update(leads).set({ status: 'accepted' }).where(eq(leads.id, t.leadId)).run();
    expect(t.answer({ choice: 'agree' })).toMatchObject({ done: true, accepted: false });
    expect(t.history().filter(([type]) => type === 'accepted')).toHaveLength(0);
  });

  it('a double POST makes one change: the second sees the proposal answered', async () => {
    const t = await setup();
    const turn = t.turnId();
    expect(t.answer({ choice: 'agree', turn })).toMatchObject({ done: true });
    expect(t.answer({ choice: 'keep', explanation: 'No.', turn })).toMatchObject({ done: false, current: 'answered' });
    expect(t.lead().agreementState).toBe('agreed');
    expect(t.turns()).toHaveLength(2);
    expect(t.mails()).toHaveLength(1);
  });

  it('a proposal the prospect changed since the page was shown: nothing changes', async () => {
    const t = await setup();
    const shown = t.turnId();
    recordTurn(t.db, { leadId: t.leadId, at: t.clock.now(), by: 'prospect', kind: 'proposal', changes: { steps: [{ id: 'intro', change: 'skip' }], added: [] }, text: 'Only skip the call.' });
    expect(t.answer({ choice: 'agree', turn: shown })).toMatchObject({ done: false, current: 'changed' });
    expect(t.lead()).toMatchObject({ agreementState: 'proposed', status: 'assigned' });
    expect(t.mails()).toHaveLength(0);
    // The newer one can be answered.
    expect(t.answer({ choice: 'agree' })).toMatchObject({ done: true });
  });

  it.each(['paused', 'withdrawn'] as const)('a lead the prospect %s: nothing changes, the current state is answered', async (status) => {
    const t = await setup();
    t.db.update(leads).set({ status }).where(eq(leads.id, t.leadId)).run();
    expect(t.answer({ choice: 'agree' })).toMatchObject({ done: false, current: status });
    expect(t.lead()).toMatchObject({ status, agreementState: 'proposed' });
    expect(t.turns()).toHaveLength(1);
    expect(t.mails()).toHaveLength(0);
  });

  it('a lead without a proposal, and a link of a rep who no longer has the lead, change nothing', async () => {
    const t = await setup({ process: { accepted: true } });
    expect(t.answer({ choice: 'agree', turn: '1' })).toMatchObject({ done: false, current: 'no-proposal' });
    const other = await setup();
    expect(other.answer({ choice: 'agree' }, { ...other.claim, repId: 'someone-else' })).toMatchObject({ done: false, standing: { why: 'not-yours' } });
    expect(other.turns()).toHaveLength(1);
  });

  it.each<[string, Partial<RepAnswerForm>, { field: string; problem: string }]>([
    ['an unknown choice', { choice: 'maybe' }, { field: 'choice', problem: 'unknown-choice' }],
    ['no turn named', { choice: 'agree', turn: '' }, { field: 'turn', problem: 'unknown-choice' }],
    ['an unknown step id', { choice: 'counter', steps: { nope: 'other' }, instead: { nope: 'x' } }, { field: 'step:nope', problem: 'unknown-step' }],
    ['a fixed step changed', { choice: 'counter', steps: { proposal: 'other' }, instead: { proposal: 'No proposal' } }, { field: 'step:proposal', problem: 'fixed-step' }],
    ['other without words', { choice: 'counter', steps: { discovery: 'other' }, instead: { discovery: '  ' } }, { field: 'instead:discovery', problem: 'instead-required' }],
    ['an over-long instead', { choice: 'counter', steps: { discovery: 'other' }, instead: { discovery: 'x'.repeat(301) } }, { field: 'instead:discovery', problem: 'too-long' }],
    ['an over-long note', { choice: 'counter', steps: { intro: 'theirs' }, note: 'x'.repeat(1001) }, { field: 'note', problem: 'too-long' }],
    ['an over-long explanation', { choice: 'keep', explanation: 'x'.repeat(1001) }, { field: 'explanation', problem: 'too-long' }],
    ['an unknown added step', { choice: 'counter', steps: { intro: 'theirs' }, added: ['3'] }, { field: 'added', problem: 'unknown-added' }],
    ['an unknown pick', { choice: 'counter', steps: { intro: 'both' } }, { field: 'step:intro', problem: 'unknown-pick' }],
    ['a counter that is their proposal', { choice: 'counter', steps: { intro: 'theirs', discovery: 'theirs' }, added: ['0'] }, { field: 'choice', problem: 'same-as-proposal' }],
    ['a counter that is the standard', { choice: 'counter', added: [] }, { field: 'choice', problem: 'same-as-standard' }],
  ])('refuses %s and changes nothing', async (_, form, problem) => {
    const t = await setup();
    expect(t.answer(form)).toEqual({ done: false, invalid: problem });
    expect(t.lead()).toMatchObject({ status: 'assigned', agreementState: 'proposed' });
    expect(t.turns()).toHaveLength(1);
    expect(t.mails()).toHaveLength(0);
  });

  it("refuses their change of a step they did not change", async () => {
    const t = await setup({ process: { accepted: false, deviation: 'Shorter.', changes: { steps: [{ id: 'intro', change: 'skip' }], added: [] } } });
    expect(t.answer({ choice: 'counter', steps: { discovery: 'theirs' } })).toEqual({ done: false, invalid: { field: 'step:discovery', problem: 'not-theirs' } });
  });
});
