// The consent a prospect gives in the widget. Bump the version whenever the widget's consent
// text changes, so every stored lead says which text it agreed to (issue 5, personal data).
export const CONSENT_TEXT_VERSION = '2026-12-01';
