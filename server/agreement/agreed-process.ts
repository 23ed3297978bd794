import type { ProcessChanges } from '../../shared/agreement';
import type { Site, VendorConfig } from '../../shared/config';
import type { Language } from '../../shared/localized';
import type { PublicForm } from '../../shared/public-form';
import type { Db } from '../db/open';
import { buildPublicForm } from '../form/build-public-form';
import { readProcessVersion } from '../leads/process-versions';

// The process a lead's agreement is about: the process the prospect was shown (its stored
// version, so a later config change never rewrites what they agreed to) with a turn's changes
// applied.

export type ShownStep = PublicForm['process']['steps'][number];

export interface AgreedStep {
  /** The shown step's id; absent for a step the prospect added. */
  id?: string;
  title: string;
  weDo: string;
  weAsk: string;
  duration?: string;
  /** kept as shown, changed (instead says how), skipped, or added (title is the prospect's words). */
  status: 'kept' | 'changed' | 'skipped' | 'added';
  instead?: string;
  /** Why a fixed step cannot change (config negotiable: false). */
  fixed?: string;
}

/** The process block the lead was shown: its recorded version, else the site's current one in the lead's language. */
export function shownProcess(db: Db, config: VendorConfig, lead: { site: string; language: string; processVersion: string | null }): PublicForm['process'] {
  const stored = lead.processVersion ? readProcessVersion(db, lead.processVersion) : undefined;
  if (stored) return { ...stored.content, version: stored.id };
  const site: Site = config.sites.find((s) => s.key === lead.site) ?? config.sites[0];
  const language = (site.languages as string[]).includes(lead.language) ? (lead.language as Language) : site.defaultLanguage;
  return buildPublicForm(config, site, language, '').process;
}

/** The shown steps with the changes applied, in order; added steps last. Skipped steps stay in the list (status skipped). */
export function applyChanges(steps: ShownStep[], changes: ProcessChanges): AgreedStep[] {
  const byId = new Map(changes.steps.map((c) => [c.id, c]));
  const shown: AgreedStep[] = steps.map((s) => {
    const c = s.fixed ? undefined : byId.get(s.id);
    const base = { id: s.id, title: s.title, weDo: s.weDo, weAsk: s.weAsk, ...(s.duration ? { duration: s.duration } : {}), ...(s.fixed ? { fixed: s.fixed } : {}) };
    if (!c) return { ...base, status: 'kept' };
    return c.change === 'skip' ? { ...base, status: 'skipped' } : { ...base, status: 'changed', instead: c.instead ?? '' };
  });
  const added: AgreedStep[] = changes.added.map((title) => ({ title, weDo: '', weAsk: '', status: 'added' }));
  return [...shown, ...added];
}

/** True when the changes change nothing (no step skipped or changed, nothing added). */
export function isNoChange(changes: ProcessChanges): boolean {
  return changes.steps.length === 0 && changes.added.length === 0;
}
