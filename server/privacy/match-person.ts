// How an erase recognises one person in text and JSON: their address as a whole address
// (case-insensitive; `jan@acme.example` is not part of `marijan@acme.example`), their name as a
// whole name (not inside a longer word), and the ids of their leads.

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Characters that may stand next to an address without being part of it. */
const ADDRESS_CHAR = "[\\p{L}\\p{N}._%+'-]";

export function addressPattern(address: string): RegExp {
  // A trailing dot ends a sentence, unless more of a domain follows it.
  return new RegExp(`(?<!${ADDRESS_CHAR})${escape(address)}(?!\\.?[\\p{L}\\p{N}_-])`, 'giu');
}

export function namePattern(name: string): RegExp | undefined {
  const trimmed = name.trim();
  if (!trimmed) return undefined;
  return new RegExp(`(?<![\\p{L}\\p{N}])${escape(trimmed)}(?![\\p{L}\\p{N}])`, 'giu');
}

export interface Person {
  /** Lower-case address, as stored leads are matched (exactly, case-insensitive). */
  address: string;
  names: string[];
  leadIds: string[];
}

export const ERASED = '[erased]';

export function personMatchers(person: Person) {
  const patterns = [
    addressPattern(person.address),
    ...person.leadIds.map((id) => new RegExp(escape(id), 'g')),
    ...person.names.map(namePattern).filter((p): p is RegExp => !!p),
  ];
  return {
    /** The text with every mention replaced by "[erased]". */
    scrub(text: string): string {
      return patterns.reduce((t, p) => t.replace(p, ERASED), text);
    },
    /** Whether the text names the address or one of the leads (not the name: too common a word to delete a whole mail for). */
    identifies(text: string): boolean {
      return patterns.slice(0, 1 + person.leadIds.length).some((p) => {
        p.lastIndex = 0;
        return p.test(text);
      });
    },
    isAddress(value: unknown): boolean {
      return typeof value === 'string' && value.trim().toLowerCase() === person.address;
    },
  };
}
