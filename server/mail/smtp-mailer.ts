import nodemailer from 'nodemailer';
import type { Mailer } from './message';
import { toNodemailer } from './nodemailer-message';

/**
 * Pooled SMTP: a few connections, each reused for many mails, and a rate limit, so a backlog
 * (after an outage, or a flood) goes out steadily instead of a connection per mail. Options in
 * SMTP_URL's query string win (`smtps://…?maxConnections=5&rateLimit=20`), as nodemailer reads them.
 */
export const SMTP_POOL = {
  maxConnections: 3,
  /** Mails per connection before it is replaced. */
  maxMessages: 100,
  /** At most rateLimit mails per rateDelta ms over all connections. */
  rateLimit: 10,
  rateDelta: 1000,
};

/** Sends over SMTP_URL (smtp://user:pass@host:port, smtps:// for TLS). */
export function smtpMailer(url: string, pool: Partial<typeof SMTP_POOL> = {}): Mailer {
  // The URL goes in the options object: createTransport(url, options) takes its second argument
  // as message defaults, which left pooling off.
  const transport = nodemailer.createTransport({ ...SMTP_POOL, ...pool, pool: true, url });
  return {
    async send(message) {
      await transport.sendMail(toNodemailer(message));
    },
    close: () => transport.close(),
  };
}
