import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { resolveText, type Language, type Localized } from '../../../shared/localized';
import { widgetTexts } from '../../../shared/widget-texts';
import { boot } from '../../../widget/i18n/boot';
import { exampleConfig } from './api-server';

// The prospect's flow, driven the way a person using assistive tech would find things: by role
// and accessible name. Texts come from the widget's dictionaries and the example config.

/** The widget's own words: the form's texts (shared/widget-texts.ts) and those of before the form. */
export const builtIn = { en: { ...boot.en, ...widgetTexts.en }, nl: { ...boot.nl, ...widgetTexts.nl } };
export type BuiltIn = (typeof builtIn)['en'];

/** For expect.poll: a screen can take a while on a loaded machine (vitest's default is 1 s). */
export const WAIT = { timeout: 10_000, interval: 50 };

/** The example config's texts in one language. */
export function vendorTexts(lang: Language) {
  const c = exampleConfig() as any;
  const r = (t: Localized) => resolveText(t, lang, 'nl')!;
  const opts = (q: any) => Object.fromEntries(q.options.map((o: any) => [o.id, r(o.label)]));
  const q = c.questions;
  return {
    vendor: c.vendor.name as string,
    processTitle: r(c.process.title),
    steps: c.process.steps.map((s: any) => ({ title: r(s.title), weDo: r(s.weDo), weAsk: r(s.weAsk), duration: r(s.duration) })),
    stage: { label: r(q.stage.label), o: opts(q.stage) },
    budget: { label: r(q.budget.label), o: opts(q.budget) },
    decisionProcess: { label: r(q.decisionProcess.label), o: opts(q.decisionProcess) },
    stakeholders: r(q.stakeholders.label),
    roles: Object.fromEntries(q.stakeholders.roles.map((o: any) => [o.id, r(o.label)])) as Record<string, string>,
    finalSay: { label: r(q.stakeholders.finalSay.label), o: opts(q.stakeholders.finalSay) },
    timeline: { label: r(q.timeline.label), o: opts(q.timeline) },
    costOfInaction: r(q.costOfInaction.label),
    reps: c.reps as { name: string; email: string }[],
  };
}

export const widget = (page: Page): Locator => page.locator('koers-widget');

/** A radio in the radiogroup/fieldset whose legend is `group`. */
export const radio = (scope: Locator, group: string, option: string) =>
  scope.getByRole('group', { name: group, exact: true }).getByRole('radio', { name: option, exact: true });

/** A role's checkbox on the stakeholder screen ("which roles are involved"). */
export const role = (scope: Locator, label: string) => scope.getByRole('checkbox', { name: label, exact: true });
/** The "not involved yet" toggle of a ticked role. */
export const notYet = (scope: Locator, t: BuiltIn, label: string) =>
  scope.getByRole('checkbox', { name: new RegExp(`^${t.notYet} ?, ${label}$`) });

export async function expectScreen(scope: Locator, heading: string) {
  await expect.poll(() => scope.getByRole('heading', { level: 2, name: heading, exact: true }).isVisible(), WAIT).toBe(true);
}

export interface Contact {
  name: string;
  email: string;
  company: string;
}

/** Screens 2–5 by role and label, up to a filled-in contact screen (Send not yet pressed). */
export async function answerUpToSend(scope: Locator, lang: Language, contact: Contact, onScreen?: (n: number) => Promise<void>) {
  const t = builtIn[lang];
  const v = vendorTexts(lang);
  await expectScreen(scope, t.stand);
  await onScreen?.(2);
  await radio(scope, v.stage.label, v.stage.o.comparing).check();
  await radio(scope, v.budget.label, v.budget.o.approved).check();
  await radio(scope, v.decisionProcess.label, v.decisionProcess.o.roughly).check();
  await scope.getByRole('button', { name: t.next }).click();

  await expectScreen(scope, t.who);
  await onScreen?.(3);
  await radio(scope, v.finalSay.label, v.finalSay.o.committee).check();
  await role(scope, v.roles['budget-holder']).check();
  await role(scope, v.roles.it).check();
  await notYet(scope, t, v.roles.it).check();
  // Users stays unticked: not sent.
  await scope.getByRole('textbox', { name: t.orgInterest }).fill('One planning tool for all sites');
  await scope.getByRole('button', { name: t.next }).click();

  await expectScreen(scope, t.when);
  await onScreen?.(4);
  await radio(scope, v.timeline.label, v.timeline.o['3m']).check();
  await scope.getByRole('textbox', { name: v.costOfInaction }).fill('Our planning tool is end-of-life in June.');
  await scope.getByRole('button', { name: t.next }).click();

  await expectScreen(scope, t.you);
  await scope.getByRole('textbox', { name: t.name }).fill(contact.name);
  await scope.getByRole('textbox', { name: t.email }).fill(contact.email);
  await scope.getByRole('textbox', { name: t.company }).fill(contact.company);
  await scope.getByRole('combobox', { name: t.country }).selectOption('NL');
  await scope.getByRole('combobox', { name: t.size }).selectOption('50-249');
  await scope.getByRole('checkbox', { name: new RegExp(t.privacy) }).check();
  await onScreen?.(5);
}
