import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { AgreementState, ProcessChanges, TurnKind } from '../../shared/agreement';

// Times are epoch milliseconds (the injected clock's). JSON columns hold shapes typed below.

export interface StakeholderRole {
  role: string;
  involved: boolean;
}
export interface ExplanationLine {
  /** Which question gave the points: stage, budget, decisionProcess, role, finalSay, timeline, costOfInaction. */
  question: string;
  /** The option or role id (for costOfInaction: "filled"). */
  answer: string;
  points: number;
}
/** Ad click ids of the visit's first page (submission context.clickIds). */
export interface ClickIds {
  gclid?: string;
  fbclid?: string;
  msclkid?: string;
}
export interface Utm {
  source?: string;
  medium?: string;
  campaign?: string;
  term?: string;
  content?: string;
}

/** Lead statuses that still occupy their rep (capacity) and bind their company (ownership). */
export const OPEN_STATUSES = ['assigned', 'accepted'];

export const leads = sqliteTable(
  'leads',
  {
    id: text('id').primaryKey(),
    site: text('site').notNull(),
    submissionId: text('submission_id').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    language: text('language').notNull(),
    /**
     * assigned | unassigned | accepted | not-a-fit | spam (spam: stored, never routed or mailed) |
     * paused (the prospect paused; their rep keeps it) | withdrawn (the prospect chose another way)
     */
    status: text('status').notNull(),

    processAccepted: integer('process_accepted', { mode: 'boolean' }).notNull(),
    deviation: text('deviation'),
    stage: text('stage').notNull(),
    budget: text('budget').notNull(),
    decisionProcess: text('decision_process').notNull(),
    timeline: text('timeline').notNull(),
    costOfInaction: text('cost_of_inaction'),
    stakeholderRoles: text('stakeholder_roles', { mode: 'json' }).$type<StakeholderRole[]>().notNull(),
    finalSay: text('final_say').notNull(),
    orgInterest: text('org_interest'),
    personalInterest: text('personal_interest'),

    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    emailDomain: text('email_domain').notNull(),
    company: text('company').notNull(),
    phone: text('phone'),
    country: text('country'),
    companySize: text('company_size'),
    message: text('message'),
    consentAt: integer('consent_at').notNull(),
    /** Which consent text the prospect agreed to (shared/consent.ts). */
    consentVersion: text('consent_version').notNull().default('unknown'),
    /** The page origin the consent was given on. */
    consentOrigin: text('consent_origin'),
    /** The client's network, truncated (IPv4 /24, IPv6 /48): enough for abuse, not a person. */
    clientNetwork: text('client_network'),

    pageUrl: text('page_url'),
    referrer: text('referrer'),
    utm: text('utm', { mode: 'json' }).$type<Utm>(),

    score: integer('score').notNull(),
    tier: text('tier').notNull(),
    explanation: text('explanation', { mode: 'json' }).$type<ExplanationLine[]>().notNull(),
    noDecisionRisk: integer('no_decision_risk', { mode: 'boolean' }).notNull(),

    repId: text('rep_id'),
    teamId: text('team_id'),
    routingReason: text('routing_reason').notNull(),
    /** The body the first submission was answered with; replayed for the same submissionId. */
    response: text('response', { mode: 'json' }).$type<unknown>().notNull(),
    /** SHA-256 of the submission's content (server/leads/submission-hash.ts): a reused submissionId with other content is refused. */
    submissionHash: text('submission_hash'),
    /** The id of the site API key a server submitted it with; null: a browser (form token). */
    apiKeyId: text('api_key_id'),
    /** The process version the form showed (process_versions.id); null: before versions, or not known (an older token). */
    processVersion: text('process_version'),
    /** The changes the prospect proposed with the form (shared/agreement.ts); null: none, or only a reason. */
    proposal: text('proposal', { mode: 'json' }).$type<ProcessChanges>(),
    /** Where the process agreement stands (shared/agreement.ts); its turns are in agreement_turns. */
    agreementState: text('agreement_state').$type<AgreementState>().notNull().default('standard'),
    /** Links to the prospect's page carry this number; revoking them raises it (security/prospect-links.ts). */
    prospectLinkEpoch: integer('prospect_link_epoch').notNull().default(0),
    /** chosen: the prospect picked their answer to "does this work for you?"; default: they left the form's default; null: not known (older widgets, servers). */
    processChoice: text('process_choice').$type<'chosen' | 'default'>(),
    /** Ad click ids (gclid, fbclid, msclkid) of the visit's first page; null: none. */
    clickIds: text('click_ids', { mode: 'json' }).$type<ClickIds>(),
  },
  (t) => [
    uniqueIndex('leads_site_submission').on(t.site, t.submissionId),
    index('leads_email_domain').on(t.emailDomain, t.status),
    index('leads_rep_status').on(t.repId, t.status),
    index('leads_created').on(t.createdAt),
    // The cockpit's lists: leads of a status by date (a team's or a rep's too: migration 0010 dropped
    // leads_team_status, which no query used while this index exists; bench/cockpit-plans.ts).
    index('leads_status_created').on(t.status, t.createdAt),
  ],
);

