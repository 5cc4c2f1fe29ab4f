import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv } from './csv';

describe('CSV parsing', () => {
  it('reads a header, numeric features and integer labels as classes', () => {
    const data = parseCsv('a,b,label\n1,2,0\n3,4,1\n5,6,1\n');
    expect(data).toMatchObject({ rows: 3, featureCount: 2, task: 'classification', classCount: 2 });
    expect(Array.from(data.features)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(data.labels)).toEqual([0, 1, 1]);
  });

  it('maps any integer label values onto class indices', () => {
    const data = parseCsv('x,y\n1,7\n2,-3\n3,7\n');
    expect(Array.from(data.labels)).toEqual([1, 0, 1]);
    expect(data.classNames).toEqual(['-3', '7']);
  });

  it('treats fractional labels as regression targets', () => {
    const data = parseCsv('x,y\n1,0.5\n2,1.5\n');
    expect(data.task).toBe('regression');
    expect(data.classCount).toBe(1);
  });

  it('accepts CRLF line ends, a byte-order mark, quoted numbers and blank lines', () => {
    const data = parseCsv('\uFEFFx,y\r\n"1",0\r\n\r\n2,1\r\n');
    expect(data.rows).toBe(2);
  });

  it('reads 10 MB of rows (160,000 rows of 8 columns) into one table', () => {
    const line = (i: number) => `${Array.from({ length: 7 }, (_, c) => ((i * 7 + c) % 1000) / 7).map((v) => v.toFixed(5)).join(',')},${i % 3}`;
    const text = ['a,b,c,d,e,f,g,label', ...Array.from({ length: 160_000 }, (_, i) => line(i))].join('\n');
    expect(text.length).toBeGreaterThan(10_000_000);
    const data = parseCsv(text);
    expect(data.rows).toBe(160_000);
    expect(data.classCount).toBe(3);
  });

  it.each([
    ['x,y\n1,2\n3,oops\n', /Line 3, column 2: "oops" is not a number/, 3, 2],
    ['x,y\n1,2\n3\n', /Line 3 has 1 columns; the header has 2/, 3, null],
    ['x,y\n1,\n2,3\n', /Line 2, column 2: "" is not a number/, 2, 2],
    ['x,y\n1,2\n', /1 data row; at least 2/, 3, null],
    ['', /0 data rows/, 1, null],
    ['label\n1\n2\n', /at least two columns/, 1, null],
    ['x,y\n1,4\n2,4\n', /Every label is 4/, 4, 2],
  ])('rejects malformed input with the line and column: %j', (text, message, line, column) => {
    const error = (() => {
      try {
        parseCsv(text);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CsvError);
    expect((error as CsvError).message).toMatch(message);
    expect((error as CsvError).line).toBe(line);
    expect((error as CsvError).column).toBe(column);
  });
});
