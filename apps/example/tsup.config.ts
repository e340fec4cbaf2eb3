import { defineConfig } from 'tsup';

// The service, the simulator and the load benchmark (bench.ts forks
// bench-load.ts, the load generator): Node ESM entry points.
// Dependencies (workspace packages included) stay external.
export default defineConfig({
  entry: [
    'src/server.ts',
    'src/simulate.ts',
    'src/bench.ts',
    'src/bench-load.ts',
  ],
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  clean: true,
  dts: false,
  // Dev-only imports of the bench entries (prettier: the root's); never bundle them.
  external: ['autocannon', 'prettier'],
});
