import type { VendorConfig } from '../../shared/config';
import type { Language } from '../../shared/localized';

// Who may sign in to the cockpit: the reps of the config (by their address) and its managers.
// A manager sees everything; a rep their own leads and their teams' unassigned ones
// (cockpit/scope.ts). Someone in both lists is a manager who is also a rep.

export interface Viewer {
  email: string;
  name: string;
  role: 'manager' | 'rep';
  /** The rep id, when the person is a rep (a manager may be one too). */
  repId?: string;
  /** The teams the rep is in. */
  teamIds: string[];
  language: Language;
}

export function viewerOf(config: VendorConfig, email: string): Viewer | undefined {
  const address = email.trim().toLowerCase();
  const manager = config.managers.find((m) => m.email.toLowerCase() === address);
  const rep = config.reps.find((r) => r.email.toLowerCase() === address);
  if (!manager && !rep) return undefined;
  const teamIds = rep ? config.teams.filter((t) => t.reps.includes(rep.id)).map((t) => t.id) : [];
  const fallback = config.sites[0].defaultLanguage;
  return {
    email: (manager ?? rep)!.email,
    name: (manager ?? rep)!.name,
    role: manager ? 'manager' : 'rep',
    ...(rep ? { repId: rep.id } : {}),
    teamIds,
    language: manager?.language ?? rep?.languages?.[0] ?? fallback,
  };
}
