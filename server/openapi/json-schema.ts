import { z } from 'zod';

// A zod schema as a JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1), with zod's own
// converter: requests as zod reads them (`input`: before defaults and transforms), answers as the
// server writes them (`output`).

export type Io = 'input' | 'output';
export type JsonSchema = Record<string, unknown>;

/**
 * The texts of a submission are cleaned by a transform (control characters out, trimmed): a
 * string in, a string out. zod cannot say what a transform gives, so an answer's copy of such a
 * text (the proposal in a lead) would be "anything"; it is a string.
 */
function stringTransforms(ctx: { zodSchema: unknown; jsonSchema: JsonSchema }) {
  const def = (ctx.zodSchema as { _zod: { def: { type: string; in?: { _zod: { def: { type: string } } }; out?: { _zod: { def: { type: string } } } } } })._zod.def;
  if (def.type === 'pipe' && def.out?._zod.def.type === 'transform' && def.in?._zod.def.type === 'string') {
    for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
    ctx.jsonSchema.type = 'string';
  }
}

export function jsonSchemaOf(schema: z.ZodType, io: Io): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: io === 'output' ? 'any' : 'throw', override: io === 'output' ? stringTransforms : undefined }) as JsonSchema;
  return rest;
}
