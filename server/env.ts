import { z } from 'zod';
import { trustedProxies } from './http/client-address';
import { weakTokenProblem } from './security/admin-token';

// The environment (README "Environment"), parsed once in main.ts.
export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** The address to listen on: loopback unless told (HOST=0.0.0.0 serves every interface). */
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default('./data/koers.db'),
  KOERS_CONFIG: z.string().min(1).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  PUBLIC_URL: z.url().optional(),
  /** Bearer token of /api/v1/admin/*: refused at start when short or easy to guess. */
  ADMIN_TOKEN: z
    .string()
    .superRefine((token, ctx) => {
      const problem = weakTokenProblem(token);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  /** Public API requests per minute per client address (0 = off). */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(30),
  /** Lead submissions per minute per site (0 = off). */
  RATE_LIMIT_SITE_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  /** Addresses/networks of the reverse proxies whose X-Forwarded-For is read, comma-separated (unset: none). */
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((e) => e.trim()).filter(Boolean))
    .superRefine((entries, ctx) => {
      try {
        trustedProxies(entries);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    }),
  /** Replaced by TRUSTED_PROXIES (it trusted any peer): refused unless 0, with what to do instead. */
  TRUSTED_PROXY_HOPS: z.coerce
    .number()
    .refine((n) => n === 0, 'replaced by TRUSTED_PROXIES: list your proxies\' addresses, e.g. TRUSTED_PROXIES=127.0.0.1 for a proxy on this machine')
    .optional(),
  /** Seconds a person needs at least between seeing the form and submitting it. */
  MIN_FILL_SECONDS: z.coerce.number().min(0).default(3),
  /** /demo and /dev/mail: on | off; unset = on only without PUBLIC_URL and SMTP_URL (a local run). */
  DEV_PAGES: z.enum(['on', 'off']).optional(),
  /** The signing keys' file (security/signing-keys.ts); default signing-keys.json beside DATABASE_PATH. */
  SIGNING_KEY_FILE: z.string().min(1).optional(),
  /** Days a spam lead is kept (privacy/retention.ts). */
  RETENTION_SPAM_DAYS: z.coerce.number().int().min(1).default(30),
  /** Days a development-outbox mail (/dev/mail) is kept. */
  RETENTION_DEV_MAIL_DAYS: z.coerce.number().int().min(1).default(14),
  /** The cockpit (/app): a session ends after this many minutes without a request… */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(480),
  /** …and this many hours after sign-in, whatever the activity. */
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(168),
  /** A sign-in link works once, for this many minutes. */
  SIGN_IN_LINK_MINUTES: z.coerce.number().int().min(1).max(60).default(15),
});
export type Env = z.infer<typeof envSchema>;
