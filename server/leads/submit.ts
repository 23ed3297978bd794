import { v7 as timeOrderedUuid } from 'uuid';
import type { Site, VendorConfig } from '../../shared/config';
import { CONSENT_TEXT_VERSION } from '../../shared/consent';
import type { Submission, SubmissionAnswer } from '../../shared/submission';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { prepared } from '../db/prepared';
import { useFormToken } from '../form/used-form-tokens';
import type { LeadRow } from '../mail/rep-lead';
import { recordEvent, recordSameAccount } from './lead-history';
import { queueLeadMails } from './lead-mail-job';
import { nextStepText } from './next-step';
import { composeConfirmation, formSteps } from './confirmation';
import { qualify } from './qualify';
import { chooseRoute, type RouteDecision } from './route';
import { readRoutingState, saveCurrents } from './routing-store';
import { scheduleSlaCheck } from './sla';
import { storedPageUrl, storedReferrer } from './page-context';
import { takeProspectMail, type ProspectMailCaps } from './prospect-mail-cap';
import { submissionHash } from './submission-hash';
import { replayedAnswer, storedAnswer, type StoredAnswer } from './stored-answer';
import { NO_CHANGES, recordTurn } from '../agreement/turns';
import type { ProspectPageLink } from '../security/prospect-links';
import { webhookLeadCreated } from '../webhooks/events';

// One submission → one stored, qualified, routed lead and its two mails (queued; composed when
// sent: lead-mail-job.ts), in ONE transaction, before the 201. A repeated submissionId answers
// the first answer with 200 and stores nothing.

export interface SubmitDeps {
  db: Db;
  config: VendorConfig;
  clock: Clock;
  /** Confirmations per prospect address and company domain per day (prospect-mail-cap.ts). */
  prospectMailCaps?: ProspectMailCaps;
  /** The link to the prospect's page (security/prospect-links.ts), for the confirmation in the answer. */
  prospectPage?: ProspectPageLink;
}

/** What the HTTP layer knows about the submission besides its body. */
export interface SubmitMeta {
  /** Why this looks like a bot (spam-check.ts); such a lead is stored but never routed or mailed. */
  spam?: string;
  consentOrigin?: string | null;
  clientNetwork?: string | null;
  /** The form token's id and when it expires: a token serves one lead (form/used-form-tokens.ts). */
  formToken?: { id: string; expiresAt: number };
  /** The site API key a server submitted with (no form token then). */
  apiKeyId?: string;
  /** The process version the prospect was shown (leads/process-versions.ts). */
  processVersion?: string;
}

export type SubmitResult =
  /** spam: stored as spam (never routed or mailed), answered like a lead. */
  | { status: 200 | 201; body: SubmissionAnswer; spam?: boolean }
  /** The submissionId was used before for other content. */
  | { status: 409; body?: undefined };

/** One submission in its own immediate transaction (tests, tools). The server batches: submit-queue.ts. */
export function submitLead(deps: SubmitDeps, site: Site, sub: Submission, meta: SubmitMeta = {}): SubmitResult {
  return deps.db.transaction(() => storeLead(deps, site, sub, meta), { behavior: 'immediate' });
}

/**
 * Qualifies, routes and stores one lead with its history, deadline and mails. Call it inside a
 * write transaction (or savepoint) of deps.db: its statements run on that one connection.
 * better-sqlite3 transactions are synchronous: nothing here may await, and the routing state read
 * here is the one we update.
 */
