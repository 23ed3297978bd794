import type { Db } from '../db/open';
import type { Clock } from '../clock';
import type { VendorConfig } from '../../shared/config';
import type { LeadMailInput } from '../leads/lead-mails';
import { performLeadAction, performRepAction, type LeadActionInput } from '../leads/rep-action';
import { assignByHand, type AssignInput } from '../cockpit/assign';
import { performRepAnswer, type RepAnswerForm } from '../agreement/rep-answer';
import type { ActionClaim } from '../security/action-links';
import type { ProspectPageLink } from '../security/prospect-links';
import { updateAnswers, type UpdateAnswersInput } from '../prospect/update-answers';
import { changeStatus, type StatusChangeInput } from '../prospect/status-change';
import { replyToCounter, type CounterReplyInput } from '../prospect/counter-reply';
import { revokeProspectLinks } from '../prospect/revoke-link';
import { requestSignInLink, signIn, signOut, touch } from '../cockpit/auth/auth-writes';
import { handOffRep, setRepOverride } from '../leads/rep-overrides';
import { addFunnelCounts } from '../funnel/write-counts';
import { erasePerson, recordAudit } from '../cockpit/data-writes';
import { redeliver } from '../webhooks/deliveries';
import { enableEndpoint } from '../webhooks/endpoint-state';

// Every write a person makes through a page (a rep's link, a prospect's page): one synchronous
// function each, run where the writes are: in the store thread when main.ts runs one (the main
// thread then never waits for the write lock), else in-process (tests). Each takes and returns
// plain data (it crosses a thread boundary: structured clone).

export interface WriteDeps {
  db: Db;
  config: VendorConfig;
  clock: Clock;
  repActions?: LeadMailInput['repActions'];
  prospectPage?: ProspectPageLink;
}

export const writes = {
  'rep-action': (deps: WriteDeps, a: { claim: ActionClaim; input: { reason?: string } }) => performRepAction(deps, a.claim, a.input),
  // The prospect's page (server/prospect/): answers, pause / withdraw / resume, the reply to a counter; the admin's revocation.
  'prospect-answers': (deps: WriteDeps, input: UpdateAnswersInput) => updateAnswers(deps, input),
  'prospect-status': (deps: WriteDeps, input: StatusChangeInput) => changeStatus(deps, input),
  'prospect-counter': (deps: WriteDeps, input: CounterReplyInput) => replyToCounter(deps, input),
  'revoke-prospect-links': (deps: WriteDeps, input: { leadId: string }) => revokeProspectLinks(deps, input),
  /** The rep's answer to a process proposal (agreement/rep-answer.ts). */
  'rep-answer': (deps: WriteDeps, a: { claim: ActionClaim; form: RepAnswerForm }) => performRepAnswer(deps, a.claim, a.form),
  // The cockpit's sign-in (server/cockpit/auth/).
  'cockpit-request-link': requestSignInLink,
  'cockpit-sign-in': signIn,
  'cockpit-touch': touch,
  'cockpit-sign-out': signOut,
  // The cockpit's inbox and lead page: a signed-in rep's accept / pass on / not a fit (the links' write), a manager's assign by hand.
  'cockpit-lead-action': (deps: WriteDeps, input: Omit<LeadActionInput, 'via' | 'issuedAt'>) => performLeadAction(deps, { ...input, via: 'cockpit' }),
  'cockpit-assign': (deps: WriteDeps, input: AssignInput) => assignByHand(deps, input),
  // The cockpit's team page: a manager's away/inactive over the config, a leaving rep's hand-off (leads/rep-overrides.ts).
  'rep-override': setRepOverride,
  'rep-handoff': handOffRep,
  /** A batch of widget funnel counts (server/funnel/counter.ts). */
  'funnel-counts': addFunnelCounts,
  // The Data page (cockpit/data-writes.ts): an audit line; erasing one person (long: VACUUM) with its audit line.
  'cockpit-audit': recordAudit,
  'person-erase': erasePerson,
  // The admin API's webhooks (server/webhooks/): send one delivery again, enable an endpoint after a 410.
  'webhook-redeliver': (deps: WriteDeps, input: { deliveryId: number }) => redeliver(deps.db, input.deliveryId, deps.clock.now()) ?? null,
  'webhook-enable': (deps: WriteDeps, input: { id: string; url: string }) => enableEndpoint(deps.db, input),
};

export type WriteKind = keyof typeof writes;
export type WriteInput<K extends WriteKind> = Parameters<(typeof writes)[K]>[1];
export type WriteResult<K extends WriteKind> = ReturnType<(typeof writes)[K]>;
/** Performs one write and answers its result (the store thread's, or in-process). */
export type Writer = <K extends WriteKind>(kind: K, input: WriteInput<K>) => Promise<WriteResult<K>>;

export function runWrite<K extends WriteKind>(deps: WriteDeps, kind: K, input: WriteInput<K>): WriteResult<K> {
  const write = writes[kind] as (deps: WriteDeps, input: WriteInput<K>) => WriteResult<K>;
  return write(deps, input);
}

/** The in-process writer (no store thread). */
export function inProcessWriter(deps: WriteDeps): Writer {
  return async (kind, input) => runWrite(deps, kind, input);
}
