import type { ReceivedMail, SmtpSink } from '../../support/smtp-sink';

// The two mails of one lead, as they arrived at the SMTP sink: the prospect's confirmation
// (to the contact address) and the rep's lead summary (to a rep of the config, naming the company).
export async function mailsOfLead(
  sink: SmtpSink,
  contact: { email: string; company: string },
  repEmails: string[],
  timeoutMs = 15_000,
): Promise<{ prospect: ReceivedMail; rep: ReceivedMail }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const prospect = sink.messages.find((m) => m.envelope.to.includes(contact.email));
    const rep = sink.messages.find(
      (m) =>
        m.envelope.to.some((to) => repEmails.includes(to)) &&
        `${m.parsed.subject} ${m.parsed.text}`.includes(contact.company),
    );
    if (prospect && rep) return { prospect, rep };
    if (Date.now() > deadline) {
      throw new Error(`mails for ${contact.email}: prospect ${!!prospect}, rep ${!!rep}; sink has ${sink.messages.length}`);
    }
    await sink.waitFor(sink.messages.length + 1, Math.max(1, deadline - Date.now())).catch(() => undefined);
  }
}
