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
