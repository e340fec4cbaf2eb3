import { defineConfig } from 'vitest/config';
import { runtimeProjects } from '../../vitest.shared';

// Every test runs on Node and in the edge runtime: both crypto paths must
// reach identical verdicts.
export default defineConfig({
  test: { projects: runtimeProjects('redpin') },
});
