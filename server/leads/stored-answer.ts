import type { Confirmation, SubmissionAnswer } from '../../shared/submission';
import type { ProspectPageLink } from '../security/prospect-links';

// The answer a submission got is stored with its lead (leads.response) and replayed to a retry
// with the same submissionId. It is stored without the two parts that can be rebuilt exactly:
// the confirmation's `contact` (the same sentence as `nextStep`) and its `page` link (signed
// again from the lead's id and creation time: the same token, unless the signing keys were
// rotated in between — then an equally valid one). That is ~450 bytes less per lead, which makes
// a lead row small enough for two to share a database page (bench/store-cost.ts).
// Answers stored before this keep both parts and are replayed as stored.

/** What is stored in leads.response: a SubmissionAnswer whose confirmation may lack contact and page. */
export type StoredAnswer = Omit<SubmissionAnswer, 'confirmation'> & { confirmation?: Omit<Confirmation, 'page'> & { page?: string } };

/** The answer as stored: `page` must be prospectPage(leadId, 0, createdAt) (storeLead signs it so). */
export function storedAnswer(answer: SubmissionAnswer): StoredAnswer {
  if (!answer.confirmation) return answer;
  const { contact, page: _page, ...rest } = answer.confirmation;
  return { ...answer, confirmation: contact === answer.nextStep ? rest : { ...rest, contact } };
}

/** The answer to replay, rebuilt from what was stored (key order as first sent). */
export function replayedAnswer(stored: StoredAnswer, lead: { createdAt: number }, prospectPage: ProspectPageLink | undefined): SubmissionAnswer {
  const c = stored.confirmation;
  if (!c || c.page !== undefined) return stored as SubmissionAnswer;
  const confirmation: Confirmation = {
    thanks: c.thanks,
    contact: c.contact ?? stored.nextStep,
    ...(c.prepare !== undefined ? { prepare: c.prepare } : {}),
    recapTitle: c.recapTitle,
    recap: c.recap,
    links: c.links,
    page: prospectPage ? prospectPage(stored.leadId, 0, lead.createdAt) : '',
  };
  return { ...stored, confirmation };
}

/** The confirmation's contact sentence of a stored answer (absent: it is the next step). */
export function storedContact(stored: StoredAnswer): string | undefined {
  return stored.confirmation && (stored.confirmation.contact ?? stored.nextStep);
}
