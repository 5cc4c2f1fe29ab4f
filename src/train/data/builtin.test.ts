import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { dataText, firstBytes, isGzip, loadCancer, loadDigits } from './builtin';

const csv = '1,2,3\n4,5,6\n';
const bytes = (data: Uint8Array | string) => new Uint8Array(typeof data === 'string' ? new TextEncoder().encode(data) : data);

it('inflates a body that is still gzip: a plain static server sends the file as it is', async () => {
  const zipped = bytes(gzipSync(csv));
  expect(isGzip(zipped)).toBe(true);
  expect(await dataText(zipped)).toBe(csv);
});

it('reads a body the browser already inflated (Content-Encoding: gzip, as Vite serves .gz) as it is', async () => {
  expect(isGzip(bytes(csv))).toBe(false);
  expect(await dataText(bytes(csv))).toBe(csv);
});

it('names the first bytes of a body that is not the data', () => {
  expect(firstBytes(bytes('<!doctype html>'))).toBe('3c 21 64 6f 63 74 79 70');
  expect(firstBytes(bytes(gzipSync(csv)), 2)).toBe('1f 8b');
});

it('loads both shipped data sets from disk', async () => {
  const [digits, cancer] = await Promise.all([loadDigits(), loadCancer()]);
  expect(digits.rows).toBe(1797);
  expect(cancer.rows).toBe(569);
});
