// Compile-time equality of two types, for a zod schema that mirrors an interface:
// `const check: Same<z.output<typeof schema>, Interface> = true` fails to compile when they differ
// (a field on one side only, optional on one side only, readonly on one side only). Both sides are
// flattened first: an inferred object literal and an equal interface are then the same type.
type Flat<T> = { [K in keyof T]: T[K] };
type Identical<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export type Same<A, B> = Identical<Flat<A>, Flat<B>>;
