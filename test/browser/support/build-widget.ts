import { join } from 'node:path';
import { ensureWidgetBuilt as build } from '../../../server/widget-build';

// The browser tests run against dist/widget.js, rebuilt when any widget source is newer.
export const ROOT = join(import.meta.dirname, '../../..');
export const DIST = join(ROOT, 'dist');

export function ensureWidgetBuilt(): void {
  build(ROOT);
}
