import { z } from 'zod';
import { LANGUAGES } from './localized';

// One widget funnel event (POST /api/v1/sites/{site}/events, docs/api.md). Short codes keep the
// widget small: `s` shown, `o` opened, `d` submitted (done), a number N: screen N reached.
// Nothing else is accepted: no identifiers, no page, no answers.

export const FUNNEL_SCREENS = 9;
export const FUNNEL_EVENTS = ['shown', 'opened', 'step', 'submitted'] as const;
export type FunnelEventName = (typeof FUNNEL_EVENTS)[number];

export const funnelEventSchema = z.strictObject({
  e: z.union([z.enum(['s', 'o', 'd']), z.int().min(1).max(FUNNEL_SCREENS)]),
  /** The form's language; absent: the site's default. */
  l: z.enum(LANGUAGES).optional(),
});
export type FunnelEventInput = z.infer<typeof funnelEventSchema>;
/** What the widget sends as `e`. */
export type FunnelCode = FunnelEventInput['e'];

/** The code as the stored event and step (step 0 for all but `step`). */
export function funnelEventOf(code: FunnelCode): { event: FunnelEventName; step: number } {
  if (typeof code === 'number') return { event: 'step', step: code };
  return { event: code === 's' ? 'shown' : code === 'o' ? 'opened' : 'submitted', step: 0 };
}
