// Finds a WebGPU-capable Chromium for the tests, and the SwiftShader Vulkan driver beside it
// (the adapter without a GPU, for the browser and for Dawn in Node): CHROMIUM_PATH, else
// Debian's chromium, else an installed Google Chrome. With none, as root on Debian or
// Ubuntu, it installs Debian's chromium with apt-get, saying so; otherwise it names the
// command to run. A browser is never downloaded.
//
//   const { chromium, swiftshaderDir } = findChromium();   // or throws with one clear line
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';

const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/opt/google/chrome/chrome'];
const ICD = 'vk_swiftshader_icd.json';

function located() {
  const chromium = [process.env.CHROMIUM_PATH, ...SYSTEM].find((path) => path && existsSync(path));
  if (!chromium) return null;
  // Debian keeps the driver in /usr/lib/chromium; Chrome beside its binary.
  const dirs = [process.env.CHROMIUM_LIB_DIR, '/usr/lib/chromium', '/usr/lib/chromium-browser', dirname(chromium)];
  const swiftshaderDir = dirs.find((dir) => dir && existsSync(`${dir}/${ICD}`)) ?? null;
  return { chromium, swiftshaderDir };
}

function canInstall() {
  return process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
}

function install() {
  console.log('npm test: no Chromium found; installing Debian\'s chromium with apt-get (it brings SwiftShader, WebGPU without a GPU)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status}).`);
  }
}

export function findChromium() {
  let found = located();
  if (!found && canInstall()) {
    install();
    found = located();
  }
  if (!found) {
    throw new Error('npm test needs a Chromium with WebGPU: run `sudo apt-get install -y chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome.');
  }
  return found;
}
