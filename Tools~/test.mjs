// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// `npm test`: every ring of DESIGN.md section 7, in order, stopping at nothing so one run shows every failure:
//   1. build.mjs --check (bundle, generated code, .meta files fresh)   2. tsc over the core and the tests
//   3. vitest (core, bridge, QuickJS, emulator)                          4. the .NET ring over the real bundle
// It ends with one line `Total: N passed, N failed` and exits non-zero if any step failed.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const results = [];
let passed = 0;
let failed = 0;

function step(name, command, args, count) {
  console.log(`\n=== ${name}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const run = spawnSync(command, args, { cwd: root, stdio: count?.capture ? ['inherit', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8' });
  if (count?.capture) process.stdout.write(run.stdout ?? '');
  const ok = run.status === 0;
  const counted = count?.read?.(run.stdout ?? '');
  if (counted) {
    passed += counted.passed;
    failed += counted.failed;
  } else if (ok) passed += 1;
  else failed += 1;
  if (run.error) console.error(`${name}: ${run.error.message}`);
  results.push(`${ok ? 'ok  ' : 'FAIL'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s${counted ? `, ${counted.passed} passed, ${counted.failed} failed` : ''})`);
}

step('build check', process.execPath, ['build.mjs', '--check']);
step('typecheck core', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
step('typecheck tests', bin('tsc'), ['--noEmit', '-p', 'Tests/TypeScript~/tsconfig.json']);

const vitestReport = join(root, '.tmp', 'vitest-report.json');
mkdirSync(dirname(vitestReport), { recursive: true });
rmSync(vitestReport, { force: true });
step('vitest', bin('vitest'), ['run', '--config', 'Tests/TypeScript~/vitest.config.mts', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`], {
  read: () => {
    if (!existsSync(vitestReport)) return undefined;
    const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
    return { passed: report.numPassedTests, failed: report.numFailedTests + (report.numFailedTestSuites ?? 0) };
  },
});

step('dotnet ring', process.execPath, ['Tools~/test-dotnet.mjs'], {
  capture: true,
  // dotnet test's summary: "Passed!  - Failed:     0, Passed:    52, Skipped:     0, Total:    52, ..."
  read: (out) => {
    const lines = [...out.matchAll(/Failed:\s+(\d+), Passed:\s+(\d+)/g)];
    if (!lines.length) return undefined;
    return lines.reduce((sum, m) => ({ passed: sum.passed + Number(m[2]), failed: sum.failed + Number(m[1]) }), { passed: 0, failed: 0 });
  },
});

console.log(`\n=== summary\n${results.join('\n')}`);
console.log(`Total: ${passed} passed, ${failed} failed`);
process.exit(results.some((r) => r.startsWith('FAIL')) ? 1 : 0);
