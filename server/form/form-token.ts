import { sign, verify } from '../security/signed-token';

/** A token saying "site S showed its form at time T", handed out with the form. */
export function formToken(key: Buffer, site: string, shownAt: number): string {
  return sign(key, `form:${site}:${shownAt}`);
}

/** When the form was shown, if the token is genuine and for this site. */
export function formShownAt(key: Buffer, site: string, token: string | undefined): number | undefined {
  if (!token) return undefined;
  const payload = verify(key, token);
  const prefix = `form:${site}:`;
  if (!payload?.startsWith(prefix)) return undefined;
  const at = Number(payload.slice(prefix.length));
  return Number.isSafeInteger(at) ? at : undefined;
}
