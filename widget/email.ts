// The server's email check, copied from zod 4 (`z.email()`'s default pattern, node_modules/zod/v4/core/regexes.js
// `email`): the browser's own type=email check accepts what the server refuses ("a..b@c.d", "a@b").
// email.test.ts feeds the same addresses to both.
export const EMAIL = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
