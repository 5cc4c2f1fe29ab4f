// The package as npm would publish it (packed from the built tree, offline): its types
// resolve under Node 16+ and bundlers (@arethetypeswrong/cli, ESM-only profile) and its
// manifest and files follow the rules (publint). Run by `npm test` after the build.
//
// Example: node scripts/check-package.mjs
import { spawnSync } from 'node:child_process';

const checks = [
  ['attw', ['attw', '--pack', '.', '--profile', 'esm-only']],
  ['publint', ['publint', '--strict']],
];
let failed = 0;
for (const [name, args] of checks) {
  const { status } = spawnSync('npx', args, { stdio: 'inherit' });
  console.log(`${name}: ${status === 0 ? 'clean' : `failed (${status})`}`);
  if (status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
