import { randomUUID } from 'node:crypto';
import type { SubmissionInput } from '../../../shared/submission';
import { submissionBody } from '../../support/fixtures';

// A prospect's browser, as the proofs need it: fetch the form (and its token), then POST the
// submission, retrying the SAME body (same submissionId) until the server acknowledges it.

export const SITE = 'zeilmaker-web';

/** Proof env for a spawned server: limits out of the way, no minimum fill time. */
export const PROOF_ENV = {
  RATE_LIMIT_PER_MINUTE: '100000000',
  RATE_LIMIT_SITE_PER_MINUTE: '100000000',
  MIN_FILL_SECONDS: '0',
};

export async function fetchFormToken(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/sites/${SITE}/form`, { signal: AbortSignal.timeout(5_000) });
  if (res.status !== 200) throw new Error(`form: ${res.status}`);
  const { formToken } = (await res.json()) as { formToken: string };
  return formToken;
}

/** A body a person could send, with a company name and address unique to `tag` (to find its mails). */
export function uniqueBody(tag: string, formToken: string): SubmissionInput & { formToken: string } {
  const n = randomUUID().slice(0, 8);
  return {
    ...submissionBody({ contact: { company: `Proof ${tag} ${n}`, email: `p-${tag}-${n}@proof-${n}.example` } }),
    formToken,
  };
}

export interface Ack {
  submissionId: string;
  leadId: string;
  status: 200 | 201;
  attempts: number;
  company: string;
  email: string;
}

/** POSTs until 200/201; network errors and 5xx are retried with the same body. Other 4xx throw. */
export async function submitUntilAcknowledged(baseUrl: string, body: ReturnType<typeof uniqueBody>, stop: () => boolean): Promise<Ack | undefined> {
  for (let attempts = 1; ; attempts++) {
    if (stop()) return undefined;
    try {
      const res = await fetch(`${baseUrl}/api/v1/sites/${SITE}/leads`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      if (res.status === 200 || res.status === 201) {
        const { leadId } = (await res.json()) as { leadId: string };
        return { submissionId: body.submissionId, leadId, status: res.status, attempts, company: body.contact.company, email: body.contact.email };
      }
      if (res.status < 500) throw new Error(`refused with ${res.status}: ${await res.text()}`);
    } catch (err) {
      if (err instanceof Error && err.message.startsWith('refused')) throw err;
      // connection refused or reset: the server is down or was killed mid-request
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** fetchFormToken, retried while the server is down. */
export async function formTokenWhenUp(baseUrl: string, stop: () => boolean): Promise<string | undefined> {
  while (!stop()) {
    try {
      return await fetchFormToken(baseUrl);
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return undefined;
}
