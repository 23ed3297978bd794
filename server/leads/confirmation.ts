import type { Rep, Site, VendorConfig } from '../../shared/config';
import { resolveText, type Language, type Localized } from '../../shared/localized';
import type { Confirmation } from '../../shared/submission';
import type { ProcessChanges } from '../../shared/agreement';
import { applyChanges, type AgreedStep, type ShownStep } from '../agreement/agreed-process';
import { agreedProcessLines, agreementTexts } from '../agreement/agreement-texts';
import { confirmationTexts } from '../mail/confirmation-texts';
import { formatPromise } from '../mail/times';
import { contactPromise } from './contact-promise';
import { buildPublicForm } from '../form/build-public-form';

// What a prospect reads after sending (issue 10, part 6): the widget's last screen and the
// confirmation mail say the same. Thanks by name; who contacts them, how and by when (a date and
// time in the vendor's time zone, from the tier's promise); what to prepare; a recap of the
// process as agreed — or, after a proposal, that the rep will answer it and by when, never a
// promise of a step they questioned; the tier's links; their own page.
// The mail goes to an address nobody verified: besides a name that looks like a name, nothing
// the sender typed is in it (no proposal texts, no phone number).

export interface ConfirmationInput {
  lead: {
    id: string;
    contactName: string;
    tier: string;
    createdAt: number;
    phone: string | null;
    agreementState: string;
    proposal: ProcessChanges | null;
  };
  language: Language;
  config: VendorConfig;
  site: Site;
  /** The rep who has the lead (or, for a bot's lead, the one a person would have got); null: nobody. */
  rep: Rep | null;
  /** The process the prospect was shown (agreement/agreed-process.ts shownProcess). */
  steps: ShownStep[];
  /** The configured next step, `{rep}` filled in (next-step.ts). */
  nextStep: string;
  /** The link to the prospect's page. */
  page: string;
}

export interface ComposedConfirmation {
  confirmation: Confirmation;
  /** The mail's subject, written to the prospect. */
  subject: string;
  /** The process as agreed (standard or not), for the mail's full recap; absent while a proposal is open. */
  agreed?: AgreedStep[];
  /** Greeting name, when the name looks like a name. */
  name?: string;
}

/**
 * A name that looks like a name: letters (any script), spaces, apostrophes, dots and hyphens, at
 * most 60 characters and 5 words. Anything else ("Click http://…") is left out of the greeting.
 */
export function greetingName(name: string): string | undefined {
  const n = name.trim().replace(/\s+/g, ' ');
  return /^[\p{L}\p{M}][\p{L}\p{M}'’. -]{0,59}$/u.test(n) && n.split(' ').length <= 5 ? n : undefined;
}

const stepsCache = new WeakMap<VendorConfig, Map<string, ShownStep[]>>();
/** The steps the config's form shows on a site in a language (cached per config: read for every lead). */
export function formSteps(config: VendorConfig, site: Site, language: Language): ShownStep[] {
  let bySite = stepsCache.get(config);
  if (!bySite) stepsCache.set(config, (bySite = new Map()));
  const key = `${site.key}\n${language}`;
  let steps = bySite.get(key);
  if (!steps) bySite.set(key, (steps = buildPublicForm(config, site, language, '').process.steps));
  return steps;
}

/** A sentence starts with a capital (a fallback such as "uw contactpersoon neemt … op"). */
export const sentence = (s: string) => (s ? s[0].toLocaleUpperCase() + s.slice(1) : s);

export function composeConfirmation(input: ConfirmationInput): ComposedConfirmation {
  const { lead, language, config, site, rep } = input;
  const t = confirmationTexts[language];
  const text = (l: Localized | undefined) => (l === undefined ? undefined : resolveText(l, language, site.defaultLanguage));
  const vendor = config.vendor.name;
  const name = greetingName(lead.contactName);
  const promise = rep ? contactPromise(config, lead.tier as never, lead.createdAt) : undefined;
  const when = promise === undefined ? undefined : formatPromise(promise, config.vendor.timeZone, language);
  const role = rep?.role ? text(rep.role) : undefined;
  const who = rep ? (role ? `${rep.name} (${role})` : rep.name) : undefined;
  // By phone only when the rep calls and the prospect gave a number; the number itself is not repeated.
  const by: 'phone' | 'email' = rep?.contactBy === 'phone' && rep.phone && lead.phone ? 'phone' : 'email';
  const reach = rep ? (by === 'phone' ? rep.phone! : rep.email) : undefined;
  const links = (config.nextStepLinks?.[lead.tier as keyof NonNullable<VendorConfig['nextStepLinks']>] ?? []).map((l) => ({
    label: text(l.label) ?? '',
    url: text(l.url) ?? '',
  }));

  const proposed = lead.agreementState === 'proposed';
  let contact: string;
  let subject: string;
  if (proposed && who) {
    contact = t.answerProposal(who, rep!.name, when, by, reach!);
    subject = t.proposalSubject(vendor, rep!.name, when);
  } else if (proposed) {
    contact = t.answerProposalTeam(vendor);
    subject = t.proposalSubject(vendor, undefined, undefined);
  } else if (who && when) {
    contact = t.contactBy(who, when, by, reach!);
    subject = t.contactSubject(vendor, rep!.name, when, by);
  } else {
    // No promise for this tier (an information-gatherer gets the guide, not a rep's name), or nobody has the lead.
    contact = sentence(input.nextStep);
    subject = links[0] ? t.linkSubject(vendor, links[0].label) : t.receivedSubject(vendor);
  }

  const agreed = proposed ? undefined : applyChanges(input.steps, { steps: [], added: [] });
  const firstAsk = agreed?.find((s) => s.status === 'kept' || s.status === 'changed');
  const recap = proposed
    ? proposalStatusLines(applyChanges(input.steps, lead.proposal ?? { steps: [], added: [] }), language)
    : agreedProcessLines(agreed!, language);
  const confirmation: Confirmation = {
    thanks: t.thanks(vendor, name),
    contact,
    ...(firstAsk?.weAsk ? { prepare: t.prepare(firstAsk.title, firstAsk.weAsk) } : {}),
    recapTitle: proposed ? t.proposalTitle : t.processTitle,
    recap,
    links,
    page: input.page,
  };
  return { confirmation, subject, agreed, name };
}

/** The proposal without the prospect's own words (they go to an unverified address): per step kept, changed, skipped; added steps counted. */
function proposalStatusLines(steps: AgreedStep[], language: Language): string[] {
  const a = agreementTexts[language];
  const t = confirmationTexts[language];
  const shown = steps.filter((s) => s.status !== 'added');
  const added = steps.length - shown.length;
  // Only a reason, in their own words: no step-by-step to show.
  if (!added && shown.every((s) => s.status === 'kept')) return [t.ownWords];
  return [
    ...shown.map((s) => `${s.title}: ${s.status === 'kept' ? (s.fixed ? a.fixed : a.kept).toLowerCase() : s.status === 'skipped' ? a.skipped.toLowerCase() : t.changeProposed}`),
    ...(added ? [t.stepsAdded(added)] : []),
  ];
}
