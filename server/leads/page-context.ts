// Where the form was filled in, kept without personal data: a page's query string and fragment
// often carry it (?email=…, #token=…, a search term), so the stored page is scheme, host and path,
// and the referrer only its origin (as browsers send it across sites). The UTM parameters arrive
// parsed in `context.utm`. Anything that is not an http(s) URL is not stored.

function httpUrl(text: string | undefined): URL | undefined {
  if (!text) return undefined;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The page without query string, fragment or credentials. */
export function storedPageUrl(text: string | undefined): string | null {
  const url = httpUrl(text);
  return url ? `${url.origin}${url.pathname}` : null;
}

/** Only the origin of the page the prospect came from. */
export function storedReferrer(text: string | undefined): string | null {
  return httpUrl(text)?.origin ?? null;
}
