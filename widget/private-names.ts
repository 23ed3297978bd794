// Property names the build shortens (vite.config.ts, rolldown's mangleProps; ~120 bytes gzip).
// Only names that live and die inside widget.js: keys of the built-in texts, props of our own
// components, state and members of App and Launcher. Every `.name` and `name:` of a listed name
// in the bundle is renamed, so a name here must never be a DOM or JS property, a field of what
// goes over the wire (shared/), a key of the stored flow (id, step, data, tok) or a command
// (open, close): private-names.test.ts checks that. A name left out simply stays long.
export const PRIVATE_NAMES = [
  // App, Launcher
  'moveFocus', 'focusError', 'boxEl', 'dlg', 'loadForm', 'saveFlow', 'goTo', 'fail', 'busy', 'answer',
  'screenTitle', 'asks', 'Body', 'openDialog', 'dialogClosed', 'hide', 'used', 'commands', 'dialog', 'api', 'ev', 'began', 'pre', 'focusAlert', 'tries', 'timer',
  // fields.tsx props
  'ui', 'fieldErrors', 'legend', 'req', 'cls', 'area', 'def',
  // texts of before the form (i18n/boot.ts)
  'loadFailed',
];

/** Preact's own internals (`__k`, `__e`, …), already private in its build; not `__html`. */
export const PREACT_INTERNALS = /^__[A-Za-z]$/;
