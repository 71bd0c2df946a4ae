// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// `npm run bench`: our bundle against the official Web SDK 26.2.0's Client+Account, bundled the same way
// (esbuild settings of build.mjs), measured in the same run on this machine:
//   1. bundle bytes (as built, and minified + gzip for reference)
//   2. evaluation time of the bundle in a fresh QuickJS context (median of many runs)
//   3. per-call time of account.get() over raw fetch against a loopback server (median of many calls)
// Loopback only; bounded loops; stops by itself.

import { build } from 'esbuild';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getQuickJS } from 'quickjs-emscripten';
import { BUNDLE_PATH, bundleOptions as baseOptions, stripComments } from '../codegen/bundle-options.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundleOptions = baseOptions(root);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n, digits = 1) => n.toFixed(digits);

// 1. Bundles
const ours = readFileSync(join(root, BUNDLE_PATH), 'utf8');
// The same surface on both sides: client, account, helpers, error and realtime.
const officialEntry = "export { Client, Account, ID, Query, AppwriteException, Realtime, Channel } from 'appwrite';";
// Comments stripped from the official sources too, as build.mjs strips ours.
const official = (await build({ ...bundleOptions, stdin: { contents: officialEntry, resolveDir: root, loader: 'js' }, plugins: [stripComments(/node_modules[\\/](appwrite|json-bigint|bignumber\.js)[\\/].*\.m?js$/)], write: false })).outputFiles[0].text;
const minified = async (text) => (await build({ ...bundleOptions, stdin: { contents: text, resolveDir: root, loader: 'js' }, minify: true, write: false })).outputFiles[0].text;
const [oursMin, officialMin] = [await minified(ours), await minified(official)];
const size = (t) => Buffer.byteLength(t);
console.log('bundle bytes                      ours      official   ours/official');
console.log(`  as built (unminified, esm)  ${String(size(ours)).padStart(9)} ${String(size(official)).padStart(12)}   ${fmt(size(ours) / size(official), 3)}`);
console.log(`  minified                    ${String(size(oursMin)).padStart(9)} ${String(size(officialMin)).padStart(12)}   ${fmt(size(oursMin) / size(officialMin), 3)}`);
console.log(`  minified + gzip             ${String(gzipSync(oursMin).length).padStart(9)} ${String(gzipSync(officialMin).length).padStart(12)}   ${fmt(gzipSync(oursMin).length / gzipSync(officialMin).length, 3)}`);

// 2. QuickJS evaluation: a fresh context per run, so each run parses and evaluates the whole module.
const QuickJS = await getQuickJS();
function evalTimes(code, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const vm = QuickJS.newContext();
    // The official bundle reads `window`/timers only inside functions; evaluation needs nothing.
    const started = performance.now();
    const result = vm.evalCode(code, 'bundle.mjs', { type: 'module' });
    times.push(performance.now() - started);
    if (result.error) throw new Error(`evaluation failed: ${JSON.stringify(vm.dump(result.error))}`);
    result.value.dispose();
    vm.dispose();
  }
  return times;
}
evalTimes(ours, 3);
evalTimes(official, 3); // warm up the WASM engine
const RUNS = 25;
const oursEval = median(evalTimes(ours, RUNS));
const officialEval = median(evalTimes(official, RUNS));
console.log(`\nQuickJS evaluation (median of ${RUNS}, ms)  ours ${fmt(oursEval, 2)}   official ${fmt(officialEval, 2)}   ours/official ${fmt(oursEval / officialEval, 3)}`);

