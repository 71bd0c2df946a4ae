// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// `npm run soak` (opt-in, not part of `npm test`): the reliability suite at a larger scale, for minutes instead of
// seconds. Same tests, same assertions, bigger numbers:
//   fuzz   FUZZ_SCALE=20          (x20 cases per property)
//   faults FAULT_ROUNDS=10        (every flow 10 times per mode, concurrently, through the fault proxy)
//   load   LOAD_CLIENTS=200, LOAD_ROUNDS=5 (1200 players with restarts, memory sampled each round)
// Any of these can be overridden from the environment, and SOAK_SEED varies the seeds of the fuzz and fault runs.
// Loopback only; every part has its own time limit; it ends with vitest's summary and exits non-zero on a failure.

import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const seed = process.env.SOAK_SEED;
const env = {
  FUZZ_SCALE: '20',
  FAULT_ROUNDS: '10',
  LOAD_CLIENTS: '200',
  LOAD_ROUNDS: '5',
  ...(seed ? { FUZZ_SEED: seed, FAULT_SEED: seed, SECRETS_SEED: seed } : {}),
  ...process.env,
};
console.log(`soak: ${['FUZZ_SCALE', 'FAULT_ROUNDS', 'LOAD_CLIENTS', 'LOAD_ROUNDS', 'FUZZ_SEED', 'FAULT_SEED'].filter((k) => env[k]).map((k) => `${k}=${env[k]}`).join(' ')}`);
const started = Date.now();
const run = spawnSync(join(root, 'node_modules', '.bin', 'vitest'), ['run', '--config', 'Tests/TypeScript~/vitest.config.mts', 'Tests/TypeScript~/reliability/', '--testTimeout', '3600000'], {
  cwd: root, env, stdio: 'inherit',
});
console.log(`soak: ${run.status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(run.status ?? 1);
