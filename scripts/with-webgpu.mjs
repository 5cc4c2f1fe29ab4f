#!/usr/bin/env node
// Runs a command with Dawn (the `webgpu` package) able to find a Vulkan driver. Debian's
// Chromium ships SwiftShader, a CPU Vulkan, with its own loader in /usr/lib/chromium: on a
// machine without a GPU that is the adapter. Set TP_VULKAN=system to use the system's
// Vulkan loader and drivers (a real GPU) instead.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromiumLib = process.env.CHROMIUM_LIB_DIR ?? '/usr/lib/chromium';
const env = { ...process.env };
if (env.TP_VULKAN !== 'system') {
  const icd = `${chromiumLib}/vk_swiftshader_icd.json`;
  if (!existsSync(icd)) {
    console.error(`No SwiftShader Vulkan driver at ${icd}. Install Chromium (apt-get install -y chromium) or set CHROMIUM_LIB_DIR; with a real GPU, set TP_VULKAN=system.`);
    process.exit(1);
  }
  env.LD_LIBRARY_PATH = [chromiumLib, env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  env.VK_ICD_FILENAMES = icd;
}
const [command, ...args] = process.argv.slice(2);
const result = spawnSync(command, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
