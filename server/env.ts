import { z } from 'zod';

// The environment (API.md "Running"), parsed once in main.ts.
export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_PATH: z.string().min(1).default('./data/koers.db'),
  KOERS_CONFIG: z.string().min(1).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  PUBLIC_URL: z.url().optional(),
  ADMIN_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
});
export type Env = z.infer<typeof envSchema>;
