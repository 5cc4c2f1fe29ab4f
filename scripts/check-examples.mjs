#!/usr/bin/env node
// `npm run test:examples`: type-checks every `@example` in the doc comments under src/, so an
// example cannot go stale (issue 22). Each example becomes a small file under
// test-results/examples/ (git-ignored), checked with the project's TypeScript and tsconfig.
//
// The rule an example is written to: the names it uses come, without an import, from the
// module it documents, else the Backend contract (src/backend.ts) or the package's entry
// points (src/engine.ts, src/index.ts); anything else it imports itself, as the documented file
// would (relative paths from that file, or the package's names: training-playground,
// training-playground/engine, …/testing); and the values it assumes it declares on lines
// `// given: const backend: Backend, rows: number`, which are checked as `declare const …`.
// Its body runs inside an async function, so `await` and `return` read as they would in the
// caller. An example fenced as another language (```html) is markup, listed but not compiled.
//
// Each example is checked alone, through the compiler's API: `tsc -p test-results/examples`
// would check them too, but stops at the first syntax error before any type is checked.
//
// Example: node scripts/check-examples.mjs   (the files and their tsconfig.json stay, for an editor)
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'test-results/examples');
/** Modules whose exports every example may use unimported, after the documented module's own. */
const SHARED = ['src/backend.ts', 'src/engine.ts', 'src/index.ts'];
/** The package's published names, as a reader's code imports them, and the sources behind them. */
const PACKAGE_NAMES = {
  'training-playground': 'src/index.ts',
  'training-playground/engine': 'src/engine.ts',
  'training-playground/testing': 'src/playwright/index.ts',
  'https://cdn.jsdelivr.net/npm/training-playground/dist/engine.js': 'src/engine-cdn.ts',
};

