import { defineConfig } from 'tsup';

export default defineConfig({
  // dist/cli.js is the executable (src/bin.ts runs the command line of src/cli.ts)
  entry: { index: 'src/index.ts', cli: 'src/bin.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts' } },
  target: 'node20',
  platform: 'node',
  clean: true,
  sourcemap: true,
  splitting: false,
  shims: true,
  external: ['nodejieba'],
});
