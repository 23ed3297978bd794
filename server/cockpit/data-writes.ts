import { createHash } from 'node:crypto';
import { eraseEmail, type EraseResult } from '../privacy/erase';
import type { WriteDeps } from '../threads/writes';

// The Data page's writes (threads/writes.ts runs them in the store thread): an audit line, and
// erasing one person with its audit line. The audit names a person only by a hash of their address.

export interface AuditEntry {
  /** The signed-in manager's email. */
  actor: string;
  action: 'csv-export' | 'person-export' | 'person-erase';
  target?: string;
  detail?: string;
}

/** `sha256:` and the hex SHA-256 of the address as matched (trimmed, lower case). */
export function addressHash(email: string): string {
  return `sha256:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;
}

export function recordAudit(deps: Pick<WriteDeps, 'db' | 'clock'>, e: AuditEntry): { id: number } {
  const info = deps.db.$client
    .prepare('insert into audit_log (at, actor, action, target, detail) values (?, ?, ?, ?, ?)')
    .run(deps.clock.now(), e.actor, e.action, e.target ?? '', e.detail ?? '');
  return { id: Number(info.lastInsertRowid) };
}

/**
 * Erases one person (privacy/erase.ts: its own transaction, then VACUUM and a checked WAL
 * checkpoint, seconds per GB) and records it. Run in the store thread: it holds the write lock
 * either way, and this way the HTTP thread keeps answering while it runs.
 */
export function erasePerson(deps: Pick<WriteDeps, 'db' | 'clock' | 'config'>, input: { actor: string; email: string }): { ok: true; result: EraseResult } | { ok: false } {
  const target = addressHash(input.email);
  try {
    const result = eraseEmail(deps.db, input.email, { webhooks: { config: deps.config, now: deps.clock.now() } });
    recordAudit(deps, { actor: input.actor, action: 'person-erase', target, detail: JSON.stringify(result) });
    return { ok: true, result };
  } catch (error) {
    recordAudit(deps, { actor: input.actor, action: 'person-erase', target, detail: `incomplete: ${(error as Error).message}` });
    return { ok: false };
  }
}
