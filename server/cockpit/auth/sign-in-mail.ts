import type { VendorConfig } from '../../../shared/config';
import type { Language } from '../../../shared/localized';
import type { MailMessage } from '../../mail/message';
import { formatMinutes } from '../../mail/times';

// The sign-in mail: one button, how long it works, and what to do if you did not ask for it.

const texts = {
  en: {
    subject: (vendor: string) => `Your sign-in link for the ${vendor} sales cockpit`,
    title: 'Sign in to the sales cockpit',
    intro: (name: string) => `Hello ${name}, here is your link to sign in to the sales cockpit.`,
    button: 'Sign in',
    valid: (minutes: string) => `The link works once, for ${minutes}.`,
    notYou: 'Did you not ask for it? Then you can ignore this mail: nobody can sign in without the link.',
  },
  nl: {
    subject: (vendor: string) => `Uw aanmeldlink voor de salescockpit van ${vendor}`,
    title: 'Aanmelden bij de salescockpit',
    intro: (name: string) => `Hallo ${name}, hier is je link om je aan te melden bij de salescockpit.`,
    button: 'Aanmelden',
    valid: (minutes: string) => `De link werkt één keer, ${minutes} lang.`,
    notYou: 'Heb je hem niet aangevraagd? Dan kun je deze mail negeren: zonder de link kan niemand zich aanmelden.',
  },
};

export function signInMail(a: { config: VendorConfig; to: { name: string; address: string }; language: Language; href: string; ttlMs: number }): MailMessage {
  const t = texts[a.language];
  return {
    purpose: 'cockpit-sign-in',
    from: a.config.vendor.from,
    to: [a.to],
    subject: t.subject(a.config.vendor.name),
    title: t.title,
    blocks: [
      { lines: [t.intro(a.to.name)] },
      { links: [{ label: t.button, href: a.href }] },
      { lines: [t.valid(formatMinutes(Math.round(a.ttlMs / 60_000), a.language)), t.notYou] },
    ],
  };
}
