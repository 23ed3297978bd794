import type { Language } from '../../shared/localized';

// What the widget says before the form (and its texts, shared/widget-texts.ts) has loaded: the
// launcher's button and dialog, loading, and "cannot load" with the fallback contact. Both languages, as few as possible.
export const boot: Record<Language, Record<'open' | 'close' | 'loading' | 'loadFailed' | 'retry' | 'reach', string>> = {
  en: {
    open: 'Contact us',
    close: 'Close',
    loading: 'Loading…',
    loadFailed: 'The form could not be loaded.',
    retry: 'Try again',
    reach: 'You can also reach us directly:',
  },
  nl: {
    open: 'Neem contact op',
    close: 'Sluiten',
    loading: 'Laden…',
    loadFailed: 'Het formulier kon niet worden geladen.',
    retry: 'Opnieuw proberen',
    reach: 'U kunt ons ook direct bereiken:',
  },
};
