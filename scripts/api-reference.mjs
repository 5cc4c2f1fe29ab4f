// The element's API reference, generated from custom-elements.json (the manifest the build
// writes from the source's own types and doc comments): attributes, properties and methods,
// events, CSS parts and custom properties, as one HTML page of the demo site (dist/site/api.html).
// Each attribute's values, default and control are its row of the settings table
// (src/train/settings/table.ts, loaded through Vite), the table the element itself reads.
//
// Example: node scripts/api-reference.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { runnerImport } from 'vite';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'training-playground');
if (!element) throw new Error('custom-elements.json describes no <training-playground>.');

const escape = (text = '') => String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const code = (text) => (text ? `<code>${escape(text)}</code>` : '');
const table = (title, id, headers, rows) =>
  rows.length === 0
    ? ''
    : `<h2 id="${id}">${title}</h2>
<table><thead><tr>${headers.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>
<tbody>${rows.map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n')}</tbody></table>`;

const { PER_SCENARIO, SETTINGS } = (await runnerImport('./src/train/settings/table.ts', { configFile: false, logLevel: 'silent' })).module;
const settingOf = (attribute) => {
  const setting = SETTINGS.find((s) => s.attribute === attribute);
  if (!setting) throw new Error(`The settings table has no row for the attribute ${attribute}.`);
  return setting;
};
const unlisted = SETTINGS.filter((s) => !(element.attributes ?? []).some((a) => a.name === s.attribute));
if (unlisted.length > 0) throw new Error(`custom-elements.json has no attribute ${unlisted.map((s) => s.attribute).join(', ')}: run npm run manifest.`);

const codes = (values) => values.map((v) => code(String(v))).join(', ');
const span = ([min, max], unit = '') => (max === Number.MAX_SAFE_INTEGER ? `${min} or more${unit}` : `${min}–${max}${unit}`);
/** What the attribute takes: a range, its words, or a list of either. */
function values({ kind }) {
  if (kind.type === 'number') return span(kind.range);
  if (kind.type === 'integer') return span(kind.range, ', whole numbers');
  if (kind.type === 'enum') return codes(kind.values);
  if (kind.type === 'list' && kind.values) return `any of ${codes(kind.values)}`;
  if (kind.type === 'list' && kind.range) return `whole numbers ${span(kind.range)}, comma-separated`;
  return '';
}
function defaultOf(setting) {
  if (setting.default === PER_SCENARIO) return "the scenario's";
  if (setting.default === null) return '';
  return code(Array.isArray(setting.default) ? setting.default.join(' ') : String(setting.default));
}
/** The control that shows it, when the controls attribute names it. */
function control({ kind, control }) {
  if (!control) return '';
  if (control.type === 'slider' && control.scale === 'log') return `slider, log scale: ${control.stops.length} stops from ${code(String(control.stops[0]))} to ${code(String(control.stops.at(-1)))}`;
  if (control.type === 'slider') return `slider, ${kind.range[0]}–${control.max}${control.stretch ? ' (or the value)' : ''} by ${control.step}`;
  if (control.type === 'checkbox' && kind.type === 'list') return 'a checkbox each';
  return { select: 'select', number: 'number box', text: 'text box', checkbox: 'checkbox' }[control.type];
}

const publicMembers = (element.members ?? []).filter((m) => !m.privacy || m.privacy === 'public').filter((m) => !m.static || m.kind === 'method');
const attributes = (element.attributes ?? []).map((a) => {
  const setting = settingOf(a.name);
  return [code(a.name), code(a.fieldName), code(a.type?.text), values(setting), defaultOf(setting), control(setting), escape(a.description)];
});
const properties = publicMembers
  .filter((m) => m.kind === 'field' && !(element.attributes ?? []).some((a) => a.fieldName === m.name))
  .map((m) => [code(m.name), code(m.type?.text), escape(m.description)]);
const methods = publicMembers
  .filter((m) => m.kind === 'method')
  .map((m) => [code(`${m.static ? `${element.name}.` : ''}${m.name}(${(m.parameters ?? []).map((p) => p.name).join(', ')})`), code(m.return?.type?.text), escape(m.description)]);
const events = (element.events ?? []).map((e) => [code(e.name), escape(e.description)]);
const parts = (element.cssParts ?? []).map((p) => [code(p.name), escape(p.description)]);
const cssProperties = (element.cssProperties ?? []).map((p) => [code(p.name), escape(p.description)]);

const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>&lt;training-playground&gt; API reference</title>
<link rel="icon" href="./favicon.svg" type="image/svg+xml" />
<style>
  body { font: 15px/1.5 system-ui, sans-serif; max-width: 960px; margin: 2em auto; padding: 0 1em; color: #1f2937; }
  table { border-collapse: collapse; width: 100%; margin-bottom: 1.5em; }
  th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #e5e7eb; padding: 6px 8px; }
  code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; }
</style>
</head>
<body>
<main>
<h1>&lt;training-playground&gt; API reference</h1>
<p>${escape(element.description?.split('\n')[0] ?? '')} Generated from <code>custom-elements.json</code>. <a href="./">Back to the playground</a>.</p>
<nav aria-label="Sections"><a href="#attributes">Attributes</a> · <a href="#properties">Properties</a> · <a href="#methods">Methods</a> · <a href="#events">Events</a> · <a href="#parts">CSS parts</a> · <a href="#custom-properties">Custom properties</a></nav>
${table('Attributes', 'attributes', ['Attribute', 'Property', 'Type', 'Values', 'Default', 'Control', 'Description'], attributes)}
${table('Properties', 'properties', ['Property', 'Type', 'Description'], properties)}
${table('Methods', 'methods', ['Method', 'Returns', 'Description'], methods)}
${table('Events', 'events', ['Event', 'Detail'], events)}
${table('CSS parts', 'parts', ['Part', 'What it is'], parts)}
${table('Custom properties', 'custom-properties', ['Property', 'What it colours'], cssProperties)}
</main>
</body>
</html>
`;
mkdirSync('dist/site', { recursive: true });
writeFileSync('dist/site/api.html', html);
console.log(`api reference: dist/site/api.html (${attributes.length} attributes, ${properties.length} properties, ${methods.length} methods, ${events.length} events)`);
