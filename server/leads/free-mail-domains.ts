// Mail providers anyone can sign up with: a lead from one of these never binds a company to a rep
// (issue 4, account ownership). Families whose country variants are endless match by their first
// label (hotmail.*, yahoo.*, live.*…). Keep sorted; add domains as sales ops reports them.

const FAMILIES = ['aol', 'gmx', 'hotmail', 'live', 'msn', 'outlook', 'web', 'yahoo', 'ymail', 'yandex'];

const DOMAINS = new Set([
  'fastmail.com', 'gmail.com', 'googlemail.com', 'hey.com', 'home.nl', 'icloud.com', 'kpnmail.nl',
  'mac.com', 'mail.com', 'mail.ru', 'me.com', 'online.nl', 'pm.me', 'planet.nl', 'proton.me',
  'protonmail.ch', 'protonmail.com', 'qq.com', 'skynet.be', 't-online.de', 'telenet.be', 'tuta.io',
  'tutanota.com', 'upcmail.nl', 'xs4all.nl', 'zeelandnet.nl', 'ziggo.nl', 'zoho.com',
]);

export function isFreeMailDomain(domain: string): boolean {
  const d = domain.toLowerCase();
  if (DOMAINS.has(d)) return true;
  const [first, ...rest] = d.split('.');
  // "hotmail.co.uk" and "hotmail.nl" match; "hotmail-partners.com" and "web.example.org" (rest > 2 labels) do not.
  return FAMILIES.includes(first) && rest.length >= 1 && rest.length <= 2 && rest.every((l) => /^[a-z]{2,3}$/.test(l));
}
