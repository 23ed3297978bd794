import type { Language } from '../../shared/localized';
import type { Block } from '../mail/layout';
import { mailTexts } from '../mail/texts';
import type { AgreedStep } from './agreed-process';

// An agreed (or proposed) process as a prospect or rep reads it, in their language: as mail
// blocks (one per step) and as one line per step (the confirmation's recap, the last screen).

const en = {
  skipped: 'Skipped',
  instead: 'Instead',
  added: 'Added step',
  fixed: 'Fixed',
  kept: 'As described',
  /** "Introduction (1 week)" */
  titled: (title: string, duration?: string) => (duration ? `${title} (${duration})` : title),
};
const nl: typeof en = {
  skipped: 'Vervalt',
  instead: 'In plaats daarvan',
  added: 'Toegevoegde stap',
  fixed: 'Vast onderdeel',
  kept: 'Zoals beschreven',
  titled: (title, duration) => (duration ? `${title} (${duration})` : title),
};
export const agreementTexts: Record<Language, typeof en> = { nl, en };

/** One mail block per step: what each side does and how long, or what replaces it, or that it is skipped. */
export function agreedProcessBlocks(steps: AgreedStep[], language: Language): Block[] {
  const t = agreementTexts[language];
  const m = mailTexts[language];
  let n = 0;
  return steps.map((s) => {
    if (s.status === 'added') return { heading: `${++n}. ${t.added}`, lines: [s.title] };
    if (s.status === 'skipped') return { heading: `${t.skipped}: ${s.title}`, lines: [] };
    const heading = `${++n}. ${s.title}`;
    if (s.status === 'changed') return { heading, rows: [[t.instead, s.instead ?? '']] };
    return {
      heading,
      rows: [[m.weDo, s.weDo], [m.weAsk, s.weAsk], ...(s.duration ? [[m.duration, s.duration] as [string, string]] : [])],
    };
  });
}

/** One line per step: "1. Introduction (1 week)", "2. Discovery — instead: a call with IT", "Proposal — skipped". */
export function agreedProcessLines(steps: AgreedStep[], language: Language): string[] {
  const t = agreementTexts[language];
  let n = 0;
  return steps.map((s) => {
    if (s.status === 'added') return `${++n}. ${t.added}: ${s.title}`;
    if (s.status === 'skipped') return `${s.title}: ${t.skipped.toLowerCase()}`;
    if (s.status === 'changed') return `${++n}. ${s.title}: ${t.instead.toLowerCase()} ${s.instead ?? ''}`.trim();
    return `${++n}. ${t.titled(s.title, s.duration)}`;
  });
}
