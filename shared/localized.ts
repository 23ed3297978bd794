// Text a vendor writes once per language. Kept free of zod so the widget may import it.
export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** One string for every language, or one string per language. */
export type Localized = string | Partial<Record<Language, string>>;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The text in `lang`, else in `fallback` (the site's default language), else undefined.
 * The config check guarantees that every text a site shows resolves for its languages.
 */
export function resolveText(text: Localized, lang: Language, fallback?: Language): string | undefined {
  if (typeof text === 'string') return text;
  return text[lang] ?? (fallback ? text[fallback] : undefined);
}
