// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Benchmark of the C# shell in the .NET ring: time and managed bytes allocated per Account.GetAsync against a
// loopback server, split into transport, the C# shell's own work, and the script engine with its bridge, next to a
// raw HttpClient GET + JsonUtility parse measured in the same run. Prints the table; asserts nothing about speed.
//
//   node Tools~/bench/dotnet.mjs

import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const project = join(root, 'Tests', 'DotNet~', 'Ring', 'Playloom.Appwrite.Tests.csproj');

const run = spawnSync('dotnet', ['test', project, '-c', 'Release', '--nologo', '--filter', 'TestCategory=Benchmark', '--logger', 'console;verbosity=normal'], {
  cwd: root,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
  env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' },
});
if (run.error) {
  console.error(`bench/dotnet: could not run dotnet (${run.error.message}); install the .NET SDK 10 (see Tools~/test-dotnet.mjs).`);
  process.exit(1);
}
const lines = `${run.stdout}\n${run.stderr}`.split('\n');
const table = lines.filter((l) => l.startsWith('[bench]')).map((l) => l.slice(8));
if (run.status !== 0 || table.length === 0) {
  console.error(lines.filter((l) => /error|Failed|Exception/.test(l)).join('\n') || `${run.stdout}\n${run.stderr}`);
  process.exit(run.status || 1);
}
console.log(table.join('\n'));
