import type { AgreementState } from '../../shared/agreement';
import type { VendorConfig } from '../../shared/config';
import type { Db } from '../db/open';
import type { LeadRow } from '../mail/rep-lead';
import { applyChanges, isNoChange, shownProcess, type AgreedStep, type ShownStep } from './agreed-process';
import { latestTurn, NO_CHANGES } from './turns';

// What a rep reads about a lead's agreement: where it stands and, while a proposal is open, the
// proposal step by step (the shown process with the prospect's changes applied) and its reason.

export interface AgreementView {
  state: AgreementState;
  /** The shown process's steps (for the answer page's form). */
  shown: ShownStep[];
  /** The open proposal applied to the shown steps (state 'proposed'); else the shown steps as they are. */
  steps: AgreedStep[];
  reason: string;
  /** The proposal changes no step (only a reason). */
  noStepChanges: boolean;
  /** The open proposal's turn id (a turn in agreement_turns), when read from the database. */
  turnId?: number;
}

/**
 * The view of a lead's agreement. With `db`: the process version the lead was shown and the
 * latest proposal turn; without (a hand-over mail composed inside another write): the site's
 * current process and the proposal stored with the lead.
 */
export function agreementView(config: VendorConfig, lead: LeadRow, db?: Db): AgreementView {
  const shown = db ? shownProcess(db, config, lead) : shownProcess(undefined as never, config, { ...lead, processVersion: null });
  const turn = db && lead.agreementState !== 'standard' ? latestTurn(db, lead.id, 'proposal') : undefined;
  const changes = turn?.changes ?? lead.proposal ?? NO_CHANGES;
  return {
    state: lead.agreementState,
    shown: shown.steps,
    steps: applyChanges(shown.steps, lead.agreementState === 'proposed' ? changes : NO_CHANGES),
    reason: turn?.text ?? lead.deviation ?? '',
    noStepChanges: isNoChange(changes),
    ...(turn ? { turnId: turn.id } : {}),
  };
}

/** The process as the agreement stands now: agreed or kept, the counter on the table, or the open proposal. */
export function processAsItStands(db: Db, config: VendorConfig, lead: LeadRow): AgreedStep[] {
  const shown = shownProcess(db, config, lead).steps;
  const latest = latestTurn(db, lead.id);
  // keep-standard carries no changes; every other turn's changes are what is on the table or agreed.
  return applyChanges(shown, latest?.changes ?? NO_CHANGES);
}
