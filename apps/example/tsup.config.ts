import { defineConfig } from 'tsup';

// The service, the simulator and the load benchmark: Node ESM entry points.
// Dependencies (workspace packages included) stay external.
export default defineConfig({
  entry: ['src/server.ts', 'src/simulate.ts', 'src/bench.ts'],
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  clean: true,
  dts: false,
  // A devDependency the bench entry imports; never bundle it.
  external: ['autocannon'],
});
