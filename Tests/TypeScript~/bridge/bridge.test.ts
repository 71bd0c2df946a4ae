// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// The bridge exports of the committed bundle, driven as C# drives them: strings in, strings out, callbacks.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as bridge from '../../../Runtime/Resources/PlayloomAppwrite/appwrite.mjs';
import { cookieValue, json, startRecorder } from '../helpers/recording-server.js';
import { createNodeHost, invokeAsync } from '../helpers/node-host.js';

let server: Awaited<ReturnType<typeof startRecorder>>;
const SECRET = 'bridge-secret-91';
const user = {
  $id: 'u1', $createdAt: '2026-01-01T00:00:00.000+00:00', $updatedAt: '2026-01-01T00:00:00.000+00:00', name: 'Ada',
  registration: '2026-01-01T00:00:00.000+00:00', status: true, labels: ['vip'], passwordUpdate: '', email: '', phone: '+15555550100',
  emailVerification: false, emailCanonical: null, emailIsFree: null, emailIsDisposable: true, emailIsCorporate: false, emailIsCanonical: null,
  phoneVerification: true, mfa: false, prefs: { theme: 'dark', nested: { a: [1] } },
  targets: [{ $id: 't1', $createdAt: 'x', $updatedAt: 'x', name: '', userId: 'u1', providerId: null, providerType: 'sms', identifier: '+15555550100', expired: false }],
  accessedAt: '2026-01-01T00:00:00.000+00:00', impersonator: false, impersonatorUserId: null,
};

beforeAll(async () => {
  server = await startRecorder((req, res) => {
    if (req.path === '/v1/account/tokens/phone') return json(res, 201, { $id: 'tok', $createdAt: 'x', userId: 'u1', secret: '', expire: 'x', phrase: '' });
    if (req.path === '/v1/account/sessions/token') {
      return json(res, 201, { $id: 's1', userId: 'u1', provider: 'phone', current: true, factors: ['phone'], secret: '' }, { 'X-Fallback-Cookies': JSON.stringify({ a_session_demo: cookieValue('u1', SECRET) }) });
    }
    if (req.path === '/v1/account') return json(res, 200, user);
    if (req.path === '/v1/account/prefs') return json(res, 200, { theme: 'dark' });
    if (req.path === '/v1/account/sessions') { res.writeHead(204); return res.end(); }
    if (req.path === '/v1/account/logs') return json(res, 200, { total: 'many', logs: [] });
    if (req.path === '/v1/account/mfa/factors') { /* never answers */ return; }
    json(res, 404, { message: 'Route not found.', code: 404, type: 'general_route_not_found', version: '1.9.6' });
  });
});
afterAll(() => server.close());

function newClient(extra: Record<string, unknown> = {}) {
  const h = createNodeHost();
  const handle = bridge.createClient(JSON.stringify({ endpoint: server.url, project: 'demo', ...extra }), h.host);
  expect(handle).toMatch(/^h\d+$/);
  return { ...h, handle };
}

