// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Checks the bundle as a classic script (what C#'s ClassicBundle.Wrap makes for WebGL players, which run it with
// Puerts' Eval, the browser's indirect eval) against the ES module it came from:
//   node classic-check.mjs <appwrite.mjs> <appwrite.js>
// It evaluates the script (not as a module) in a fresh Node vm context holding only ES built-ins and timers, and in
// QuickJS in global (script) mode, then prints one JSON line with what each engine exposes; the ring asserts on it.

import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { getQuickJS } from 'quickjs-emscripten';

const [esmPath, classicPath] = process.argv.slice(2);
const esm = await import(pathToFileURL(esmPath).href);
const text = readFileSync(classicPath, 'utf8');
const out = { esmExports: Object.keys(esm).sort(), esmVersion: esm.bridgeVersion };

// Node vm: script mode, a context without Node's globals (no WebSocket, fetch, process, Buffer).
const context = vm.createContext({ setTimeout, clearTimeout });
new vm.Script(text, { filename: 'PlayloomAppwrite/appwrite.js' }).runInContext(context);
const api = context.__playloomAppwrite;
out.vmExports = Object.keys(api ?? {}).sort();
out.vmVersion = api?.bridgeVersion;
new vm.Script(text).runInContext(context);
out.vmReusedOnSecondEval = context.__playloomAppwrite === api;
out.vmLeakedGlobals = Object.keys(context).filter((k) => !['setTimeout', 'clearTimeout', '__playloomAppwrite'].includes(k));
// Drive the contract through the classic form: a client, a call over a host `http`, and subscribe without a socket.
const handle = api.createClient(JSON.stringify({ endpoint: 'https://example.test/v1', project: 'p' }), {
  http: (requestJson, done) => done(JSON.stringify({ status: 200, headers: { 'content-type': 'text/plain' }, body: 'Pong!' })),
});
out.vmHandle = handle;
out.vmPing = await new Promise((resolve) => api.invoke(handle, 'c1', 'client', 'ping', '{}', resolve, (e) => resolve(`rejected ${e}`)));
out.vmSubscribeWithoutSocket = JSON.parse(api.subscribe(handle, 's1', '["account"]', '', () => {})).type;

// QuickJS (a Puerts backend), global mode.
const QuickJS = await getQuickJS();
const q = QuickJS.newContext();
const noop = q.newFunction('setTimeout', () => q.newNumber(0));
q.setProp(q.global, 'setTimeout', noop);
q.setProp(q.global, 'clearTimeout', noop);
noop.dispose();
const evaluated = q.evalCode(text, 'PlayloomAppwrite/appwrite.js', { type: 'global' });
if (evaluated.error) {
  out.quickjsError = q.dump(evaluated.error);
  evaluated.error.dispose();
} else {
  evaluated.value.dispose();
  const read = (code) => q.dump(q.unwrapResult(q.evalCode(code)));
  out.quickjsExports = read('Object.keys(globalThis.__playloomAppwrite).sort()');
  out.quickjsVersion = read('globalThis.__playloomAppwrite.bridgeVersion');
  out.quickjsHandle = read(`globalThis.__playloomAppwrite.createClient('{"project":"p"}', {})`);
  out.quickjsExportTypes = read('Object.values(globalThis.__playloomAppwrite).map((v) => typeof v).join(",")');
}
// No q.dispose(): the bundle's client keeps objects alive, and QuickJS asserts on a runtime freed with live objects.
process.stdout.write(JSON.stringify(out) + '\n');
process.exit(0);
