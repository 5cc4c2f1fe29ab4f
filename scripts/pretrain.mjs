// npm run pretrain -- --full <folder of Fashion-MNIST's full .gz files> [--model cnn-tiny,cnn-small] [--epochs 4]
// Loads scripts/pretrain-body.ts through Vite's server (its kernels and WebAssembly made as the build makes them) and runs it.
import { createServer } from 'vite';

const server = await createServer({ configFile: new URL('../vite.config.ts', import.meta.url).pathname, mode: 'pretrain', server: { middlewareMode: true, hmr: false, ws: false }, appType: 'custom', logLevel: 'warn' });
try {
  const { main } = await server.ssrLoadModule('/scripts/pretrain-body.ts');
  await main(process.argv.slice(2));
} finally {
  await server.close();
}
