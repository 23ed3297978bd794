import { createHash } from 'node:crypto';
import type { Submission } from '../../shared/submission';

// What makes two submissions "the same" for a repeated submissionId: everything the prospect
// entered, as validated (so whitespace the schema trims does not count). The form token is left
// out: a retry of the same submission may carry a newer one.

export function submissionHash(sub: Submission): string {
  const { formToken: _token, ...content } = sub;
  return createHash('sha256').update(JSON.stringify(content)).digest('base64url');
}
