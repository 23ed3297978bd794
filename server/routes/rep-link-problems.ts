import type { Language } from '../../shared/localized';
import { escapeHtml } from '../mail/escape';
import { page } from './rep-action-page';

// Pages for a rep link that cannot be used, beyond forged/expired/stale (rep-action-texts.ts):
// a body the server could not read, a rep no longer in the config, a failure on our side. In the
// rep's language when known, else in both.

type Problem = 'unreadable' | 'repRemoved' | 'failed';

const texts: Record<Language, Record<Problem, { title: string; text: string }>> = {
  en: {
    unreadable: {
      title: 'Your answer could not be read',
      text: 'Your browser sent something we could not read, so nothing was changed. Open the link in the lead mail again and press the button once more.',
    },
    repRemoved: {
      title: 'This link no longer works',
      text: 'You are no longer listed as a rep, so your links from earlier mails stop working. Nothing was changed. If this is a mistake, ask the person who manages the Koers configuration.',
    },
    failed: {
      title: 'Something went wrong',
      text: 'Something went wrong on our side and nothing was changed. Please try again in a few minutes.',
    },
  },
  nl: {
    unreadable: {
      title: 'Je antwoord kon niet worden gelezen',
      text: 'Je browser stuurde iets wat we niet konden lezen, dus er is niets veranderd. Open de link in de leadmail opnieuw en druk nog een keer op de knop.',
    },
    repRemoved: {
      title: 'Deze link werkt niet meer',
      text: 'Je staat niet meer als verkoper in de lijst, dus je links uit eerdere mails werken niet meer. Er is niets veranderd. Is dit een vergissing? Vraag het aan degene die de configuratie van Koers beheert.',
    },
    failed: {
      title: 'Er ging iets mis',
      text: 'Er ging bij ons iets mis en er is niets veranderd. Probeer het over een paar minuten opnieuw.',
    },
  },
};

/** The page for a problem, in one language, or Dutch and English one below the other. */
export function problemPage(problem: Problem, language?: Language): string {
  if (language) return page(language, texts[language][problem].title, `<p class="note">${escapeHtml(texts[language][problem].text)}</p>`);
  const { nl, en } = { nl: texts.nl[problem], en: texts.en[problem] };
  return page(
    'nl',
    `${nl.title} · ${en.title}`,
    `<p class="note">${escapeHtml(nl.text)}</p><h2 lang="en">${escapeHtml(en.title)}</h2><p class="note" lang="en">${escapeHtml(en.text)}</p>`,
  );
}
