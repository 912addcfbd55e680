import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

// electron-vite builds the three Electron parts into out/: main and preload for Node/Electron, and the
// renderer as a static site that the window loads through the app:// protocol.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'main/index.ts') } },
      externalizeDeps: true,
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be a single CommonJS file: it cannot load modules or ESM.
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
      externalizeDeps: { exclude: ['zod'] },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    base: './',
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      emptyOutDir: true,
      // electron-vite leaves the renderer unminified; the window should not parse comments and long names.
      minify: true,
      // .vite/manifest.json: which chunks the first screen loads (scripts/bench/renderer/bundle-size.ts).
      manifest: true,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'renderer/index.html') },
        // Mantine marks every module "use client" for React Server Components; in a bundled SPA the directive
        // means nothing, and its ~800 warning lines would bury real ones.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
});
