import type { Site, Tier, VendorConfig } from '../../shared/config';
import { resolveText, type Language } from '../../shared/localized';
import { mailTexts } from '../mail/texts';

/** The configured next step for a tier in the prospect's language, `{rep}` filled in. */
export function nextStepText(config: VendorConfig, site: Site, tier: Tier, language: Language, repName: string | null): string {
  const template = resolveText(config.nextSteps[tier], language, site.defaultLanguage) ?? '';
  return template.replaceAll('{rep}', repName ?? mailTexts[language].yourRep);
}
