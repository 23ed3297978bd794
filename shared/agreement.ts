import { z } from 'zod';

// The process agreement (issue 10): the vendor's process is the default; a prospect may propose
// changes to it (per step: skip it, or do something else instead; add steps; one reason), the rep
// agrees, counters or keeps the standard, and the prospect accepts a counter or answers it. A
// proposal or counter is a list of changes to the process the prospect was shown: a step not
// listed is kept as it is.

export const AGREEMENT_LIMITS = { instead: 300, added: 300, maxAdded: 3, reason: 1000 } as const;

/** Control characters (but newlines) and bidi controls out, trimmed: as every text of a submission. */
const text = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) =>
      s
        .replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n')
        .replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
        .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '')
        .trim(),
    );

export const stepChangeSchema = z.strictObject({
  /** The step's id (process.steps[].id). */
  id: z.string().min(1).max(64),
  /** skip: leave the step out; change: do `instead` in its place. */
  change: z.enum(['skip', 'change']),
  /** What instead (other timing or form); required with change. */
  instead: text(AGREEMENT_LIMITS.instead).optional(),
});
export type StepChange = z.infer<typeof stepChangeSchema>;

/** Changes to the shown process: steps changed or skipped, steps added (after the last). */
export const processChangesSchema = z.strictObject({
  steps: z.array(stepChangeSchema).max(20).default([]),
  added: z.array(text(AGREEMENT_LIMITS.added).pipe(z.string().min(1, 'required'))).max(AGREEMENT_LIMITS.maxAdded).default([]),
});
export type ProcessChanges = z.output<typeof processChangesSchema>;
export type ProcessChangesInput = z.input<typeof processChangesSchema>;

export const agreementReasonSchema = text(AGREEMENT_LIMITS.reason);

/**
 * Where the agreement stands:
 * - standard: the prospect accepted the default process;
 * - proposed: the prospect proposed changes, the rep has not answered (yet);
 * - countered: the rep answered with other changes, the prospect has not answered (yet);
 * - agreed: both agree on changes (the rep agreed, or the prospect accepted the counter);
 * - standard-kept: the rep kept the standard process, with an explanation.
 */
export const AGREEMENT_STATES = ['standard', 'proposed', 'countered', 'agreed', 'standard-kept'] as const;
export type AgreementState = (typeof AGREEMENT_STATES)[number];

/**
 * One turn of the negotiation (agreement_turns): who, what, the changes it puts on the table or
 * agrees to, and its words (the proposal's reason, the rep's explanation).
 * - proposal (prospect): changes + reason; also the prospect's answer to a counter;
 * - agree (rep): agrees to the proposal's changes;
 * - counter (rep): other changes + optional words;
 * - keep-standard (rep): no changes + explanation (required);
 * - accept-counter (prospect): agrees to the counter's changes.
 */
export const TURN_KINDS = ['proposal', 'agree', 'counter', 'keep-standard', 'accept-counter'] as const;
export type TurnKind = (typeof TURN_KINDS)[number];