/** The lead's history: every routing decision and rep action, with time and reason. */
export const leadEvents = sqliteTable(
  'lead_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    leadId: text('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    at: integer('at').notNull(),
    type: text('type').notNull(),
    repId: text('rep_id'),
    teamId: text('team_id'),
    detail: text('detail').notNull(),
  },
  (t) => [index('lead_events_lead').on(t.leadId, t.at)],
);

/** Smooth weighted round robin: each rep's current weight within a team. */
export const routingState = sqliteTable(
  'routing_state',
  {
    teamId: text('team_id').notNull(),
    repId: text('rep_id').notNull(),
    current: integer('current').notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.repId] })],
);

/** Durable jobs: mails to send (and, later, deadlines). A row is never deleted by the worker. */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    leadId: text('lead_id').references(() => leads.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    payload: text('payload', { mode: 'json' }).$type<unknown>().notNull(),
    /** pending | done | dead */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    runAt: integer('run_at').notNull(),
    lockedUntil: integer('locked_until'),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    doneAt: integer('done_at'),
    /** A mail to a prospect's address: claimed after everything else that is due (outbox/worker.ts). */
    toProspect: integer('to_prospect', { mode: 'boolean' }).notNull().default(false),
  },
  // outbox_due: the worker's claim, reps' and checks' rows before prospects', each by due time.
  // outbox_lead: deleting a lead (erase, spam retention) cascades to its jobs without reading the whole outbox.
  (t) => [index('outbox_due').on(t.status, t.toProspect, t.runAt), index('outbox_lead').on(t.leadId)],
);

/** Mail "sent" without SMTP_URL: the development outbox behind /dev/mail. */
export const devMail = sqliteTable('dev_mail', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: integer('at').notNull(),
  from: text('from').notNull(),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  html: text('html'),
  raw: text('raw').notNull(),
});

/** Small durable values, e.g. the signing key generated at first start. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at').notNull().default(sql`(unixepoch() * 1000)`),
});

/** Form tokens already used for a lead (single use); swept once expired. */
export const usedFormTokens = sqliteTable('used_form_tokens', {
  id: text('id').primaryKey(),
  expiresAt: integer('expires_at').notNull(),
});

/** Prospect confirmation mails per recipient address and per domain per UTC day (caps against a mail relay). */
export const prospectMailCounts = sqliteTable(
  'prospect_mail_counts',
  {
    /** `to:<address>` or `domain:<domain>` */
    key: text('key').notNull(),
    /** Days since 1970-01-01 (UTC). */
    day: integer('day').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.day] })],
);

/**
 * Every process text a site showed in one language, once (server/leads/process-versions.ts).
 * Rows are only ever added: a lead's process_version keeps naming what it was shown.
 */
export const processVersions = sqliteTable('process_versions', {
  /** Content hash: SHA-256 (base64url, first 22 characters) of site, language and process block. */
  id: text('id').primaryKey(),
  site: text('site').notNull(),
  language: text('language').notNull(),
  /** The public form's process block as shown (shared/public-form.ts, without its version). */
  content: text('content', { mode: 'json' }).$type<unknown>().notNull(),
  createdAt: integer('created_at').notNull(),
});

/** The turns of a lead's process agreement, in order (shared/agreement.ts, server/agreement/). Only ever added. */
export const agreementTurns = sqliteTable(
  'agreement_turns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    leadId: text('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    at: integer('at').notNull(),
    /** prospect | rep */
    by: text('by').$type<'prospect' | 'rep'>().notNull(),
    kind: text('kind').$type<TurnKind>().notNull(),
    /** The rep who answered (by = rep). */
    repId: text('rep_id'),
    /** The changes this turn puts on the table or agrees to; keep-standard: none. */
    changes: text('changes', { mode: 'json' }).$type<ProcessChanges>().notNull(),
    /** The proposal's reason, the rep's explanation or note; may be empty. */
    text: text('text').notNull().default(''),
  },
  (t) => [index('agreement_turns_lead').on(t.leadId, t.id)],
);

