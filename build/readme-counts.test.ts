import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

// The README once said 16 snapshots where there were 22: the number it gives is read from the files.
it('gives the number of visual snapshots that e2e/snapshots/ holds', () => {
  const readme = readFileSync('README.md', 'utf8');
  const said = readme.match(/(\d+) visual snapshots/);
  expect(said, 'the README names a count of visual snapshots').not.toBeNull();
  const files = readdirSync('e2e/snapshots').filter((name) => name.endsWith('.png'));
  expect(Number(said![1])).toBe(files.length);
});
