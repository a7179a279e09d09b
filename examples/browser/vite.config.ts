import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const src = (path: string): string => fileURLToPath(new URL(`../../src/${path}`, import.meta.url));

// In an app of your own, `npm install clientele` and drop the aliases: they point this example at the repository's sources.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  resolve: {
    alias: [
      { find: /^clientele\/sample$/, replacement: src('sample/index.ts') },
      { find: /^clientele$/, replacement: src('index.ts') },
    ],
  },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
