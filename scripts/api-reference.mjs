// The element's API reference, generated from custom-elements.json (the manifest the build
// writes from the source's own types and doc comments): attributes, properties and methods,
// events, CSS parts and custom properties, as one HTML page of the demo site (dist/site/api.html).
//
// Example: node scripts/api-reference.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

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

const publicMembers = (element.members ?? []).filter((m) => !m.privacy || m.privacy === 'public').filter((m) => !m.static || m.kind === 'method');
const attributes = (element.attributes ?? []).map((a) => [code(a.name), code(a.fieldName), code(a.type?.text), code(a.default), escape(a.description)]);
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
${table('Attributes', 'attributes', ['Attribute', 'Property', 'Type', 'Default', 'Description'], attributes)}
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
