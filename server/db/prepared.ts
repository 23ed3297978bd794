import { and, desc, eq, getTableColumns, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { Db } from './open';
import { leadEvents, leads, OPEN_STATUSES, outbox, routingState } from './schema';

// The statements of the submit path, built and prepared once per database instead of per call:
// building SQL and sqlite3_prepare took about a third of the CPU per lead (bench/profile.ts).
// better-sqlite3 has one connection, so running these inside a db.transaction() callback makes
// them part of that transaction (or savepoint).

const p = (name: string) => sql.placeholder(name);

function build(db: Db) {
  const allColumns = <T extends Parameters<typeof getTableColumns>[0]>(table: T) =>
    Object.fromEntries(Object.keys(getTableColumns(table)).map((k) => [k, p(k)])) as never;
  return {
    answerOf: db
      .select({ response: leads.response })
      .from(leads)
      .where(and(eq(leads.site, p('site')), eq(leads.submissionId, p('submissionId'))))
      .prepare(),
    currents: db.select().from(routingState).prepare(),
    /** Open leads of one rep, counted up to `limit` only. */
    openLeadsUpTo: db
      .select({ n: sql<number>`count(*)` })
      .from(
        db
          .select({ one: sql`1` })
          .from(leads)
          .where(and(eq(leads.repId, p('repId')), inArray(leads.status, OPEN_STATUSES)))
          .limit(p('limit'))
          .as('limited'),
      )
      .prepare(),
    ownerOf: db
      .select({ id: leads.id, repId: leads.repId })
      .from(leads)
      .where(and(eq(leads.emailDomain, p('emailDomain')), inArray(leads.status, OPEN_STATUSES), isNotNull(leads.repId), ne(leads.id, p('exceptId'))))
      .orderBy(desc(leads.createdAt))
      .limit(1)
      .prepare(),
    upsertCurrent: db
      .insert(routingState)
      .values({ teamId: p('teamId'), repId: p('repId'), current: p('current') })
      .onConflictDoUpdate({ target: [routingState.teamId, routingState.repId], set: { current: sql`excluded.current` } })
      .prepare(),
    insertLead: db.insert(leads).values(allColumns(leads)).prepare(),
    insertEvent: db
      .insert(leadEvents)
      .values({ leadId: p('leadId'), at: p('at'), type: p('type'), repId: p('repId'), teamId: p('teamId'), detail: p('detail') })
      .prepare(),
    insertJob: db
      .insert(outbox)
      .values({ kind: p('kind'), leadId: p('leadId'), payload: p('payload'), runAt: p('runAt'), createdAt: p('createdAt') })
      .prepare(),
  };
}

const cache = new WeakMap<Db, ReturnType<typeof build>>();

export function prepared(db: Db) {
  let statements = cache.get(db);
  if (!statements) {
    statements = build(db);
    cache.set(db, statements);
  }
  return statements;
}
