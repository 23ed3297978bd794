import { z } from 'zod';
import { blockSchema } from './layout';

// A mail as the mailer takes it (and as a 'mail' job stores it in the outbox): headers and the
// document model (layout.ts); the mailer renders its text and HTML parts when sending. Recipients
// come from the config and the validated contact address only; user text never becomes a header
// line.

const address = z.strictObject({ name: z.string().optional(), address: z.email() });

export const mailMessageSchema = z.strictObject({
  /** What the mail is for: rep-lead, prospect-confirmation, unassigned-lead… */
  purpose: z.string(),
  from: z.string(),
  to: z.array(address).min(1),
  replyTo: address.optional(),
  subject: z.string(),
  title: z.string(),
  blocks: z.array(blockSchema),
});
export type MailMessage = z.infer<typeof mailMessageSchema>;
export type MailAddress = z.infer<typeof address>;

/** Sends one message; rejects when it was not accepted (the outbox retries). */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close?(): void;
}
