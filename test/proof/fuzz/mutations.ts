import fc from 'fast-check';
import type { VendorConfig } from '../../../shared/config';
import { clone, deleteAt, FIELDS, getAt, jsonKind, knownKeys, OBJECT_PATHS, setAt, type Field } from './paths';

// Mutations of a valid body that make it invalid BY CONSTRUCTION (the server must answer 4xx),
// plus broken JSON whose validity is decided by the model. Each case names its mutation.

export interface Case {
  kind: string;
  body: string;
  /** undefined: no Content-Type header at all. */
  contentType: string | undefined;
  /** Invalid by construction: any 2xx is an invalid body accepted. */
  mustReject: boolean;
}

type Json = Record<string, unknown>;
const JSON_CT = 'application/json';
const rejected = (kind: string, body: Json | string, contentType: { is: string | undefined } = { is: JSON_CT }): Case =>
  withShortPrint({ kind, body: typeof body === 'string' ? body : JSON.stringify(body), contentType: contentType.is, mustReject: true });

/** fast-check prints a failing case with this: long bodies shortened, so a report stays readable. */
export function withShortPrint(c: Case): Case {
  return Object.assign(c, {
    [fc.toStringMethod]: () =>
      `${c.kind} (${c.contentType ?? 'no content type'}, ${c.body.length} chars): ${c.body.length > 400 ? `${c.body.slice(0, 300)}…${c.body.slice(-100)}` : c.body}`,
  });
}

const fieldArb = (pick: (f: Field) => boolean) => fc.constantFrom(...FIELDS.filter(pick));

const anyJson = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.string({ maxLength: 20 }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
);

const CONTROL = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));

