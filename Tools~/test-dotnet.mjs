// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Ring 3 of DESIGN.md section 7: builds every C# file of the package (Runtime, Editor, Tests, Samples, the seed
// examples, and the Runtime again with the Puerts defines) with C# 9 against the Unity API stand-ins, then runs the
// NUnit tests with the real bundle in Node. Needs the .NET SDK 10 (the test project targets net10.0) and Node 20+.
//
//   node Tools~/test-dotnet.mjs [extra dotnet test arguments, e.g. --filter PhoneLogin]
//
// Exits with dotnet's exit code. A missing .NET SDK is an error, never a skip.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const project = join(root, 'Tests', 'DotNet~', 'Ring', 'Playloom.Appwrite.Tests.csproj');

const INSTALL = `The .NET ring needs the .NET SDK (10.0; 'dotnet' on PATH) and it was not found.
Install it from https://dotnet.microsoft.com/download (or: Debian/Ubuntu 'sudo apt-get install dotnet-sdk-10.0',
macOS 'brew install --cask dotnet-sdk', Windows 'winget install Microsoft.DotNet.SDK.10'), then run this again.`;

const probe = spawnSync('dotnet', ['--list-sdks'], { encoding: 'utf8' });
if (probe.error || probe.status !== 0 || !/^\d+\./m.test(probe.stdout ?? '')) {
  console.error(`test-dotnet: ${INSTALL}`);
  if (probe.error) console.error(`(${probe.error.message})`);
  process.exit(1);
}
if (!existsSync(join(root, 'Runtime', 'Resources', 'PlayloomAppwrite', 'appwrite.mjs'))) {
  console.error('test-dotnet: the bundle Runtime/Resources/PlayloomAppwrite/appwrite.mjs is missing: run `node build.mjs` first.');
  process.exit(1);
}

// The benchmark is its own command (Tools~/bench/dotnet.mjs); leave it out unless the caller filters themselves.
const extra = process.argv.slice(2);
const filter = extra.some((a) => a === '--filter' || a.startsWith('--filter=')) ? [] : ['--filter', 'TestCategory!=Benchmark'];
if (existsSync(join(root, 'Tools~', 'emulator', 'cli.mjs')) && !existsSync(join(root, 'node_modules'))) {
  console.error('test-dotnet: the phone login runs against the local emulator, which needs the npm dependencies: run `npm ci` first.');
  process.exit(1);
}

const started = Date.now();
const run = spawnSync('dotnet', ['test', project, '-c', 'Release', '--nologo', ...filter, ...extra], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1', DOTNET_SKIP_FIRST_TIME_EXPERIENCE: '1' },
});
if (run.error) {
  console.error(`test-dotnet: could not run dotnet: ${run.error.message}`);
  process.exit(1);
}
console.log(`test-dotnet: ${run.status === 0 ? 'green' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(run.status ?? 1);
