#!/usr/bin/env node
// Runs a command with Dawn (the `webgpu` package) able to find a Vulkan driver. Debian's
// Chromium ships SwiftShader, a CPU Vulkan, with its own loader in /usr/lib/chromium: on a
// machine without a GPU that is the adapter. Set TP_VULKAN=system to use the system's
// Vulkan loader and drivers (a real GPU) instead.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';

const env = { ...process.env };
if (env.TP_VULKAN !== 'system') {
  let chromiumLib;
  try {
    chromiumLib = findChromium().swiftshaderDir;
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  const icd = `${chromiumLib}/vk_swiftshader_icd.json`;
  if (!chromiumLib || !existsSync(icd)) {
    console.error('No SwiftShader Vulkan driver beside the Chromium found: set CHROMIUM_LIB_DIR to the folder holding vk_swiftshader_icd.json; with a real GPU, set TP_VULKAN=system.');
    process.exit(1);
  }
  env.LD_LIBRARY_PATH = [chromiumLib, env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  env.VK_ICD_FILENAMES = icd;
}
const [command, ...args] = process.argv.slice(2);
const result = spawnSync(command, args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
