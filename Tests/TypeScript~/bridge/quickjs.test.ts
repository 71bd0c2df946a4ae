// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// The committed bundle in QuickJS (Puerts ships it as a backend) with only the host contract: no fetch, no URL,
// no TextEncoder, no console, no Node. A full phone login runs through a fake host whose http goes to a loopback server.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieValue, json, startRecorder } from '../helpers/recording-server.js';
import { loadBundleInQuickJS } from '../helpers/quickjs-harness.js';

const BUNDLE = 'Runtime/Resources/PlayloomAppwrite/appwrite.mjs';
let server: Awaited<ReturnType<typeof startRecorder>>;
beforeAll(async () => {
  server = await startRecorder((req, res) => {
    if (req.path === '/v1/account/tokens/phone') return json(res, 201, { $id: 'tok', $createdAt: 'x', userId: 'u1', secret: '', expire: 'x', phrase: '' });
    if (req.path === '/v1/account/sessions/token') return json(res, 201, { $id: 's1', userId: 'u1', provider: 'phone' }, { 'X-Fallback-Cookies': JSON.stringify({ a_session_demo: cookieValue('u1', 'qjs-secret') }) });
    if (req.path === '/v1/account') return json(res, 200, { $id: 'u1', name: 'Ada', prefs: {}, targets: [], labels: [], status: true });
    if (req.path === '/v1/ping') { res.writeHead(200, { 'content-type': 'text/plain' }); return res.end('Pong!'); }
  });
});
afterAll(() => server.close());

function fakeHost() {
  const storage = new Map<string, string>();
  const events: string[] = [];
  const host = {
    http: (requestJson: string, done: unknown) => {
      const req = JSON.parse(requestJson);
      fetch(req.url, { method: req.method, headers: req.headers, body: req.body })
        .then(async (res) => {
          const headers: Record<string, string> = {};
          res.headers.forEach((v, k) => (headers[k] = v));
          (done as (t: string) => void)(JSON.stringify({ status: res.status, headers, body: await res.text() }));
        })
        .catch((e: Error) => (done as (t: string) => void)(JSON.stringify({ error: { kind: 'network', message: e.message } })));
    },
    httpAbort: () => {},
    storageGet: (key: string) => storage.get(key) ?? '',
    storageSet: (key: string, value: string) => void (value ? storage.set(key, value) : storage.delete(key)),
    emit: (event: string) => void events.push(event),
    log: () => {},
  };
  return { host, storage, events };
}

describe('bundle in QuickJS', () => {
  it('has no browser or Node globals to lean on', async () => {
    const q = await loadBundleInQuickJS(BUNDLE);
    try {
      for (const g of ['fetch', 'URL', 'URLSearchParams', 'TextEncoder', 'AbortController', 'atob', 'console', 'process', 'Buffer', 'window']) {
        expect(q.typeofGlobal(g), g).toBe('undefined');
      }
    } finally {
      q.dispose();
    }
  });

  it('runs createPhoneToken → createSession → get through the host contract', async () => {
    const q = await loadBundleInQuickJS(BUNDLE);
    const { host, storage, events } = fakeHost();
    try {
      const handle = q.callExport('createClient', [JSON.stringify({ endpoint: server.url, project: 'demo' }), host as never]);
      expect(handle).toMatch(/^h\d+$/);
      const call = (id: string, method: string, params: unknown) => new Promise<{ ok: boolean; text: string }>((resolve) => {
        q.callExport('invoke', [handle!, id, 'account', method, JSON.stringify({ params }), (text: string) => resolve({ ok: true, text }), (text: string) => resolve({ ok: false, text })]);
      });
      const token = await call('1', 'createPhoneToken', { userId: 'unique()', phone: '+15555550100' });
      expect(token.ok).toBe(true);
      expect(JSON.parse(token.text).userId).toBe('u1');
      const session = await call('2', 'createSession', { userId: 'u1', secret: '123456' });
      expect(JSON.parse(session.text)).toMatchObject({ id: 's1', provider: 'phone' });
      expect([...storage.values()][0]).toContain(cookieValue('u1', 'qjs-secret'));
      const user = await call('3', 'get', {});
      expect(JSON.parse(user.text)).toMatchObject({ id: 'u1', name: 'Ada', prefs: '{}' });
      expect(server.requests.at(-1)!.headers['x-fallback-cookies']).toContain(cookieValue('u1', 'qjs-secret'));
      expect(events).toContain('signedIn');
      const invalid = await call('4', 'createPhoneToken', { userId: 'unique()', phone: 'nope' });
      expect(JSON.parse(invalid.text).type).toBe('general_argument_invalid');
    } finally {
      q.dispose();
    }
  });

  it('times out with the host timers alone', async () => {
    const q = await loadBundleInQuickJS(BUNDLE);
    try {
      const silentHost = { ...fakeHost().host, http: () => {} };
      const handle = q.callExport('createClient', [JSON.stringify({ endpoint: server.url, project: 'demo', timeoutMs: 100 }), silentHost as never]);
      const result = await new Promise<string>((resolve) => q.callExport('invoke', [handle!, 't', 'account', 'get', '{}', resolve, resolve]));
      expect(JSON.parse(result).type).toBe('client_timeout');
    } finally {
      q.dispose();
    }
  });
});
