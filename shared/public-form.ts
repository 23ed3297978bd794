import type { CompanySize } from './config';
import type { Language } from './localized';
import type { WidgetTexts } from './widget-texts';

// What GET /api/v1/sites/{site}/form answers: every text resolved to one language, option ids
// and labels, never points. Plain types: the widget imports this file for types only.

export interface FallbackContact {
  email?: string;
  phone?: string;
}

export interface PublicOption {
  id: string;
  label: string;
}

export interface PublicChoiceQuestion {
  label: string;
  help?: string;
  options: PublicOption[];
}

export interface PublicForm {
  site: string;
  language: Language;
  languages: Language[];
  /** fallbackContact: another way to reach the vendor when the form cannot be sent. */
  vendor: { name: string; privacyUrl: string; fallbackContact?: FallbackContact };
  process: {
    title: string;
    intro?: string;
    /** fixed: the step cannot be skipped or changed in a proposal; the text says why. */
    steps: { id: string; title: string; weDo: string; weAsk: string; duration?: string; fixed?: string }[];
    deviationAllowed: boolean;
    /** Which version of the process this is (a hash of its content); the lead records it. */
    version?: string;
  };
  questions: {
    stage: PublicChoiceQuestion;
    budget: PublicChoiceQuestion;
    decisionProcess: PublicChoiceQuestion;
    stakeholders: { label: string; roles: PublicOption[]; finalSay: PublicChoiceQuestion };
    timeline: PublicChoiceQuestion;
    costOfInaction: { label: string };
  };
  /** The steps' durations added up ("5 weeks"), when they are of one unit; outside `process`, so its version stays. */
  processTotal?: string;
  companySizes: readonly CompanySize[];
  /** The widget's own words in `language` (shared/widget-texts.ts). */
  texts: WidgetTexts;
  /** Signed "form shown at" token; send it back as `formToken` with the submission. */
  formToken: string;
}
