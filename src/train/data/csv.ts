/**
 * Parses a numeric CSV (a header row, numbers in every column, the label last) into a
 * Dataset. Integer labels mean classification (each distinct value a class); any fractional
 * label means regression. Malformed input throws a CsvError naming the line and column.
 *
 * @example
 * parseCsv('x1,x2,label\n0.5,1.2,0\n0.1,0.3,1\n');   // 2 rows, 2 features, 2 classes
 */
import type { Dataset } from '../types';

export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number | null,
  ) {
    super(message);
    this.name = 'CsvError';
  }
}

/** A line's cells, trimmed and unquoted: a test of two characters, not a regular expression a cell (digits has 117,000). */
function splitLine(line: string): string[] {
  const cells = line.split(',');
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!.trim();
    cells[i] = cell.length > 1 && cell.startsWith('"') && cell.endsWith('"') ? cell.slice(1, -1) : cell;
  }
  return cells;
}

export function parseCsv(text: string, options: { header?: boolean } = {}): Dataset {
  const hasHeader = options.header ?? true;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const rows: number[][] = [];
  let width = 0;
  let headerNames: string[] | null = null;
  lines.forEach((raw, index) => {
    const lineNumber = index + 1;
    if (raw.trim() === '') return;
    const cells = splitLine(raw);
    if (hasHeader && headerNames === null) {
      headerNames = cells;
      width = cells.length;
      if (width < 2) throw new CsvError(`Line ${lineNumber}: the header needs at least two columns (features, then the label); it has ${width}.`, lineNumber, null);
      return;
    }
    if (width === 0) width = cells.length;
    if (cells.length !== width) {
      throw new CsvError(`Line ${lineNumber} has ${cells.length} columns; the ${hasHeader ? 'header' : 'first row'} has ${width}.`, lineNumber, null);
    }
    rows.push(
      cells.map((cell, c) => {
        const value = cell === '' ? NaN : Number(cell);
        if (!Number.isFinite(value)) {
          throw new CsvError(`Line ${lineNumber}, column ${c + 1}: "${cell}" is not a number.`, lineNumber, c + 1);
        }
        return value;
      }),
    );
  });
  if (rows.length < 2) throw new CsvError(`The CSV has ${rows.length} data row${rows.length === 1 ? '' : 's'}; at least 2 are needed.`, lines.length, null);
  if (width < 2) throw new CsvError('Each row needs at least one feature and a label.', 1, null);

  const featureCount = width - 1;
  const features = new Float32Array(rows.length * featureCount);
  const rawLabels = rows.map((row, r) => {
    features.set(row.slice(0, featureCount), r * featureCount);
    return row[featureCount]!;
  });
  const classification = rawLabels.every(Number.isInteger);
  if (!classification) {
    return { features, rows: rows.length, featureCount, labels: Float32Array.from(rawLabels), task: 'regression', classCount: 1 };
  }
  const classes = [...new Set(rawLabels)].sort((a, b) => a - b);
  if (classes.length < 2) {
    throw new CsvError(`Every label is ${classes[0]}: classification needs at least two classes.`, lines.length, width);
  }
  const indexOf = new Map(classes.map((value, i) => [value, i]));
  return {
    features,
    rows: rows.length,
    featureCount,
    labels: Float32Array.from(rawLabels, (label) => indexOf.get(label)!),
    task: 'classification',
    classCount: classes.length,
    classNames: classes.map(String),
  };
}
