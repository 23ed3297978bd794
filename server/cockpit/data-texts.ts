import type { Language } from '../../shared/localized';

// The Data page's texts (cockpit/data.tsx), Dutch and English.

const en = {
  title: 'Data',
  exportTitle: 'Export leads as CSV',
  exportIntro: 'Every field of every lead the filters select, newest first: contact details, answers, roles and interests, the proposal and where the agreement stands, page and campaign, score and why, routing, rep, team and status.',
  counts: (leads: number, spam: number) => `Stored now: ${leads} leads, plus ${spam} marked as spam. Spam is never mixed in: export it on its own with the box below.`,
  filtersLegend: 'Which leads',
  any: 'All',
  rep: 'Rep',
  team: 'Team',
  tier: 'Tier',
  status: 'Status',
  stage: 'Stage',
  from: 'Arrived from',
  to: 'Arrived up to and including',
  source: 'Campaign source (utm_source)',
  separatorLegend: 'For which spreadsheet',
  semicolon: 'Excel in Dutch (columns separated by ;)',
  comma: 'Excel in English, Google Sheets, Numbers (columns separated by ,)',
  spamOnly: 'Only the leads marked as spam',
  download: 'Download CSV',
  recorded: 'Each export is recorded with your name (the audit log).',
  personTitle: 'Everything about one person',
  personIntro: 'A prospect asks what you store about them, or to be forgotten. Their email address finds every lead they sent.',
  email: 'Their email address',
  exportPerson: 'Download as JSON',
  erasePerson: 'Erase…',
  invalidEmail: 'Enter an email address like name@company.com.',
  confirmTitle: 'Erase this person for good?',
  confirmIntro: (n: number) =>
    n === 0
      ? 'No lead has this address. Erasing still removes the address from mails waiting to be sent and from the mail counts.'
      : `This erases ${n === 1 ? 'the one lead' : `all ${n} leads`} with this address, their history and process agreement, and every mail about them that is waiting or kept. It cannot be undone.`,
  confirmAddress: 'Address',
  confirmSlow: 'The database is rewritten afterwards, so no copy remains; on a large database that takes a while, during which new leads wait.',
  confirmButton: 'Erase for good',
  cancel: 'Cancel',
  erasedTitle: 'Erased',
  erased: (r: { leads: number; outbox: number; outboxEdited: number }) =>
    `Erased ${r.leads} lead(s) and ${r.outbox} mail(s); the address was taken out of ${r.outboxEdited} other mail(s). The erasure is recorded in the audit log (without the address).`,
  back: 'Back to Data',
  eraseFailedTitle: 'The erasure did not finish',
  eraseFailed: 'The data was deleted, but the database could not yet be cleaned of old copies. Try the erasure again in a few minutes; if it keeps failing, tell whoever runs the server.',
};

const nl: typeof en = {
  title: 'Gegevens',
  exportTitle: 'Leads exporteren als CSV',
  exportIntro: 'Elk veld van elke lead die de filters kiezen, nieuwste eerst: contactgegevens, antwoorden, rollen en belangen, het voorstel en hoe de afspraak ervoor staat, pagina en campagne, score en waarom, routering, verkoper, team en status.',
  counts: (leads, spam) => `Nu opgeslagen: ${leads} leads, plus ${spam} gemarkeerd als spam. Spam wordt nooit meegenomen: exporteer die apart met het vakje hieronder.`,
  filtersLegend: 'Welke leads',
  any: 'Alle',
  rep: 'Verkoper',
  team: 'Team',
  tier: 'Niveau',
  status: 'Status',
  stage: 'Fase',
  from: 'Binnengekomen vanaf',
  to: 'Binnengekomen tot en met',
  source: 'Campagnebron (utm_source)',
  separatorLegend: 'Voor welk rekenblad',
  semicolon: 'Excel in het Nederlands (kolommen gescheiden door ;)',
  comma: 'Excel in het Engels, Google Sheets, Numbers (kolommen gescheiden door ,)',
  spamOnly: 'Alleen de leads die als spam zijn gemarkeerd',
  download: 'CSV downloaden',
  recorded: 'Elke export wordt met je naam vastgelegd (het auditlogboek).',
  personTitle: 'Alles over één persoon',
  personIntro: 'Een prospect vraagt wat je over hem of haar bewaart, of om vergeten te worden. Het e-mailadres vindt elke lead die deze persoon stuurde.',
  email: 'Zijn of haar e-mailadres',
  exportPerson: 'Downloaden als JSON',
  erasePerson: 'Wissen…',
  invalidEmail: 'Vul een e-mailadres in zoals naam@bedrijf.nl.',
  confirmTitle: 'Deze persoon definitief wissen?',
  confirmIntro: (n) =>
    n === 0
      ? 'Geen enkele lead heeft dit adres. Wissen haalt het adres toch uit mails die nog verstuurd moeten worden en uit de mailtellingen.'
      : `Dit wist ${n === 1 ? 'de lead' : `alle ${n} leads`} met dit adres, hun geschiedenis en procesafspraak, en elke mail erover die nog wacht of bewaard is. Dit kan niet ongedaan worden gemaakt.`,
  confirmAddress: 'Adres',
  confirmSlow: 'Daarna wordt de database herschreven, zodat er geen kopie achterblijft; bij een grote database duurt dat even, en zolang wachten nieuwe leads.',
  confirmButton: 'Definitief wissen',
  cancel: 'Annuleren',
  erasedTitle: 'Gewist',
  erased: (r) =>
    `${r.leads} lead(s) en ${r.outbox} mail(s) gewist; het adres is uit ${r.outboxEdited} andere mail(s) gehaald. Het wissen staat in het auditlogboek (zonder het adres).`,
  back: 'Terug naar Gegevens',
  eraseFailedTitle: 'Het wissen is niet afgerond',
  eraseFailed: 'De gegevens zijn verwijderd, maar de database kon nog niet van oude kopieën worden ontdaan. Probeer het wissen over een paar minuten opnieuw; lukt het steeds niet, meld het dan aan wie de server beheert.',
};

export const dataTexts: Record<Language, typeof en> = { nl, en };
