// The house's floors, read from the imports themselves (STYLE.md, "The shape of the house"):
// no file under src/ imports, through any chain of others, a file that imports it back, and
// none imports from a floor above its own. Two cycles (what-if.ts ↔ what-if-plan.ts, and the
// kernel-check table ↔ the check files it lists) had grown unnoticed before this test.
//
// Imports are read with the compiler's own scanner (ts.preProcessFile): `import`, `import type`,
// `export … from`, `import('…')` and `typeof import('…')`, and never the `import` lines of a
// doc comment's @example. Test files (*.test.ts) are no part of the graph: a test may import
// whatever it tests. Bare names (lit, webgpu, training-playground) are packages, not floors:
// src/playwright takes the published package's types by its name, as a user's spec does.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

type Floor = 'backend' | 'train' | 'engine' | 'ui' | 'top' | 'tooling' | 'page';

/** Each floor and the floors its files may import, its own included. */
const MAY_IMPORT: Record<Floor, Floor[]> = {
  backend: ['backend'],
  train: ['backend', 'train'],
  engine: ['backend', 'train', 'engine'],
  ui: ['backend', 'train', 'engine', 'ui'],
  top: ['backend', 'train', 'engine', 'ui', 'top'],
  // The kernel checks, the test helpers and the Playwright helpers: anything below ui, and
  // nothing the product ships imports them.
  tooling: ['backend', 'train', 'engine', 'tooling'],
  // The demo page (index.html's script) puts the element on a page, as a site would: it
  // imports src/index.ts, so it stands on top of everything, and nothing imports it.
  page: ['backend', 'train', 'engine', 'ui', 'top', 'page'],
};

/** Where each path under src/ lives: a folder (ending in /) or a file. */
const FLOORS: [string, Floor][] = [
  ['backend.ts', 'backend'],
  ['packed-tensors.ts', 'backend'],
  ['planar-geometry.ts', 'backend'],
  ['wasm.d.ts', 'backend'],
  ['gpu/', 'backend'],
  ['cpu/', 'backend'],
  ['train/', 'train'],
  ['engine/', 'engine'],
  ['ui/', 'ui'],
  ['index.ts', 'top'],
  ['engine.ts', 'top'],
  ['engine-cdn.ts', 'top'],
  ['checks/', 'tooling'],
  ['testing/', 'tooling'],
  ['playwright/', 'tooling'],
  ['demo/', 'page'],
];

function floorOf(file: string): Floor | undefined {
  const path = relative('src', file).replaceAll('\\', '/');
  return FLOORS.find(([place]) => (place.endsWith('/') ? path.startsWith(place) : path === place))?.[1];
}

/** Every non-test .ts file under src/, as paths from the repository root with / between folders. */
function sourceFiles(): string[] {
  return readdirSync('src', { recursive: true, encoding: 'utf8' })
    .map((path) => join('src', path).replaceAll('\\', '/'))
    .filter((path) => path.endsWith('.ts') && !path.endsWith('.test.ts'))
    .sort();
}

/** The file a relative specifier names, as the bundler finds it: Vite's `?raw`, `?worker` queries dropped. */
function resolveSpecifier(from: string, specifier: string): string {
  const base = join(dirname(from), specifier.replace(/\?.*$/, '')).replaceAll('\\', '/');
  const candidates = [base, base.replace(/\.js$/, '.ts'), `${base}.ts`, `${base}.d.ts`, `${base}/index.ts`];
  return candidates.find((path) => path.endsWith('.ts') && existsSync(path)) ?? base;
}

/** Each file's imports of other files under src/ (kernels, .wgsl and .wat, are not TypeScript). */
function importGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const imported = ts
      .preProcessFile(readFileSync(file, 'utf8'), true, true)
      .importedFiles.map((entry) => entry.fileName)
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => resolveSpecifier(file, specifier))
      .filter((path) => path.endsWith('.ts'));
    graph.set(file, [...new Set(imported)]);
  }
  return graph;
}

/**
 * The cycles of a graph, one for each group of files that reach one another (Tarjan's strongly
 * connected components), each given as a shortest loop through the group's first file.
 */
function findCycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1 || (graph.get(node) ?? []).includes(node)) groups.push(group.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return groups.map((group) => shortestLoop(graph, group[0]!, new Set(group)));
}

/** The shortest path from `start` back to itself within `group`, breadth first. */
function shortestLoop(graph: Map<string, string[]>, start: string, group: Set<string>): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of graph.get(node) ?? []) {
      if (!group.has(next)) continue;
      if (next === start) {
        const loop = [node];
        while (loop[0] !== start) loop.unshift(cameFrom.get(loop[0]!)!);
        return [...loop, start];
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, node);
        queue.push(next);
      }
    }
  }
  return [...group, start];
}

describe('the import graph of src/', () => {
  const files = sourceFiles();
  const graph = importGraph(files);

  it('reads the imports it should', () => {
    // A scanner that found nothing would pass every rule below: a few edges known to exist.
    expect(files.length).toBeGreaterThan(100);
    expect(graph.get('src/engine/worker/start.ts')).toContain('src/engine/worker/host-main.ts');
    expect(graph.get('src/ui/engine-loader.ts')).toContain('src/engine/index.ts');
    expect(graph.get('src/engine.ts')).toContain('src/backend.ts');
  });

  it('places every file on a floor', () => {
    const unplaced = files.filter((file) => floorOf(file) === undefined);
    expect(unplaced, 'files on no floor: add them to FLOORS in build/architecture.test.ts').toEqual([]);
  });

  it('has no import cycle', () => {
    const cycles = findCycles(graph).map((loop) => loop.join(' → '));
    expect(cycles, `import cycles:\n${cycles.join('\n')}\nmove what both files need into a file of its own`).toEqual([]);
  });

  it('imports only from a file’s own floor or a lower one', () => {
    const offending: string[] = [];
    for (const [file, imported] of graph) {
      const floor = floorOf(file);
      if (!floor) continue;
      for (const target of imported) {
        const targetFloor = floorOf(target);
        if (!targetFloor || !MAY_IMPORT[floor].includes(targetFloor)) offending.push(`${file} (${floor}) → ${target} (${targetFloor ?? 'outside src'})`);
      }
    }
    expect(offending, `imports from a higher floor:\n${offending.join('\n')}`).toEqual([]);
  });
});

describe('the scenario table', () => {
  it('is the one place a scenario is told apart by name (issue 22: no `scenario ===` outside it)', () => {
    const compares = sourceFiles()
      .filter((file) => file !== 'src/train/scenarios/table.ts')
      .flatMap((file) => readFileSync(file, 'utf8').split('\n').flatMap((line, i) => (/scenario\s*[!=]==/.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])));
    expect(compares, 'read the scenario\'s record (scenarioOf) instead').toEqual([]);
  });
});

describe('findCycles', () => {
  it('finds no cycle in a graph without one', () => {
    const graph = new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]]);
    expect(findCycles(graph)).toEqual([]);
  });

  it('reports a cycle as the loop of its files', () => {
    const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a', 'd']], ['d', []], ['e', ['e']]]);
    expect(findCycles(graph)).toEqual([['a', 'b', 'c', 'a'], ['e', 'e']]);
  });
});
