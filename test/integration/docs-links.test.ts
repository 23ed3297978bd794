import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../server/paths';

// Issue 9: the repository documents its whole public contract itself. Every relative link in the
// documentation points at a file inside the repository (a user has nothing beside it).

const DOCS = ['README.md', 'ARCHITECTURE.md', 'docs/api.md', 'docs/operating-figures.md', 'widget/README.md'];

function relativeLinks(markdown: string): string[] {
  const links = [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
  const paths = [...markdown.matchAll(/`((?:\.\.\/|\.\/)[^`\s]+\.(?:md|ts|json))`/g)].map((m) => m[1]);
  return [...links, ...paths].filter((l) => !/^[a-z]+:/i.test(l) && !l.startsWith('#')).map((l) => l.split('#')[0]);
}

describe('the documentation', () => {
  for (const doc of DOCS) {
    it(`${doc} links only files inside the repository`, () => {
      const text = readFileSync(join(ROOT, doc), 'utf8');
      const broken = relativeLinks(text).filter((link) => {
        const target = join(dirname(join(ROOT, doc)), link);
        return relative(ROOT, target).startsWith('..') || !existsSync(target);
      });
      expect(broken).toEqual([]);
    });
  }
});