/** Every .ts file under a folder, declarations aside. */
function sources(folder) {
  return readdirSync(join(ROOT, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * The `@example` blocks of a file's doc comments: each block's lines (the comment's ` * `
 * margin removed) with their 1-based line numbers. A block ends at the next tag or the comment's end.
 */
function examplesIn(file) {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const examples = [];
  for (const comment of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const firstLine = text.slice(0, comment.index).split('\n').length;
    let current = null;
    comment[0].split('\n').forEach((raw, i) => {
      const margin = /^\s*\/?\*\*?\/?( ?)/.exec(raw)?.[0].length ?? 0;
      const line = raw.slice(margin).replace(/\s*\*\/$/, '');
      if (/^@example\b/.test(line)) {
        current = { file, line: firstLine + i, lines: [] };
        examples.push(current);
      } else if (/^@\w/.test(line)) {
        current = null;
      } else if (current) {
        current.lines.push({ text: line, line: firstLine + i, margin });
      }
    });
  }
  for (const example of examples) {
    while (example.lines.at(-1)?.text.trim() === '') example.lines.pop();
    while (example.lines[0]?.text.trim() === '') example.lines.shift();
    const fence = /^```\s*(\w*)/.exec(example.lines[0]?.text ?? '');
    if (fence) {
      example.language = fence[1] || 'ts';
      example.lines = example.lines.slice(1, example.lines.at(-1)?.text.startsWith('```') ? -1 : undefined);
    }
  }
  return examples;
}

/** The names a parsed file declares at its top level (variables, functions, classes, imports). */
function topLevelNames(sourceFile) {
  const names = new Set();
  const bind = (name) => {
    if (ts.isIdentifier(name)) names.add(name.text);
    else for (const element of name.elements ?? []) if (!ts.isOmittedExpression(element)) bind(element.name);
  };
  for (const statement of sourceFile.statements) {
    if (ts.isVariableStatement(statement)) statement.declarationList.declarations.forEach((d) => bind(d.name));
    else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) names.add(statement.name.text);
    else if (ts.isImportDeclaration(statement) && statement.importClause) {
      const { name, namedBindings } = statement.importClause;
      if (name) names.add(name.text);
      if (namedBindings && ts.isNamespaceImport(namedBindings)) names.add(namedBindings.name.text);
      else namedBindings?.elements.forEach((element) => names.add(element.name.text));
    }
  }
  return names;
}

/** The identifiers a parsed file uses, but for the names after a dot. */
function usedNames(sourceFile) {
  const names = new Set();
  const visit = (node) => {
    if (ts.isIdentifier(node) && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)) names.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return names;
}

/** A path for an import from the generated file at `from` to the source `file`, without its extension. */
function specifier(from, file) {
  const path = relative(dirname(from), join(ROOT, file)).replace(/\.ts$/, '');
  return path.startsWith('.') ? path : `./${path}`;
}

/**
 * The example as a TypeScript file: its imports (relative ones re-aimed at the documented
 * file's folder), its `given:` lines as declarations, then its body in an async function.
 * `map[i]` is where the generated file's line i + 1 comes from: its source line, and the
 * columns the comment's margin took.
 */
function generate(example, path, exportsOf) {
  const imports = [];
  const givens = [];
  const body = [];
  let inImport = false;
  for (const { text, line, margin } of example.lines) {
    const given = /^(\s*)\/\/\s*given:\s*(.*?);?\s*$/.exec(text);
    // `declare` in place of the comment mark: the declarations keep their columns.
    if (given) givens.push({ text: `${given[1]}declare ${given[2]};`, line, margin: margin + text.indexOf(given[2]) - given[1].length - 'declare '.length });
    else if (inImport || /^import\b/.test(text)) {
      const aimed = text.replace(/(from\s+|import\s*\(?\s*)(['"])(\.[^'"]*)\2/, (_, keyword, quote, target) => {
        const [file, query] = target.split('?');
        const at = relative(dirname(path), resolve(ROOT, dirname(example.file), file));
        return `${keyword}${quote}${at.startsWith('.') ? at : `./${at}`}${query === undefined ? '' : `?${query}`}${quote}`;
      });
      imports.push({ text: aimed, line, margin });
      inImport = !/(['"]\s*\)?;?\s*$)|^import\s+['"]/.test(text);
    } else body.push({ text, line, margin });
  }
  const head = [...imports, ...givens];
  const parse = (lines) => ts.createSourceFile(path, lines.map((l) => l.text).join('\n'), ts.ScriptTarget.ES2022, true);
  const declared = new Set([...topLevelNames(parse(head)), ...topLevelNames(parse(body))]);
  // Each name the example uses and does not declare, from the first module of the rule that exports it.
  const wanted = new Map();
  for (const name of usedNames(parse([...head, ...body]))) {
    if (declared.has(name)) continue;
    const from = [example.file, ...SHARED].find((module) => exportsOf(module).has(name));
    if (from) wanted.set(from, [...(wanted.get(from) ?? []), name]);
  }
  const at = { line: example.line, margin: 0 };
  const automatic = [...wanted].map(([module, names]) => ({ ...at, text: `import { ${names.sort().join(', ')} } from '${specifier(path, module)}';` }));
  const lines = [
    { ...at, text: `// ${example.file}:${example.line}, written by scripts/check-examples.mjs` },
    { ...at, text: 'export {};' },
    ...automatic,
    ...head,
    { ...at, text: 'export async function example() {' },
    ...body,
    { ...at, text: '}' },
  ];
  return { text: `${lines.map((l) => l.text).join('\n')}\n`, map: lines.map(({ line, margin }) => ({ line, margin })) };
}

const started = Date.now();
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const examples = sources('src').flatMap(examplesIn);
const markup = examples.filter((example) => example.language && !/^(ts|typescript|js|javascript)$/.test(example.language));
const code = examples.filter((example) => !markup.includes(example));

// The examples' own compiler settings: the project's, less the unused-name checks (an example
// shows a result it does not use), and the package's names mapped to the sources.
const paths = Object.fromEntries(Object.entries(PACKAGE_NAMES).map(([name, file]) => [name, [`../../${file}`]]));
writeFileSync(
  join(OUT, 'tsconfig.json'),
  `${JSON.stringify({ extends: '../../tsconfig.json', compilerOptions: { noUnusedLocals: false, noUnusedParameters: false, paths }, include: ['**/*.ts'] }, null, 2)}\n`,
);
const config = ts.getParsedCommandLineOfConfigFile(join(OUT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); } });

// What each module exports, read by the compiler (re-exports included).
const documented = [...new Set([...code.map((example) => example.file), ...SHARED])];
const host = ts.createCompilerHost(config.options);
const exportsProgram = ts.createProgram({ rootNames: documented.map((file) => join(ROOT, file)), options: config.options, host });
const checker = exportsProgram.getTypeChecker();
const exportCache = new Map();
function exportsOf(file) {
  if (!exportCache.has(file)) {
    const symbol = checker.getSymbolAtLocation(exportsProgram.getSourceFile(join(ROOT, file)));
    exportCache.set(file, new Set(symbol ? checker.getExportsOfModule(symbol).map((s) => s.name) : []));
  }
  return exportCache.get(file);
}

const generated = code.map((example) => {
  const path = join(OUT, `${example.file.replace(/\.ts$/, '')}.${example.line}.ts`);
  const { text, map } = generate(example, path, exportsOf);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return { example, path, map };
});

const program = ts.createProgram({ rootNames: generated.map((g) => g.path), options: config.options, host, oldProgram: exportsProgram });
const failing = [];
for (const { example, path, map } of generated) {
  const sourceFile = program.getSourceFile(path);
  const diagnostics = [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
  if (diagnostics.length === 0) continue;
  failing.push(example);
  console.log(`✗ ${example.file}:${example.line} @example`);
  for (const diagnostic of diagnostics) {
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n    ');
    console.log(`  ${example.file}:${map[line].line}:${map[line].margin + character + 1} TS${diagnostic.code}: ${message}`);
  }
}
for (const example of markup) console.log(`· ${example.file}:${example.line} @example in ${example.language}: markup, not compiled`);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`examples: ${code.length - failing.length} of ${code.length} compile${markup.length ? `, ${markup.length} in markup` : ''} (${seconds} s; the files are in ${relative(ROOT, OUT)}/)`);
process.exit(failing.length > 0 ? 1 : 0);