/** Keys of requests already applied (a prospect page form's id): a repeated one changes nothing. */
export const appliedRequests = sqliteTable('applied_requests', {
  key: text('key').primaryKey(),
  leadId: text('lead_id')
    .notNull()
    .references(() => leads.id, { onDelete: 'cascade' }),
  at: integer('at').notNull(),
});

// ── The cockpit (/app, issue 11) ──────────────────────────────────────────────────────────────

/** Magic sign-in links: only a hash of the token is stored; single use, short-lived. */
export const signInLinks = sqliteTable('sign_in_links', {
  /** SHA-256 (base64url) of the link's token. */
  tokenHash: text('token_hash').primaryKey(),
  email: text('email').notNull(),
  createdAt: integer('created_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
  usedAt: integer('used_at'),
});

/** Signed-in sessions: only a hash of the cookie's id is stored. */
export const sessions = sqliteTable('sessions', {
  /** SHA-256 (base64url) of the session cookie's value. */
  idHash: text('id_hash').primaryKey(),
  email: text('email').notNull(),
  createdAt: integer('created_at').notNull(),
  lastSeenAt: integer('last_seen_at').notNull(),
  /** Absolute end, whatever the activity. */
  expiresAt: integer('expires_at').notNull(),
  /** The token every state-changing request of this session carries. */
  csrfToken: text('csrf_token').notNull(),
});

/** What a manager set for a rep in the cockpit, over the config (null: the config's value). */
export const repOverrides = sqliteTable('rep_overrides', {
  repId: text('rep_id').primaryKey(),
  /** false: no new leads, whatever the config says; null: as configured. */
  active: integer('active', { mode: 'boolean' }),
  /** Away from–to (inclusive dates in vendor.timeZone); null: none set here. */
  awayFrom: text('away_from'),
  awayTo: text('away_to'),
  updatedAt: integer('updated_at').notNull(),
  /** The manager's email. */
  updatedBy: text('updated_by').notNull(),
});

/** Widget funnel events, counted (no identifiers, no personal data): per site, day, language, event and step. */
export const funnelCounts = sqliteTable(
  'funnel_counts',
  {
    site: text('site').notNull(),
    /** YYYY-MM-DD (UTC). */
    day: text('day').notNull(),
    language: text('language').notNull(),
    /** shown | opened | step | submitted */
    event: text('event').notNull(),
    /** The step reached (event step); 0 for the others. */
    step: integer('step').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.site, t.day, t.language, t.event, t.step] })],
);

/** Who did what in the cockpit that is not a lead's history: exports, erasures, overrides. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    /** The signed-in person's email. */
    actor: text('actor').notNull(),
    /** e.g. csv-export, person-export, person-erase, rep-override, rep-handoff */
    action: text('action').notNull(),
    /** What it was about (a rep id, a hash of an email address), never personal data in clear. */
    target: text('target').notNull().default(''),
    detail: text('detail').notNull().default(''),
  },
  (t) => [index('audit_log_at').on(t.at)],
);

/**
 * Lead counts by site, week of arrival (Monday, UTC, YYYY-MM-DD), status, tier, stage and
 * no-decision risk: kept by triggers on leads (drizzle/0007), so the pipeline reads a few hundred
 * rows instead of every lead.
 */
export const leadRollup = sqliteTable(
  'lead_rollup',
  {
    site: text('site').notNull(),
    week: text('week').notNull(),
    status: text('status').notNull(),
    tier: text('tier').notNull(),
    stage: text('stage').notNull(),
    noDecisionRisk: integer('no_decision_risk', { mode: 'boolean' }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.site, t.week, t.status, t.tier, t.stage, t.noDecisionRisk] })],
);

/**
 * Per rep and day (UTC, YYYY-MM-DD): leads assigned, accepted, deadlines missed; kept by a trigger
 * on lead_events (drizzle/0007). With rep_accept_minutes (a histogram of minutes from assignment
 * to acceptance) the team page needs no scan of the history.
 */
export const repDaily = sqliteTable(
  'rep_daily',
  {
    repId: text('rep_id').notNull(),
    day: text('day').notNull(),
    assigned: integer('assigned').notNull().default(0),
    accepted: integer('accepted').notNull().default(0),
    missed: integer('missed').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.repId, t.day] })],
);

export const repAcceptMinutes = sqliteTable(
  'rep_accept_minutes',
  {
    repId: text('rep_id').notNull(),
    day: text('day').notNull(),
    /** Whole minutes from the assignment to the acceptance. */
    minutes: integer('minutes').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.repId, t.day, t.minutes] })],
);
