import { COMPANY_SIZES, type ChoiceQuestion, type Site, type VendorConfig } from '../../shared/config';
import { resolveText, type Language, type Localized } from '../../shared/localized';
import type { PublicChoiceQuestion, PublicForm } from '../../shared/public-form';
import { widgetTexts } from '../../shared/widget-texts';
import { processTotal } from './process-total';

const total = (t: string | undefined) => (t ? { processTotal: t } : {});

/** The form a site shows in one language: labels and ids only, never points or routing. */
export function buildPublicForm(config: VendorConfig, site: Site, language: Language, formToken: string): PublicForm {
  const text = (l: Localized) => resolveText(l, language, site.defaultLanguage) ?? '';
  const optional = (l: Localized | undefined) => (l === undefined ? undefined : text(l));
  const choice = (q: ChoiceQuestion): PublicChoiceQuestion => ({
    label: text(q.label),
    ...(q.help ? { help: text(q.help) } : {}),
    options: q.options.map((o) => ({ id: o.id, label: text(o.label) })),
  });
  const q = config.questions;
  return {
    site: site.key,
    language,
    languages: site.languages,
    vendor: {
      name: config.vendor.name,
      privacyUrl: config.vendor.privacyUrl,
      ...(config.vendor.fallbackContact ? { fallbackContact: config.vendor.fallbackContact } : {}),
    },
    process: {
      title: text(config.process.title),
      ...(config.process.intro ? { intro: text(config.process.intro) } : {}),
      steps: config.process.steps.map((s) => ({
        id: s.id,
        title: text(s.title),
        weDo: text(s.weDo),
        weAsk: text(s.weAsk),
        ...(s.duration ? { duration: optional(s.duration) } : {}),
        // Only when fixed: the content (and so the version id) of an unchanged process stays the same.
        ...(s.negotiable === false ? { fixed: text(s.fixedReason ?? '') } : {}),
      })),
      deviationAllowed: config.process.deviation.allowed,
    },
    questions: {
      stage: choice(q.stage),
      budget: choice(q.budget),
      decisionProcess: choice(q.decisionProcess),
      stakeholders: {
        label: text(q.stakeholders.label),
        roles: q.stakeholders.roles.map((r) => ({ id: r.id, label: text(r.label) })),
        finalSay: choice(q.stakeholders.finalSay),
      },
      timeline: choice(q.timeline),
      costOfInaction: { label: text(q.costOfInaction.label) },
    },
    ...total(processTotal(config.process.steps.map((s) => s.duration && text(s.duration)))),
    companySizes: COMPANY_SIZES,
    texts: widgetTexts[language],
    formToken,
  };
}
