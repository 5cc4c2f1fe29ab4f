/**
 * The architecture, checked: every import in src/ points down a floor (shaders and the
 * shared types ← gpu, cpu ← train ← engine ← ui ← the entry points), and no chain of
 * imports comes back to the file it left (type-only imports included: a cycle of types is
 * still two files that cannot be read apart). A new folder under src/ has to take a floor here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname);

/** What each part of src/ may import; `base` is the shared types at src/'s top (backend.ts and its kin). */
const MAY_IMPORT: Record<string, readonly string[]> = {
  base: ['base'],
  gpu: ['base', 'shaders'],
  cpu: ['base', 'wasm'],
  checks: ['base', 'cpu'],
  train: ['base', 'cpu'],
  engine: ['base', 'gpu', 'cpu', 'train'],
  testing: ['base', 'gpu', 'cpu', 'train', 'engine'],
  ui: ['base', 'train', 'engine'],
  demo: ['base', 'train', 'engine', 'ui'],
  playwright: ['base', 'train', 'engine'],
  entry: ['base', 'gpu', 'cpu', 'train', 'engine', 'ui'],
};
const BASE_FILES = new Set(['backend.ts', 'packed-tensors.ts', 'planar-geometry.ts']);
const ENTRY_FILES = new Set(['index.ts', 'engine.ts', 'engine-cdn.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.(test|gpu\.test)\.ts$|\.d\.ts$/.test(name) ? [path] : [];
  });
}

/** The part of the tree a path belongs to: a folder of src/, base, entry, or a folder beside src/ (shaders, wasm). */
function partOf(path: string): string {
  const inSrc = relative(SRC, path);
  if (inSrc.startsWith('..')) return relative(dirname(SRC), path).split('/')[0]!;
  const [top, ...rest] = inSrc.split('/');
  if (rest.length > 0) return top!;
  if (BASE_FILES.has(top!)) return 'base';
  if (ENTRY_FILES.has(top!)) return 'entry';
  return `unplaced file src/${top}`;
}

/** The relative imports of a file, resolved to paths, its comments (doc examples) left out. */
function importsOf(file: string): string[] {
  const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(/(?:^|\s)(?:import|export)\s[^;]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g)].map((m) => {
    const path = resolve(dirname(file), (m[1] ?? m[2])!.replace(/\?.*$/, ''));
    if (existsSync(`${path}.ts`)) return `${path}.ts`;
    if (existsSync(join(path, 'index.ts'))) return join(path, 'index.ts');
    return path;
  });
}

const files = sourceFiles(SRC);
const graph = new Map(files.map((f) => [f, importsOf(f)]));

/** Every strongly connected group of more than one file, or a file importing itself (Tarjan). */
function cycles(): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do group.push((w = stack.pop()!));
      while (w !== v);
      if (group.length > 1 || graph.get(v)!.includes(v)) found.push(group.map((f) => relative(SRC, f)));
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return found;
}

describe('the import graph', () => {
  it('reads every source file and the imports between them', () => {
    expect(files.length).toBeGreaterThan(100);
    expect([...graph.values()].flat().length).toBeGreaterThan(300);
  });

  it('imports only down: each part from the parts below it', () => {
    const wrong = files.flatMap((file) => {
      const from = partOf(file);
      return graph.get(file)!.flatMap((to) => {
        const part = partOf(to);
        return part === from || MAY_IMPORT[from]?.includes(part) ? [] : [`${relative(SRC, file)} (${from}) imports ${relative(SRC, to)} (${part})`];
      });
    });
    expect(wrong).toEqual([]);
  });

  it('has no cycle', () => {
    expect(cycles()).toEqual([]);
  });
});
