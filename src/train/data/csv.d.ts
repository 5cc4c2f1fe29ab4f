/**
 * Parses a numeric CSV (a header row, numbers in every column, the label last) into a
 * Dataset. Integer labels mean classification (each distinct value a class); any fractional
 * label means regression. Malformed input throws a CsvError naming the line and column.
 *
 * @example
 * parseCsv('x1,x2,label\n0.5,1.2,0\n0.1,0.3,1\n');   // 2 rows, 2 features, 2 classes
 */
import type { Dataset } from '../types';
export declare class CsvError extends Error {
    readonly line: number;
    readonly column: number | null;
    constructor(message: string, line: number, column: number | null);
}
export declare function parseCsv(text: string, options?: {
    header?: boolean;
}): Dataset;
