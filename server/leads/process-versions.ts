import { createHash } from 'node:crypto';
import type { Site, VendorConfig } from '../../shared/config';
import type { Language } from '../../shared/localized';
import type { PublicForm } from '../../shared/public-form';
import type { Db } from '../db/open';
import { perDatabase } from '../db/prepared';
import { buildPublicForm } from '../form/build-public-form';

// Versioned processes: each process block a site shows in one language (the public form's
// `process`, exactly as the widget gets it) is stored once, keyed by a hash of its content, and a
// lead names the version it was shown. Rows are only ever added, never changed or deleted: a
// changed config gives new ids, and old leads keep pointing at what they saw.
//
// The store thread (the one writer) records a config's versions at start and on reload, before
// the main thread serves a form of that config; the main thread computes the same ids once per
// config (processVersions) to put them in form tokens without writing.

export type ProcessContent = Omit<PublicForm['process'], 'version'>;

export interface ProcessVersion {
  /** SHA-256 (base64url, first 22 characters) of the canonical JSON of site, language and content. */
  id: string;
  site: string;
  language: Language;
  content: ProcessContent;
}

/** Per site and language of this config: the version of the process it shows. */
export interface ProcessVersions {
  all: ProcessVersion[];
  /** The version site shows in this language (its default language when the site does not offer it). */
  of(site: Site, language: string): ProcessVersion;
}

export function processVersions(config: VendorConfig): ProcessVersions {
  const bySiteLanguage = new Map<string, ProcessVersion>();
  for (const site of config.sites) {
    for (const language of site.languages) {
      const { version: _none, ...content } = buildPublicForm(config, site, language, '').process;
      const id = versionId(site.key, language, content);
      bySiteLanguage.set(`${site.key}\n${language}`, { id, site: site.key, language, content });
    }
  }
  return {
    all: [...bySiteLanguage.values()],
    of(site, language) {
      const shown = (site.languages as string[]).includes(language) ? language : site.defaultLanguage;
      return bySiteLanguage.get(`${site.key}\n${shown}`)!;
    },
  };
}

export function versionId(site: string, language: string, content: ProcessContent): string {
  return createHash('sha256').update(canonicalJson({ site, language, content })).digest('base64url').slice(0, 22);
}

/** JSON with object keys sorted at every level: the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Stores the config's versions that are new (insert or ignore); returns how many were new. */
export function recordProcessVersions(db: Db, versions: ProcessVersions, now: number): number {
  const insert = db.$client.prepare(
    'INSERT INTO process_versions (id, site, language, content, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
  );
  return db.$client.transaction(() =>
    versions.all.reduce((added, v) => added + insert.run(v.id, v.site, v.language, canonicalJson(v.content), now).changes, 0),
  )();
}

/** Prepared once per database: every mail that recaps a lead's process reads its version. */
const selectVersion = perDatabase((db: Db) =>
  db.$client.prepare<[string], { id: string; site: string; language: Language; content: string; created_at: number }>(
    'SELECT id, site, language, content, created_at FROM process_versions WHERE id = ?',
  ),
);

/** One stored version, as shown (the admin's look-up, the mails' recap). */
export function readProcessVersion(db: Db, id: string): (ProcessVersion & { createdAt: number }) | undefined {
  const row = selectVersion(db).get(id);
  return row && { id: row.id, site: row.site, language: row.language, content: JSON.parse(row.content) as ProcessContent, createdAt: row.created_at };
}
