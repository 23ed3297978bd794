import { z } from 'zod';

// The one JSON error shape every endpoint answers with (docs/api.md "Answers").
export const ERROR_CODES = [
  'malformed_json',
  'not_found',
  'origin_not_allowed',
  'body_too_large',
  'unsupported_media_type',
  'invalid_content',
  'too_many_requests',
  'unauthorized',
  'submission_id_reused',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const fieldErrorSchema = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    fields: z.array(fieldErrorSchema).optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/** `["stakeholders","roles",1,"role"]` → `stakeholders.roles[1].role` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}