export function storeLead(deps: SubmitDeps, site: Site, sub: Submission, meta: SubmitMeta = {}): SubmitResult {
  const { config, clock } = deps;
  // A repeated submissionId (also one repeated within the same batch) gets the first answer,
  // but only for the same content: another person's answer is nobody else's business.
  const hash = submissionHash(sub);
  const earlier = earlierSubmission(deps.db, site.key, sub.submissionId, deps.prospectPage);
  if (earlier) return earlier.hash === null || earlier.hash === hash ? { status: 200, body: earlier.answer } : { status: 409 };
  const now = clock.now();
  // A form token serves one lead: a second lead with it is a bot replaying it.
  const spam = meta.spam ?? (meta.formToken && !useFormToken(deps.db, meta.formToken.id, meta.formToken.expiresAt, now) ? 'form token used before' : undefined);

  const qualification = qualify(sub, config);
  const emailDomain = sub.contact.email.slice(sub.contact.email.lastIndexOf('@') + 1).toLowerCase();
  // Time-ordered (UUIDv7): new leads append to the primary-key index instead of landing on a
  // random page of it, which keeps inserts cheap with millions of leads.
  const id = timeOrderedUuid();
  // Spam is routed too, without saving the turn, so that its answer names the rep a person would
  // have got; it is stored with nobody and never mailed.
  const route: RouteDecision = chooseRoute(
        {
          tier: qualification.tier,
          stage: sub.answers.stage,
          timeline: sub.answers.timeline,
          companySize: sub.contact.companySize,
          country: sub.contact.country,
          language: sub.language,
          emailDomain,
        },
        config,
        readRoutingState(deps.db, config, { emailDomain }),
        { now },
      );
  const decision: RouteDecision = spam ? { teamId: null, repId: null, reason: `spam: ${spam}` } : route;
  const rep = config.reps.find((r) => r.id === route.repId);
  const proposal = !sub.process.accepted && sub.process.changes ? sub.process.changes : null;
  const agreementState = sub.process.accepted || spam ? 'standard' : 'proposed';
  const configured = nextStepText(config, site, qualification.tier, sub.language, rep?.name ?? null);
  // What the prospect reads next (leads/confirmation.ts); a bot's answer reads like a person's.
  const composed =
    deps.prospectPage &&
    composeConfirmation({
      lead: { id, contactName: sub.contact.name, tier: qualification.tier, createdAt: now, phone: sub.contact.phone || null, agreementState: sub.process.accepted ? 'standard' : 'proposed', proposal },
      language: sub.language,
      config,
      site,
      rep: rep ?? null,
      steps: formSteps(config, site, sub.language),
      nextStep: configured,
      page: deps.prospectPage(id, 0, now), // signed at the lead's creation time: a replay signs the same link (stored-answer.ts)
    });
  // The one sentence of what happens next: after a proposal, never the configured step it may question.
  const nextStep = composed ? composed.confirmation.contact ?? configured : configured;
  const body: SubmissionAnswer = { leadId: id, tier: qualification.tier, nextStep, rep: rep ? { name: rep.name } : null, ...(composed ? { confirmation: composed.confirmation } : {}) };

  const lead: LeadRow = {
    id,
    site: site.key,
    submissionId: sub.submissionId,
    createdAt: now,
    updatedAt: now,
    language: sub.language,
    status: spam ? 'spam' : rep ? 'assigned' : 'unassigned',
    processAccepted: sub.process.accepted,
    deviation: sub.process.accepted ? null : (sub.process.deviation ?? null),
    stage: sub.answers.stage,
    budget: sub.answers.budget,
    decisionProcess: sub.answers.decisionProcess,
    timeline: sub.answers.timeline,
    costOfInaction: sub.answers.costOfInaction || null,
    stakeholderRoles: sub.stakeholders.roles,
    finalSay: sub.stakeholders.finalSay,
    orgInterest: sub.stakeholders.orgInterest || null,
    personalInterest: sub.stakeholders.personalInterest || null,
    contactName: sub.contact.name,
    contactEmail: sub.contact.email,
    emailDomain,
    company: sub.contact.company,
    phone: sub.contact.phone || null,
    country: sub.contact.country ?? null,
    companySize: sub.contact.companySize ?? null,
    message: sub.contact.message || null,
    consentAt: now,
    consentVersion: CONSENT_TEXT_VERSION,
    consentOrigin: meta.consentOrigin ?? null,
    clientNetwork: meta.clientNetwork ?? null,
    pageUrl: storedPageUrl(sub.context.pageUrl),
    referrer: storedReferrer(sub.context.referrer),
    utm: sub.context.utm ?? null,
    clickIds: sub.context.clickIds && Object.values(sub.context.clickIds).some(Boolean) ? sub.context.clickIds : null,
    score: qualification.score,
    tier: qualification.tier,
    explanation: qualification.explanation,
    noDecisionRisk: qualification.noDecisionRisk,
    repId: decision.repId,
    teamId: decision.teamId,
    routingReason: decision.reason,
    response: storedAnswer(body),
    submissionHash: hash,
    apiKeyId: meta.apiKeyId ?? null,
    processVersion: meta.processVersion ?? null,
    proposal,
    agreementState,
    processChoice: sub.process.choice ?? null,
    prospectLinkEpoch: 0,
  };
  prepared(deps.db).insertLead.run(lead);
  recordEvent(deps.db, {
    leadId: id,
    at: now,
    type: spam ? 'spam' : rep ? 'assigned' : 'unassigned',
    repId: decision.repId,
    teamId: decision.teamId,
    detail: decision.reason,
  });
  // A bot gets the same kind of answer as a person, and nothing else happens.
  if (spam) return { status: 201, body, spam: true };

  saveCurrents(deps.db, decision);
  // The first turn of the agreement: the prospect's proposal (agreement/turns.ts).
  if (!sub.process.accepted) recordTurn(deps.db, { leadId: id, at: now, by: 'prospect', kind: 'proposal', teamId: decision.teamId, changes: lead.proposal ?? NO_CHANGES, text: lead.deviation ?? '' });
  scheduleSlaCheck(deps.db, config, { leadId: id, repId: decision.repId, tier: qualification.tier, assignedAt: now });
  if (decision.ownerLeadId) recordSameAccount(deps.db, { leadId: id, earlierLeadId: decision.ownerLeadId, at: now, repId: decision.repId, teamId: decision.teamId });

  // The confirmation to the prospect's (unverified) address is capped per address and domain.
  const mails = takeProspectMail(deps.db, sub.contact.email, now, deps.prospectMailCaps) ? (['rep', 'prospect'] as const) : (['rep'] as const);
  queueLeadMails(deps.db, { leadId: id, repId: decision.repId, routingReason: decision.reason, routing: decision.why, earlierLeadId: decision.ownerLeadId }, now, mails);
  webhookLeadCreated(deps, { id, decision, proposal: sub.process.accepted ? undefined : { changes: proposal ?? NO_CHANGES, reason: lead.deviation ?? '' } }, now);
  return { status: 201, body };
}

/** The answer a submissionId got, and the hash of its content (null for leads stored before hashes). */
export function earlierSubmission(db: Db, site: string, submissionId: string, prospectPage?: ProspectPageLink): { answer: SubmissionAnswer; hash: string | null } | undefined {
  const row = prepared(db).answerOf.get({ site, submissionId });
  return row && { answer: replayedAnswer(row.response as StoredAnswer, row, prospectPage), hash: row.submissionHash };
}
