import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// The package root: vitest runs from there so imports like `Runtime/TypeScript~/src/...` resolve the same in every test.
const root = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root,
  test: {
    include: ['Tests/TypeScript~/**/*.test.ts'],
    // Loopback servers and child processes: keep files isolated, but do not oversubscribe the 2-core CI machine.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
