import { v7 as timeOrderedUuid } from 'uuid';
import type { Site, VendorConfig } from '../../shared/config';
import { CONSENT_TEXT_VERSION } from '../../shared/consent';
import type { Submission, SubmissionAnswer } from '../../shared/submission';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { prepared } from '../db/prepared';
import type { LeadRow } from '../mail/rep-lead';
import { recordEvent } from './lead-history';
import { queueLeadMails } from './lead-mail-job';
import { nextStepText } from './next-step';
import { qualify } from './qualify';
import { chooseRoute, type RouteDecision } from './route';
import { readRoutingState, saveCurrents } from './routing-store';
import { scheduleSlaCheck } from './sla';

// One submission → one stored, qualified, routed lead and its two mails (queued; composed when
// sent: lead-mail-job.ts), in ONE transaction, before the 201. A repeated submissionId answers
// the first answer with 200 and stores nothing.

export interface SubmitDeps {
  db: Db;
  config: VendorConfig;
  clock: Clock;
}

/** What the HTTP layer knows about the submission besides its body. */
export interface SubmitMeta {
  /** Why this looks like a bot (spam-check.ts); such a lead is stored but never routed or mailed. */
  spam?: string;
  consentOrigin?: string | null;
  clientNetwork?: string | null;
}

export interface SubmitResult {
  status: 200 | 201;
  body: SubmissionAnswer;
}

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
  // A repeated submissionId (also one repeated within the same batch) gets the first answer.
  const earlier = findAnswer(deps.db, site.key, sub.submissionId);
  if (earlier) return { status: 200, body: earlier };

  const qualification = qualify(sub, config);
  const emailDomain = sub.contact.email.slice(sub.contact.email.lastIndexOf('@') + 1).toLowerCase();
  const now = clock.now();
  // Time-ordered (UUIDv7): new leads append to the primary-key index instead of landing on a
  // random page of it, which keeps inserts cheap with millions of leads.
  const id = timeOrderedUuid();
  const decision: RouteDecision = meta.spam
    ? { teamId: null, repId: null, reason: `spam: ${meta.spam}` }
    : chooseRoute(
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
  const rep = config.reps.find((r) => r.id === decision.repId);
  const nextStep = nextStepText(config, site, qualification.tier, sub.language, rep?.name ?? null);
  const body: SubmissionAnswer = { leadId: id, nextStep, rep: rep ? { name: rep.name } : null };

  const lead: LeadRow = {
    id,
    site: site.key,
    submissionId: sub.submissionId,
    createdAt: now,
    updatedAt: now,
    language: sub.language,
    status: meta.spam ? 'spam' : rep ? 'assigned' : 'unassigned',
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
    pageUrl: sub.context.pageUrl || null,
    referrer: sub.context.referrer || null,
    utm: sub.context.utm ?? null,
    score: qualification.score,
    tier: qualification.tier,
    explanation: qualification.explanation,
    noDecisionRisk: qualification.noDecisionRisk,
    repId: decision.repId,
    teamId: decision.teamId,
    routingReason: decision.reason,
    response: body,
  };
  prepared(deps.db).insertLead.run(lead);
  recordEvent(deps.db, {
    leadId: id,
    at: now,
    type: meta.spam ? 'spam' : rep ? 'assigned' : 'unassigned',
    repId: decision.repId,
    teamId: decision.teamId,
    detail: decision.reason,
  });
  // A bot gets the same kind of answer as a person, and nothing else happens.
  if (meta.spam) return { status: 201, body };

  saveCurrents(deps.db, decision);
  scheduleSlaCheck(deps.db, config, { leadId: id, repId: decision.repId, tier: qualification.tier, assignedAt: now });

  queueLeadMails(deps.db, { leadId: id, repId: decision.repId, routingReason: decision.reason, earlierLeadId: decision.ownerLeadId }, now);
  return { status: 201, body };
}

export function findAnswer(db: Db, site: string, submissionId: string): SubmissionAnswer | undefined {
  return prepared(db).answerOf.get({ site, submissionId })?.response as SubmissionAnswer | undefined;
}
