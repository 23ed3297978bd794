import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sign, verify } from './signed-token';

describe('signed tokens', () => {
  const key = randomBytes(32);

  it('returns the payload of a genuine token only', () => {
    const token = sign(key, 'form:site:123');
    expect(verify(key, token)).toBe('form:site:123');
    expect(verify(randomBytes(32), token)).toBeUndefined();
    expect(verify(key, token.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')))).toBeUndefined();
    expect(verify(key, token.slice(0, -1))).toBeUndefined();
  });

  it('refuses a signature with characters the base64url decoder would skip', () => {
    const token = sign(key, 'form:site:123');
    const dot = token.lastIndexOf('.');
    const padded = `${token.slice(0, dot + 4)}>${token.slice(dot + 4)}`;
    expect(Buffer.from(padded.slice(dot + 1), 'base64url')).toEqual(Buffer.from(token.slice(dot + 1), 'base64url'));
    expect(verify(key, padded)).toBeUndefined();
  });
});
