// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// `npm run demo`: the phone-login sample's flow, headless. Starts a fresh local emulator, then drives the committed
// bundle through the bridge contract with a Node host, exactly as the Unity Client does from C#:
// send code → read code → create session → get user → sign out.
//   npm run demo                        mock number +15555550100 (fixed code 123456, no SMS)
//   npm run demo -- --phone +14155550123   any number: the code is read from the emulator's outbox
//   npm run demo -- --endpoint http://127.0.0.1:8787/v1 --project demo-project   against a running emulator

import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createNodeHost, invokeAsync } from '../node-host.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: args } = parseArgs({
  options: { phone: { type: 'string', default: '+15555550100' }, endpoint: { type: 'string' }, project: { type: 'string', default: 'demo-project' } },
});
const MOCK_CODES = { '+15555550100': '123456' };

const step = (n, text) => console.log(`\n[${n}] ${text}`);
const show = (label, value) => console.log(`    ${label.padEnd(14)} ${value}`);

let emulator;
let endpoint = args.endpoint;
if (!endpoint) {
  const { startEmulator } = await import(pathToFileURL(join(root, 'Tools~/emulator/index.mjs')).href);
  emulator = await startEmulator({ port: 0, quiet: true, projects: [args.project] });
  endpoint = emulator.url;
}

let failed = false;
try {
  const bridge = await import(pathToFileURL(join(root, 'Runtime/Resources/PlayloomAppwrite/appwrite.mjs')).href);
  const events = [];
  const { host } = createNodeHost({ onEmit: (event, payload) => event !== 'request' && events.push(`${event} ${JSON.stringify(payload)}`) });
  const call = async (method, params, service = 'account') => {
    const result = await invokeAsync(bridge, handle, `demo-${method}`, service, method, { params });
    if (!result.ok) {
      const error = JSON.parse(result.text);
      throw new Error(`${service}.${method} failed: ${error.message} (code ${error.code}, type ${error.type})`);
    }
    return result.text;
  };

  step(1, `Client for ${endpoint}, project ${args.project} (bridge ${bridge.bridgeVersion})`);
  const handle = bridge.createClient(JSON.stringify({ endpoint, project: args.project }), host);
  if (handle.startsWith('{')) throw new Error(`createClient failed: ${handle}`);
  show('ping', await call('ping', {}, 'client'));

  step(2, `CreatePhoneToken(userId: "unique()", phone: "${args.phone}")`);
  const token = JSON.parse(await call('createPhoneToken', { userId: 'unique()', phone: args.phone }));
  show('token.userId', token.userId);
  show('token.expire', token.expire);
  show('token.secret', JSON.stringify(token.secret) + '  (always empty for clients: the code travels by SMS)');

  step(3, 'Read the code the player received');
  let code = MOCK_CODES[args.phone];
  if (code) show('code', `${code}  (mock number: fixed code, no SMS sent)`);
  else {
    const outbox = await (await fetch(new URL('/_emulator/messages', endpoint))).json();
    const message = outbox.messages.filter((m) => m.channel === 'sms' && m.to === args.phone).at(-1);
    if (!message) throw new Error(`no SMS for ${args.phone} in the emulator outbox`);
    code = message.secret;
    show('code', `${code}  (from GET /_emulator/messages, the emulator's SMS outbox)`);
  }

  step(4, 'CreateSessionAsync(userId, secret)');
  const session = JSON.parse(await call('createSession', { userId: token.userId, secret: code }));
  show('session.id', session.id);
  show('provider', session.provider);
  show('factors', session.factors.join(', '));

  step(5, 'GetAsync(): the signed-in user');
  const user = JSON.parse(await call('get', {}));
  show('user.id', user.id);
  show('phone', user.phone);
  show('verified', String(user.phoneVerification));
  show('registered', user.registration);

  step(6, 'DeleteSessionAsync("current"): sign out');
  await call('deleteSession', { sessionId: 'current' });
  show('session', (await call('getSession', {}, 'client')));

  step(7, 'Events the Client raised (C# gets the same through the bridge)');
  for (const e of events) console.log(`    ${e}`);
  console.log(`\nSigned in as ${user.id} (${user.phone}) and out again.`);
} catch (error) {
  failed = true;
  console.error(`\nDemo failed: ${error.message}`);
} finally {
  await emulator?.close();
}
process.exit(failed ? 1 : 0);
