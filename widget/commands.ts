// What `Koers('open')` and `Koers('close')` do; filled in by whichever shell is mounted.
export type Commands = Partial<Record<'open' | 'close', () => void>>;
