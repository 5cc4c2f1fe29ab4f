#!/usr/bin/env node
// A static server for the browser tests, on loopback only: the built demo site at /, the
// built library at /dist/, and the test pages at /fixtures/. Plain files, no Vite: the tests
// load what a course page would load.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? '.');
const port = Number(process.env.PORT ?? 4173);
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.csv': 'text/csv', '.gz': 'application/gzip', '.wasm': 'application/wasm' };
const mounts = [
  ['/dist/', join(root, 'dist')],
  ['/fixtures/', join(root, 'e2e/fixtures')],
  ['/bench/', join(root, 'dist/bench')],
  ['/', join(root, 'dist/site')],
];

createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  const [prefix, dir] = mounts.find(([p]) => path.startsWith(p));
  let file = normalize(join(dir, path.slice(prefix.length)));
  if (!file.startsWith(dir)) return response.writeHead(403).end();
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) return response.writeHead(404).end('not found');
  // The built library is served as a CDN serves it, to any origin (e2e/cdn.spec.ts loads it from 127.0.0.1).
  const cors = prefix === '/dist/' ? { 'access-control-allow-origin': '*' } : {};
  response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...cors });
  createReadStream(file).pipe(response);
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} on http://localhost:${port}`));
