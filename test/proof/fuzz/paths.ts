// Every field of the submission body (shared/submission.ts) with its JSON kind, whether it is
// required, its maximum length and whether its value must be one of the config's ids. The fuzz
// mutations pick from this table (keep it in step with the schema).

export type Kind = 'string' | 'boolean' | 'array' | 'object' | 'true';

export interface Field {
  path: string[];
  kind: Kind;
  required: boolean;
  max?: number;
  /** Must be one of a fixed set of ids (config options, languages, sizes) or a strict format. */
  strict?: boolean;
}

const f = (path: string, kind: Kind, required: boolean, extra: Partial<Field> = {}): Field => ({
  path: path.split('.'),
  kind,
  required,
  ...extra,
});

export const FIELDS: Field[] = [
  f('submissionId', 'string', true, { strict: true }),
  f('language', 'string', true, { strict: true }),
  f('process', 'object', true),
  f('process.accepted', 'boolean', true),
  f('process.deviation', 'string', false, { max: 1000 }),
  f('answers', 'object', true),
  f('answers.stage', 'string', true, { max: 64, strict: true }),
  f('answers.budget', 'string', true, { max: 64, strict: true }),
  f('answers.decisionProcess', 'string', true, { max: 64, strict: true }),
  f('answers.timeline', 'string', true, { max: 64, strict: true }),
  f('answers.costOfInaction', 'string', false, { max: 1000 }),
  f('stakeholders', 'object', true),
  f('stakeholders.roles', 'array', true),
  f('stakeholders.finalSay', 'string', true, { max: 64, strict: true }),
  f('stakeholders.orgInterest', 'string', false, { max: 500 }),
  f('stakeholders.personalInterest', 'string', false, { max: 500 }),
  f('contact', 'object', true),
  f('contact.name', 'string', true, { max: 120 }),
  f('contact.email', 'string', true, { max: 254, strict: true }),
  f('contact.company', 'string', true, { max: 160 }),
  f('contact.phone', 'string', false, { max: 40 }),
  f('contact.country', 'string', false, { strict: true }),
  f('contact.companySize', 'string', false, { strict: true }),
  f('contact.message', 'string', false, { max: 2000 }),
  f('contact.consent', 'true', true),
  f('contact.website', 'string', false, { max: 200 }),
  f('context', 'object', false),
  f('context.pageUrl', 'string', false, { max: 2048 }),
  f('context.referrer', 'string', false, { max: 2048 }),
  f('context.utm', 'object', false),
  f('context.utm.source', 'string', false, { max: 200 }),
  f('context.utm.medium', 'string', false, { max: 200 }),
  f('context.utm.campaign', 'string', false, { max: 200 }),
  f('context.utm.term', 'string', false, { max: 200 }),
  f('context.utm.content', 'string', false, { max: 200 }),
  f('formToken', 'string', false, { max: 512 }),
  f('processVersion', 'string', false, { max: 64 }),
];

export const OBJECT_PATHS = [[], ...FIELDS.filter((x) => x.kind === 'object').map((x) => x.path)];

/** The keys an object at `path` may have. */
export function knownKeys(path: string[]): string[] {
  return FIELDS.filter((x) => x.path.length === path.length + 1 && path.every((p, i) => x.path[i] === p)).map((x) => x.path.at(-1)!);
}

export function jsonKind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (v === true) return 'true';
  return typeof v;
}

type Json = Record<string, unknown>;

export function clone<T>(v: T): T {
  return structuredClone(v);
}

/** Sets a value at `path`, creating missing parent objects; an own property even for "__proto__". */
export function setAt(root: Json, path: string[], value: unknown): Json {
  let node = root;
  for (const key of path.slice(0, -1)) {
    if (!isObject(node[key])) define(node, key, {});
    node = node[key] as Json;
  }
  define(node, path.at(-1)!, value);
  return root;
}

export function deleteAt(root: Json, path: string[]): Json {
  const parent = path.slice(0, -1).reduce<Json | undefined>((n, k) => (isObject(n?.[k]) ? (n![k] as Json) : undefined), root);
  if (parent) delete parent[path.at(-1)!];
  return root;
}

export function getAt(root: Json, path: string[]): unknown {
  return path.reduce<unknown>((n, k) => (isObject(n) ? n[k] : undefined), root);
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function define(o: Json, key: string, value: unknown) {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}
