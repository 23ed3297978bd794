import type Database from 'better-sqlite3';

// Times every better-sqlite3 statement of one connection by its SQL text: wraps the statements'
// run/get/all/iterate (on their shared prototype, so statements prepared earlier count too).
// For bench scripts only: it changes the prototype for the rest of the process.

export function timeStatements(client: Database.Database, seen: (source: string, ms: number) => void): void {
  const proto = Object.getPrototypeOf(client.prepare('select 1')) as Record<string, (...args: unknown[]) => unknown>;
  for (const method of ['run', 'get', 'all', 'iterate']) {
    const original = proto[method];
    proto[method] = function (this: { source: string }, ...args: unknown[]) {
      const started = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        seen(this.source, performance.now() - started);
      }
    };
  }
}
