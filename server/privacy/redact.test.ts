import { describe, expect, it } from 'vitest';
import { redactEmails, redactUrl } from './redact';

describe('redactUrl (SMTP_URL in the start log)', () => {
  it('hides user and password, also a password containing @ or /', () => {
    for (const url of ['smtps://mailer:p@ss@w0rd@mail.example.com:465', 'smtp://mailer:a%40b%2Fc@mail.example.com:587', 'smtp://mailer:p%40ss@mail.example.com']) {
      const shown = redactUrl(url);
      expect(shown).toMatch(/^smtps?:\/\/\*\*\*@mail\.example\.com(:\d+)?\/?$/);
      expect(shown).not.toMatch(/mailer|ss|w0rd|a%40b/);
    }
  });

  it('keeps a URL without credentials, the pool options, and hides other query values', () => {
    expect(redactUrl('smtp://127.0.0.1:2525')).toBe('smtp://127.0.0.1:2525');
    expect(redactUrl('smtps://u:secret@mail.example.com:465?maxConnections=5&rateLimit=20&tls.servername=x')).toBe(
      'smtps://***@mail.example.com:465?maxConnections=5&rateLimit=20&tls.servername=***',
    );
    expect(redactUrl('not a url user:pass@host')).toBe('(an SMTP_URL that is not a URL)');
  });
});

describe('redactEmails (outbox errors and worker logs)', () => {
  it('replaces each address\'s local part, keeping the domain for diagnosis', () => {
    expect(redactEmails('550 5.1.1 <sanne.visser+lead@visser-logistiek.example>: Recipient address rejected')).toBe(
      '550 5.1.1 <***@visser-logistiek.example>: Recipient address rejected',
    );
    expect(redactEmails('RCPT TO:jan@acme.example, "marijan@acme.example"')).toBe('RCPT TO:***@acme.example, "***@acme.example"');
    expect(redactEmails('451 try later')).toBe('451 try later');
  });
});
