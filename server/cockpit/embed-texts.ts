import type { Language } from '../../shared/localized';

// The embed page's texts (cockpit/embed.tsx), Dutch and English.

const en = {
  title: 'Embed',
  intro: 'Put one of these snippets in the HTML of your site, once per page. The form then appears on pages of the origins listed; the language follows the page’s lang attribute, or data-lang="nl" / data-lang="en" on the script tag.',
  site: (key: string) => `Site ${key}`,
  origins: 'May be embedded on',
  languages: 'Languages',
  launcherTitle: 'As a button at the bottom right (launcher)',
  inlineTitle: 'Inside the page, where the data-koers element is',
  captureTitle: 'On every other page of the site (shows nothing)',
  captureIntro:
    'Remembers the first campaign parameters (utm_…) and ad click ids (gclid, fbclid, msclkid) of the visit in the browser tab, without cookies, so a lead sent later from the contact page still says which campaign brought it.',
  eventsTitle: 'Counting leads in your own analytics',
  eventsIntro:
    'The form tells the page what happens, as the events koers:open, koers:step and koers:submitted (with the lead id, tier and language, never personal data) and, where the page has one, as dataLayer pushes. In Google Tag Manager a Custom Event trigger on koers:submitted counts a conversion.',
  copy: 'Copy',
  copied: 'Copied.',
  copyFailed: 'Could not copy: select the text and copy it yourself.',
  previewTitle: 'Live preview',
  previewIntro:
    'The real widget from this server, as a visitor sees it. It is live: a request sent from the preview is stored and routed like any other lead, so use your own address if you try it.',
  previewFrame: (site: string, language: string) => `Preview of the form of ${site} in ${language}`,
  previewPageTitle: (site: string, language: string) => `Preview: ${site} (${language})`,
};

const nl: typeof en = {
  title: 'Insluiten',
  intro: 'Zet een van deze stukjes code in de HTML van je site, één keer per pagina. Het formulier verschijnt dan op pagina’s van de genoemde origins; de taal volgt het lang-attribuut van de pagina, of data-lang="nl" / data-lang="en" op de scripttag.',
  site: (key) => `Site ${key}`,
  origins: 'Mag ingesloten worden op',
  languages: 'Talen',
  launcherTitle: 'Als knop rechtsonder (launcher)',
  inlineTitle: 'In de pagina, op de plek van het data-koers-element',
  captureTitle: 'Op elke andere pagina van de site (toont niets)',
  captureIntro:
    'Onthoudt de eerste campagneparameters (utm_…) en advertentieklik-id’s (gclid, fbclid, msclkid) van het bezoek in het browsertabblad, zonder cookies, zodat een lead die later vanaf de contactpagina komt nog steeds zegt welke campagne hem bracht.',
  eventsTitle: 'Leads tellen in je eigen analytics',
  eventsIntro:
    'Het formulier vertelt de pagina wat er gebeurt, als de events koers:open, koers:step en koers:submitted (met lead-id, tier en taal, nooit persoonsgegevens) en, als de pagina er een heeft, als dataLayer-pushes. In Google Tag Manager telt een trigger op het aangepaste event koers:submitted een conversie.',
  copy: 'Kopiëren',
  copied: 'Gekopieerd.',
  copyFailed: 'Kopiëren lukte niet: selecteer de tekst en kopieer hem zelf.',
  previewTitle: 'Live voorbeeld',
  previewIntro:
    'De echte widget van deze server, zoals een bezoeker hem ziet. Hij is echt: een aanvraag uit het voorbeeld wordt opgeslagen en gerouteerd als elke andere lead, dus gebruik je eigen adres als je het probeert.',
  previewFrame: (site, language) => `Voorbeeld van het formulier van ${site} in het ${language}`,
  previewPageTitle: (site, language) => `Voorbeeld: ${site} (${language})`,
};

export const embedTexts: Record<Language, typeof en> = { nl, en };
