import type { Context } from 'hono';
import type { AppDeps } from '../app';
import type { Writer } from '../threads/writes';
import type { SessionPolicy } from './auth/sessions';

// What every cockpit route gets: the app's deps plus the cockpit's settings, resolved once.

export interface CockpitDeps extends Pick<AppDeps, 'db' | 'config' | 'clock' | 'log' | 'onLeadStored' | 'repActions' | 'prospectPage' | 'signingKey' | 'publicUrl'> {
  writer: Writer;
  /** PUBLIC_URL + /app, without a trailing slash. */
  appUrl: string;
  sessionPolicy: SessionPolicy;
  linkTtlMs: number;
  /** The rate-limit key of the request's client (the address behind trusted proxies). */
  clientKey: (c: Context) => string;
}

/** The Hono environment of the signed-in area: who is signed in, their session's CSRF token. */
export interface CockpitEnv {
  Variables: {
    viewer: import('./people').Viewer;
    csrf: string;
  };
}
