import { and, eq, getTableColumns, inArray, isNotNull, ne, Param, Placeholder, sql } from 'drizzle-orm';
import type { Db } from './open';
import { leadEvents, leads, OPEN_STATUSES, outbox, routingState } from './schema';

// The statements of the submit path, prepared once per database and run on better-sqlite3
// directly. drizzle builds each one from the schema (its SQL, and the order and encoding of its
// parameters); only the per-call work is done here: drizzle's prepared queries re-inspect every
// parameter on every call (about 20 µs for the 45 columns of a lead) and building SQL plus
// sqlite3_prepare per call was a third of the CPU per lead (bench/profile.ts).
// better-sqlite3 has one connection, so these run inside the caller's transaction (or savepoint).

export const p = (name: string) => sql.placeholder(name);

type Args = Record<string, unknown>;
interface Built {
  toSQL(): { sql: string; params: unknown[] };
}

/** The drizzle query's SQL as a better-sqlite3 statement, and a binder for named arguments. */
function compile(db: Db, query: Built) {
  const { sql: text, params } = query.toSQL();
  const statement = db.$client.prepare(text);
  const binders = params.map((param): ((args: Args) => unknown) => {
    if (param instanceof Placeholder) return (args) => present(args, param.name);
    if (param instanceof Param && param.value instanceof Placeholder) {
      const { name } = param.value;
      const encoder = param.encoder;
      return (args) => encoder.mapToDriverValue(present(args, name));
    }
    return () => param; // a literal of the query
  });
  return { statement, bind: (args: Args = {}) => binders.map((b) => b(args)) };
}

function present(args: Args, name: string) {
  if (!(name in args)) throw new Error(`No value for placeholder "${name}"`);
  return args[name];
}

/** A write statement: run(named arguments). */
export function writer(db: Db, query: Built) {
  const { statement, bind } = compile(db, query);
  return { run: (args: Args) => void statement.run(...bind(args)) };
}

/** A read statement: get/all(named arguments), each row decoded from its column names. */
export function reader<Row, T>(db: Db, query: Built, decode: (row: Row) => T) {
  const { statement, bind } = compile(db, query);
  return {
    /** The SQL text (query-plan tests). */
    source: statement.source,
    get: (args?: Args): T | undefined => {
      const row = statement.get(...bind(args)) as Row | undefined;
      return row === undefined ? undefined : decode(row);
    },
    all: (args?: Args): NonNullable<T>[] => (statement.all(...bind(args)) as Row[]).map(decode).filter((r): r is NonNullable<T> => r != null),
  };
}

function build(db: Db) {
  const allColumns = <T extends Parameters<typeof getTableColumns>[0]>(table: T) =>
    Object.fromEntries(Object.keys(getTableColumns(table)).map((k) => [k, p(k)])) as never;
  return {
    answerOf: reader(
      db,
      db
        .select({ response: leads.response, submissionHash: leads.submissionHash, createdAt: leads.createdAt })
        .from(leads)
        .where(and(eq(leads.site, p('site')), eq(leads.submissionId, p('submissionId')))),
      (row: { response: string; submission_hash: string | null; created_at: number }) => ({
        response: leads.response.mapFromDriverValue(row.response),
        submissionHash: row.submission_hash,
        createdAt: row.created_at,
      }),
    ),
    currents: reader(db, db.select().from(routingState), (row: { team_id: string; rep_id: string; current: number }) => ({
      teamId: row.team_id,
      repId: row.rep_id,
      current: row.current,
    })),
    /** Open leads of one rep, counted up to `limit` only. */
    openLeadsUpTo: reader(
      db,
      db
        .select({ n: sql<number>`count(*)`.as('n') })
        .from(
          db
            .select({ one: sql`1` })
            .from(leads)
            .where(and(eq(leads.repId, p('repId')), inArray(leads.status, OPEN_STATUSES)))
            .limit(p('limit'))
            .as('limited'),
        ),
      (row: { n: number }) => row,
    ),
    /** The newest open, assigned lead of a company domain (max() picks its row without a sort). */
    ownerOf: reader(
      db,
      db
        .select({ id: leads.id, repId: leads.repId, newest: sql`max(${leads.createdAt})` })
        .from(leads)
        // `+status`: the status test must not pick an index of its own (leads_status_created would
        // walk every open lead for the max); the company's domain narrows it to a handful.
        .where(and(eq(leads.emailDomain, p('emailDomain')), inArray(sql`+${leads.status}`, OPEN_STATUSES), isNotNull(leads.repId), ne(leads.id, p('exceptId')))),
      (row: { id: string | null; rep_id: string | null }) => (row.id === null ? undefined : { id: row.id, repId: row.rep_id }),
    ),
    upsertCurrent: writer(
      db,
      db
        .insert(routingState)
        .values({ teamId: p('teamId'), repId: p('repId'), current: p('current') })
        .onConflictDoUpdate({ target: [routingState.teamId, routingState.repId], set: { current: sql`excluded.current` } }),
    ),
    insertLead: writer(db, db.insert(leads).values(allColumns(leads))),
    insertEvent: writer(
      db,
      db.insert(leadEvents).values({ leadId: p('leadId'), at: p('at'), type: p('type'), repId: p('repId'), teamId: p('teamId'), detail: p('detail') }),
    ),
    insertJob: writer(
      db,
      db.insert(outbox).values({ kind: p('kind'), leadId: p('leadId'), payload: p('payload'), runAt: p('runAt'), createdAt: p('createdAt'), toProspect: p('toProspect') }),
    ),
  };
}

/** `build(db)` once per database: for the statements of one module. */
export function perDatabase<T>(build: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let statements = cache.get(db);
    if (statements === undefined) {
      statements = build(db);
      cache.set(db, statements);
    }
    return statements;
  };
}

export const prepared = perDatabase(build);