export function mutations(config: VendorConfig, valid: fc.Arbitrary<Json>): fc.Arbitrary<Case> {
  const q = config.questions;
  const optionIds: Record<string, string[]> = {
    'answers.stage': q.stage.options.map((o) => o.id),
    'answers.budget': q.budget.options.map((o) => o.id),
    'answers.decisionProcess': q.decisionProcess.options.map((o) => o.id),
    'answers.timeline': q.timeline.options.map((o) => o.id),
    'stakeholders.finalSay': q.stakeholders.finalSay.options.map((o) => o.id),
    language: ['nl', 'en'],
    'contact.companySize': ['1-9', '10-49', '50-249', '250+'],
  };
  const roleIds = q.stakeholders.roles.map((r) => r.id);

  const dropRequired = fc.tuple(valid, fieldArb((x) => x.required)).map(([b, x]) => rejected(`drop ${x.path.join('.')}`, deleteAt(clone(b), x.path)));

  const wrongType = fc
    .tuple(valid, fieldArb(() => true), anyJson)
    .filter(([, x, v]) => jsonKind(v) !== x.kind && !(x.kind === 'boolean' && typeof v === 'boolean'))
    .map(([b, x, v]) => rejected(`wrong type ${x.path.join('.')}`, setAt(clone(b), x.path, v)));

  const unknownField = fc
    .tuple(
      valid,
      fc.constantFrom(...OBJECT_PATHS),
      fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'submissionId ', 'Consent', '')),
      fc.jsonValue({ maxDepth: 2 }),
    )
    .filter(([, path, key]) => !knownKeys(path).includes(key))
    .map(([b, path, key, v]) => rejected(`unknown field in ${path.join('.') || '(root)'}`, setAt(clone(b), [...path, key], v)));

  const tooLong = fc
    .tuple(valid, fieldArb((x) => x.max !== undefined), fc.integer({ min: 1, max: 300 }), fc.constantFrom('x', 'é', '漢', '😀'))
    .map(([b, x, extra, ch]) => rejected(`too long ${x.path.join('.')}`, setAt(clone(b), x.path, ch.repeat(x.max! + extra))));

  const tooLarge = fc
    .tuple(valid, fc.integer({ min: 64 * 1024 + 1, max: 200 * 1024 }))
    .map(([b, size]) => rejected('body over 64 KB', setAt(clone(b), ['contact', 'message'], 'a'.repeat(size))));

  const unknownOption = fc
    .tuple(valid, fc.constantFrom(...Object.keys(optionIds)), fc.string({ minLength: 0, maxLength: 70 }))
    .filter(([, path, v]) => !optionIds[path].includes(v))
    .map(([b, path, v]) => rejected(`unknown option ${path}`, setAt(clone(b), path.split('.'), v)));

  const badRoles = fc
    .tuple(valid, fc.oneof(
      fc.string({ maxLength: 70 }).filter((r) => !roleIds.includes(r)).map((r) => [{ role: r, involved: true }]),
      fc.constantFrom(...roleIds).map((r) => [{ role: r, involved: true }, { role: r, involved: false }]),
      fc.array(fc.constantFrom(...roleIds), { minLength: 21, maxLength: 30 }).map((rs) => rs.map((role) => ({ role, involved: true }))),
    ))
    .map(([b, roles]) => rejected('bad roles', setAt(clone(b), ['stakeholders', 'roles'], roles)));

  const controlInStrict = fc
    .tuple(valid, fieldArb((x) => !!x.strict && x.required), CONTROL, fc.nat())
    .map(([b, x, c, at]) => {
      const v = String(getAt(b, x.path));
      const i = at % (v.length + 1);
      return rejected(`control char in ${x.path.join('.')}`, setAt(clone(b), x.path, v.slice(0, i) + c + v.slice(i)));
    });

  const badFormat = fc.tuple(valid, fc.oneof(
    fc.string({ maxLength: 40 }).map((v) => ['submissionId', v] as const),
    fc.string({ maxLength: 40 }).filter((v) => !v.includes('@')).map((v) => ['contact.email', v] as const),
    fc.string({ maxLength: 4 }).filter((v) => !/^[A-Z]{2}$/.test(v)).map((v) => ['contact.country', v] as const),
    fc.constantFrom('', ' ', '\n\t', '\u0000\u0001').map((v) => ['contact.name', v] as const),
    fc.constantFrom('', ' ', '\r\n').map((v) => ['contact.company', v] as const),
  )).map(([b, [path, v]]) => rejected(`bad ${path}`, setAt(clone(b), path.split('.'), v)));

  const deep = fc
    .tuple(valid, fc.constantFrom<string[]>([], ...FIELDS.map((x) => x.path)), fc.integer({ min: 2, max: 30_000 }), fc.boolean())
    .map(([b, path, depth, arrays]) => {
      const nested = arrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
      const marker = '@@deep-0c9e7f3a@@';
      const text = path.length ? JSON.stringify(setAt(clone(b), path, marker)).replace(`"${marker}"`, nested) : nested;
      return rejected(`deep nesting at ${path.join('.') || '(root)'}`, text);
    });

  const wrongContentType = fc
    .tuple(valid, fc.constantFrom(undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/ld+json', 'application/json-seq', 'text/json', 'application/jsonx', 'json', ''))
    .map(([b, ct]) => rejected(`content type ${ct ?? '(none)'}`, b, { is: ct }));

  return fc.oneof(dropRequired, wrongType, unknownField, tooLong, tooLarge, unknownOption, badRoles, controlInStrict, badFormat, deep, wrongContentType);
}

/** Text-level damage to a valid body; whether the result is still JSON is left to the model. */
export function brokenJson(valid: fc.Arbitrary<Json>): fc.Arbitrary<Case> {
  const edit = fc.oneof(
    fc.nat().map((n) => (s: string) => s.slice(0, n % s.length)),
    fc.tuple(fc.nat(), fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 3 })).map(([n, ins]) => (s: string) => s.slice(0, n % s.length) + ins + s.slice(n % s.length)),
    fc.nat().map((n) => (s: string) => s.slice(0, n % s.length) + s.slice((n % s.length) + 1)),
    fc.constant((s: string) => s.replace(/}$/, ',}')),
    fc.constant((s: string) => s.replaceAll('"', "'")),
    fc.constant((s: string) => `${s}${s}`),
    fc.constant((s: string) => `\uFEFF${s}`),
  );
  return fc.tuple(valid, edit).map(([b, fn]) => {
    const body = fn(JSON.stringify(b));
    return withShortPrint({ kind: 'broken json', body, contentType: JSON_CT, mustReject: false });
  });
}