// 3. Per-call cost on loopback: the same GET /v1/account answered by the same server.
const body = JSON.stringify({ $id: 'u1', name: 'Ada', prefs: {}, targets: [], labels: [] });
const server = http.createServer((req, res) => { req.resume(); req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(body); }); });
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const endpoint = `http://127.0.0.1:${server.address().port}/v1`;
const sdk = await import(join(root, BUNDLE_PATH));
const officialSdk = await import('appwrite');
const oursAccount = new sdk.Account(new sdk.Client().setEndpoint(endpoint).setProject('bench'));
const officialAccount = new officialSdk.Account(new officialSdk.Client().setEndpoint(endpoint).setProject('bench'));
const rawHeaders = { 'X-Appwrite-Project': 'bench', accept: 'application/json', 'X-Appwrite-Response-Format': '1.9.5' };
const variants = {
  'raw fetch + JSON.parse': async () => JSON.parse(await (await fetch(`${endpoint}/account`, { headers: rawHeaders })).text()),
  'official account.get()': () => officialAccount.get(),
  'ours account.get()': () => oursAccount.get(),
};
const CALLS = 3000;
// Interleave call by call (raw, official, ours, raw, ...) so that noise and GC hit every variant alike.
const entries = Object.entries(variants);
for (let i = 0; i < 300; i++) for (const [, call] of entries) await call();
const samples = Object.fromEntries(entries.map(([name]) => [name, []]));
for (let i = 0; i < CALLS; i++) {
  for (const [name, call] of entries) {
    const started = performance.now();
    await call();
    samples[name].push(performance.now() - started);
  }
}
const perCall = Object.fromEntries(entries.map(([name]) => [name, median(samples[name]) * 1000]));

server.close();
// Overhead = median of the paired differences (variant minus the raw call of the same iteration), with a 95 %
// bootstrap interval: an interval that contains 0 means no cost measurable on this machine.
const rawSamples = samples['raw fetch + JSON.parse'];
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
function pairedOverhead(xs) {
  const diffs = xs.map((x, i) => (x - rawSamples[i]) * 1000);
  const boot = [];
  for (let b = 0; b < 400; b++) boot.push(median(Array.from({ length: diffs.length }, () => diffs[Math.floor(random() * diffs.length)])));
  boot.sort((a, b) => a - b);
  return { median: median(diffs), low: boot[10], high: boot[389] };
}
console.log(`\nper call, loopback GET /v1/account, interleaved call by call (${CALLS} each, µs)`);
console.log(`  ${'variant'.padEnd(26)} ${'median'.padStart(8)}   overhead over raw: median of paired differences [95 % interval]`);
for (const [name, us] of Object.entries(perCall)) {
  const o = name === 'raw fetch + JSON.parse' ? undefined : pairedOverhead(samples[name]);
  console.log(`  ${name.padEnd(26)} ${fmt(us).padStart(8)}   ${o ? `${fmt(o.median).padStart(6)} [${fmt(o.low)}, ${fmt(o.high)}]` : '(baseline)'}`);
}

// 4. The SDK's own cost without a network: the same call through an in-memory transport (ours) or fetch stub
// (official), answered synchronously, so only the SDK's code is timed.
const answer = { status: 200, headers: { 'content-type': 'application/json' }, body };
const memoryClient = new sdk.Client({ transport: { send: async () => answer } }).setEndpoint(endpoint).setProject('bench');
const memoryAccount = new sdk.Account(memoryClient);
const realFetch = globalThis.fetch;
const stubResponse = () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
const inProcess = { 'ours, in-memory transport': () => memoryAccount.get(), 'official, stubbed fetch': () => officialAccount.get(), 'stubbed fetch alone': () => fetch(endpoint).then((r) => r.text()).then(JSON.parse) };
globalThis.fetch = async () => stubResponse();
const inProcessSamples = Object.fromEntries(Object.keys(inProcess).map((n) => [n, []]));
for (let i = 0; i < 20000; i++) {
  for (const [name, call] of Object.entries(inProcess)) {
    const started = performance.now();
    await call();
    if (i >= 2000) inProcessSamples[name].push(performance.now() - started);
  }
}
globalThis.fetch = realFetch;
console.log('\nSDK code alone, no network (median of 18000, µs)');
for (const [name, xs] of Object.entries(inProcessSamples)) console.log(`  ${name.padEnd(26)} ${fmt(median(xs) * 1000, 2).padStart(8)}`);