describe('bridge', () => {
  it('exports the contract and its version', () => {
    expect(bridge.bridgeVersion).toBe('1.1');
    for (const name of ['createClient', 'configure', 'invoke', 'cancel', 'disposeClient']) expect(typeof (bridge as Record<string, unknown>)[name]).toBe('function');
  });

  it('runs the phone login and projects models for JsonUtility', async () => {
    const c = newClient();
    const token = await invokeAsync(bridge, c.handle, 'c1', 'account', 'createPhoneToken', { params: { userId: 'unique()', phone: '+15555550100' } });
    expect(token.ok).toBe(true);
    expect(token.sync).toBe(false);
    expect(JSON.parse(token.text)).toEqual({ id: 'tok', createdAt: 'x', userId: 'u1', secret: '', expire: 'x', phrase: '' });

    const session = await invokeAsync(bridge, c.handle, 'c2', 'account', 'createSession', { params: { userId: 'u1', secret: '123456' } });
    expect(JSON.parse(session.text)).toMatchObject({ id: 's1', userId: 'u1', provider: 'phone', current: true, factors: ['phone'], countryCode: '' });
    expect([...c.storage.values()][0]).toContain(cookieValue('u1', SECRET));

    const me = await invokeAsync(bridge, c.handle, 'c3', 'account', 'get', {});
    const projected = JSON.parse(me.text);
    expect(projected).toMatchObject({ id: 'u1', name: 'Ada', labels: ['vip'], emailCanonical: '', emailIsFree: -1, emailIsDisposable: 1, emailIsCorporate: 0, impersonator: 0, impersonatorUserId: '' });
    expect(JSON.parse(projected.prefs)).toEqual({ theme: 'dark', nested: { a: [1] } });
    expect(projected.targets[0]).toEqual({ id: 't1', createdAt: 'x', updatedAt: 'x', name: '', userId: 'u1', providerId: '', providerType: 'sms', identifier: '+15555550100', expired: false });
    expect(server.requests.at(-1)!.headers['x-fallback-cookies']).toContain(cookieValue('u1', SECRET));

    const events = c.emitted.map((e) => e.event).filter((e) => e !== 'request');
    expect(events).toEqual(['sessionChanged', 'signedIn', 'stateChanged']);
    expect(c.emitted.find((e) => e.event === 'stateChanged')!.payload).toEqual({ state: 'signedIn', previous: 'signedOut', userId: 'u1' });
    expect(JSON.stringify(c.emitted) + JSON.stringify(c.logs)).not.toContain(SECRET);
  });

  it('returns raw prefs, empty text for 204, raw URLs and ping text', async () => {
    const c = newClient();
    expect((await invokeAsync(bridge, c.handle, 'p', 'account', 'getPrefs', {})).text).toBe('{"theme":"dark"}');
    expect(await invokeAsync(bridge, c.handle, 'd', 'account', 'deleteSessions', {})).toMatchObject({ ok: true, text: '' });
    const url = await invokeAsync(bridge, c.handle, 'o', 'account', 'createOAuth2Token', { params: { provider: 'github' } });
    expect(url.text).toBe(`${server.url}/account/tokens/oauth2/github?project=demo`);
    const session = await invokeAsync(bridge, c.handle, 's', 'client', 'getSession', {});
    expect(JSON.parse(session.text)).toEqual({ signedIn: false, userId: null, state: 'signedOut' });
  });

  it('rejects a response field of the wrong type instead of binding garbage', async () => {
    const c = newClient();
    const r = await invokeAsync(bridge, c.handle, 'l', 'account', 'listLogs', {});
    expect(r.ok).toBe(false);
    expect(JSON.parse(r.text)).toMatchObject({ name: 'AppwriteException', type: 'client_malformed_response' });
    expect(JSON.parse(r.text).message).toBe('account.listLogs returned an unexpected body. The response does not match its model: logList.total is not an integer.');
  });

  it('cancels a call and aborts its HTTP request', async () => {
    const c = newClient();
    const pending = invokeAsync(bridge, c.handle, 'slow', 'account', 'listMFAFactors', {});
    await new Promise((r) => setTimeout(r, 30));
    bridge.cancel(c.handle, 'slow');
    const r = await pending;
    expect(JSON.parse(r.text).type).toBe('client_cancelled');
    expect(c.aborted).toHaveLength(1);
  });

  it('dispose cancels pending calls; later calls report the unknown handle', async () => {
    const c = newClient();
    const pending = invokeAsync(bridge, c.handle, 'slow', 'account', 'listMFAFactors', {});
    await new Promise((r) => setTimeout(r, 30));
    bridge.disposeClient(c.handle);
    expect(JSON.parse((await pending).text).type).toBe('client_cancelled');
    const after = await invokeAsync(bridge, c.handle, 'x', 'account', 'get', {});
    expect(JSON.parse(after.text).type).toBe('client_not_configured');
  });

  it('applies per-call timeouts from argsJson', async () => {
    const c = newClient();
    const r = await invokeAsync(bridge, c.handle, 't', 'account', 'listMFAFactors', { options: { timeoutMs: 100 } });
    expect(JSON.parse(r.text).type).toBe('client_timeout');
  });

  it('reports bad input as error JSON, never by throwing', async () => {
    const c = newClient();
    expect(JSON.parse(bridge.configure(c.handle, 'endpoint', 'not-a-url')).type).toBe('general_argument_invalid');
    expect(JSON.parse(bridge.configure(c.handle, 'nope', 'x')).type).toBe('client_bridge_error');
    expect(JSON.parse(bridge.configure('h999', 'project', 'x')).type).toBe('client_not_configured');
    expect(bridge.configure(c.handle, 'timeoutMs', '5000')).toBe('');
    expect(JSON.parse(bridge.createClient('{oops', {})).type).toBe('client_bridge_error');
    expect(JSON.parse((await invokeAsync(bridge, c.handle, 'a', 'account', 'nope', {})).text).type).toBe('client_bridge_error');
    expect(JSON.parse((await invokeAsync(bridge, c.handle, 'b', 'account', 'get', '[1]')).text).type).toBe('client_bridge_error');
    expect(JSON.parse((await invokeAsync(bridge, c.handle, 'c', 'account', 'toString', {})).text).type).toBe('client_bridge_error');
    const invalid = await invokeAsync(bridge, c.handle, 'd', 'account', 'createPhoneToken', { params: { userId: 'unique()', phone: '12' } });
    expect(JSON.parse(invalid.text)).toMatchObject({ type: 'general_argument_invalid', code: 0 });
  });

  it('accepts C#-style delegates (objects with Invoke) for callbacks and host members', async () => {
    const h = createNodeHost();
    const delegateHost = Object.fromEntries(Object.entries(h.host).map(([k, f]) => [k, { Invoke: f }]));
    const handle = bridge.createClient(JSON.stringify({ endpoint: server.url, project: 'demo' }), delegateHost);
    const text = await new Promise<string>((resolve, reject) =>
      bridge.invoke(handle, 'x', 'account', 'createPhoneToken', JSON.stringify({ params: { userId: 'unique()', phone: '+15555550100' } }), { Invoke: resolve }, { Invoke: reject }));
    expect(JSON.parse(text).id).toBe('tok');
  });
});

describe('bridge projection edge cases', () => {
  it('maps PHP-style empty prefs ([]) to {} for JsonUtility', async () => {
    const { projectModel } = await import('../../../Runtime/TypeScript~/src/bridge/projection.js');
    expect(projectModel('user', { $id: 'u', prefs: [] }).prefs).toBe('{}');
    expect(() => projectModel('user', { $id: 'u', prefs: [1] })).toThrow(/user\.prefs is not an object/);
  });
});
