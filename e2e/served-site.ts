/**
 * Servers the browser suite starts itself, as a newcomer or a course author would: `npm start`
 * (Vite's dev server), `vite preview` of a built site, and a course site built from the packed
 * package. Each runs in its own process group and is stopped with it.
 *
 * @example
 * const server = await startServer('npm', ['start', '--', '--port', '5273'], '.', 'http://localhost:5273/');
 * await server.stop();
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface Server {
  url: string;
  stop(): Promise<void>;
}

/** The repository's own Vite, whichever folder it runs in. */
export const VITE = resolve('node_modules/vite/bin/vite.js');

/** Starts `command` and waits until `url` answers (at most `timeoutMs`). */
export async function startServer(command: string, args: string[], cwd: string, url: string, timeoutMs = 60_000): Promise<Server> {
  const child = spawn(command, args, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // Already gone.
    }
    await exited;
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${command} ${args.join(' ')} exited with ${child.exitCode}:\n${output}`);
    const answered = await fetch(url).then((r) => r.ok, () => false);
    if (answered) return { url, stop };
    await new Promise((done) => setTimeout(done, 250));
  }
  await stop();
  throw new Error(`${command} ${args.join(' ')} did not answer ${url} within ${timeoutMs} ms:\n${output}`);
}

function run(command: string, args: string[], cwd: string): void {
  const { status, stdout, stderr } = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (status !== 0) throw new Error(`${command} ${args.join(' ')} (in ${cwd}) exited with ${status}:\n${stdout}\n${stderr}`);
}

/**
 * e2e/fixtures/course-site, built as its author would: the package packed from this build
 * (`npm pack`), installed from the tarball (npm's cache has its dependencies: `--prefer-offline`),
 * bundled by Vite. Returns the site's folder.
 */
export function buildCourseSite(): string {
  const site = resolve('test-results/course-site');
  rmSync(site, { recursive: true, force: true });
  mkdirSync(site, { recursive: true });
  cpSync('e2e/fixtures/course-site', site, { recursive: true });
  run('npm', ['pack', '--silent', '--pack-destination', site], '.');
  const tarball = readdirSync(site).find((name) => name.endsWith('.tgz'))!;
  renameSync(join(site, tarball), join(site, 'training-playground.tgz'));
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], site);
  run('node', [VITE, 'build', '--logLevel', 'warn'], site);
  return site;
}
