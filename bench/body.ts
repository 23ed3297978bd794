import { submissionBody } from '../test/support/fixtures';

// The docs/api.md example submission (test/support/fixtures.ts) as a template: __ID__ becomes a fresh
// submissionId and __N__ a number unique to the request (its own company and email domain, so
// no account ownership).

export function benchBody(): string {
  const body = submissionBody({
    contact: { email: 'sanne@company-__N__.example', company: 'Company __N__' },
  });
  return JSON.stringify({ ...body, submissionId: '__ID__' });
}
