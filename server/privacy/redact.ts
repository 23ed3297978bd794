// What may be written to logs: SMTP_URL without its credentials, and text (SMTP errors, job
// errors) without the email addresses in it.

/** Pool options nodemailer reads from SMTP_URL's query (server/mail/smtp-mailer.ts): not secret. */
const SHOWN_QUERY_KEYS = new Set(['pool', 'maxConnections', 'maxMessages', 'rateLimit', 'rateDelta', 'secure', 'ignoreTLS', 'requireTLS']);

/** The URL with user and password (and any query value not known to be harmless) replaced by ***. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '(an SMTP_URL that is not a URL)';
  }
  if (parsed.username || parsed.password) {
    parsed.username = '***';
    parsed.password = '';
  }
  for (const key of [...parsed.searchParams.keys()]) if (!SHOWN_QUERY_KEYS.has(key)) parsed.searchParams.set(key, '***');
  return parsed.toString().replace(/%2A%2A%2A/g, '***');
}

// Local part and domain as loosely as an SMTP server might echo them (quoted, in <…>, after "RCPT TO:").
const ADDRESS = /[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]+@([\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)/giu;

/** The text with every email address's local part replaced: `sanne@visser.example` → `***@visser.example`. */
export function redactEmails(text: string): string {
  return text.replace(ADDRESS, (_m, domain: string) => `***@${domain}`);
}
