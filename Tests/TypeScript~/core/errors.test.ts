// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Every failure becomes an AppwriteException with its own type: server JSON errors keep the server's message and
// type; error pages, broken bodies, refused connections, timeouts and cancellation get client types.

import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AbortHandle, Account, AppwriteException, Client, isAppwriteException } from '../../../Runtime/TypeScript~/src/index.js';
import { appwriteError, json, startRecorder } from '../helpers/recording-server.js';

let server: Awaited<ReturnType<typeof startRecorder>>;
beforeAll(async () => (server = await startRecorder()));
afterAll(() => server.close());

const make = (endpoint = server.url, timeoutMs?: number) => {
  const client = new Client({ timeoutMs, retry: { limit: 0 } }).setEndpoint(endpoint).setProject('demo-project');
  return { client, account: new Account(client) };
};
const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a failure'); }, (e: unknown) => e as AppwriteException);

describe('error mapping', () => {
  it('keeps the message, status, type and body of JSON 4xx errors', async () => {
    server.respond((_r, res) => appwriteError(res, 401, 'user_invalid_token', 'Invalid token passed in the request.'));
    const e = await failure(make().account.createSession({ userId: 'u1', secret: '000000' }));
    expect(e).toBeInstanceOf(AppwriteException);
    expect(isAppwriteException(e)).toBe(true);
    expect([e.message, e.code, e.type]).toEqual(['Invalid token passed in the request.', 401, 'user_invalid_token']);
    expect(JSON.parse(e.response).version).toBe('1.9.6');
  });

  it('keeps JSON 5xx errors', async () => {
    server.respond((_r, res) => appwriteError(res, 503, 'general_phone_disabled', 'Phone provider not configured'));
    const e = await failure(make().account.createPhoneToken({ userId: 'unique()', phone: '+14255550123' }));
    expect([e.code, e.type]).toEqual([503, 'general_phone_disabled']);
  });

  it('reports rate limits with the reset time', async () => {
    server.respond((_r, res) => appwriteError(res, 429, 'general_rate_limit_exceeded', 'Rate limit for the current endpoint has been exceeded.', {
      'x-ratelimit-limit': '10', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1900000000',
    }));
    const e = await failure(make().account.createPhoneToken({ userId: 'unique()', phone: '+14255550123' }));
    expect(e.type).toBe('general_rate_limit_exceeded');
    expect(e.rateLimit).toEqual({ limit: 10, remaining: 0, resetAt: 1_900_000_000_000 });
    expect(server.requests.filter((r) => r.path === '/v1/account/tokens/phone').length).toBeGreaterThan(0);
  });

  it('types HTML error pages as client_error_page', async () => {
    server.respond((_r, res) => { res.writeHead(502, { 'content-type': 'text/html' }); res.end('<html><body>502 Bad Gateway</body></html>'); });
    const e = await failure(make().account.get());
    expect([e.code, e.type]).toEqual([502, 'client_error_page']);
    expect(e.message).toContain('account.get (GET /account)');
    expect(e.response).toContain('502 Bad Gateway');
  });

  it('types truncated or garbage JSON as client_malformed_response', async () => {
    server.respond((_r, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"$id":"abc","name":"Ad'); });
    const e = await failure(make().account.get());
    expect([e.code, e.type]).toEqual([0, 'client_malformed_response']);
  });

  it('types a body cut off mid-transfer (fewer bytes than Content-Length) as a network error', async () => {
    server.respond((_r, res) => { res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' }); res.write('{"$id":"abc"'); setTimeout(() => res.destroy(), 10); });
    const e = await failure(make().account.get());
    expect(e.type).toBe('client_network_error');
  });

  it('rejects a captive-portal style 200 text/html answer', async () => {
    server.respond((_r, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end('<html>Sign in to the Wi-Fi</html>'); });
    const e = await failure(make().account.get());
    expect(e.type).toBe('client_malformed_response');
  });

  it('types refused connections as client_network_error', async () => {
    const port = await freePort();
    const e = await failure(make(`http://127.0.0.1:${port}/v1`).account.get());
    expect([e.code, e.type]).toEqual([0, 'client_network_error']);
    expect(e.message).toContain('ECONNREFUSED');
  });

  it('times out with the client default and with a per-call override', async () => {
    server.respond(() => { /* never answers */ });
    const e1 = await failure(make(server.url, 300).account.get());
    expect(e1.type).toBe('client_timeout');
    const e2 = await failure(make(server.url, 60_000).account.get({}, { timeoutMs: 200 }));
    expect(e2.type).toBe('client_timeout');
  });

  it('cancels with an AbortHandle and with a standard AbortSignal', async () => {
    server.respond(() => {});
    const handle = new AbortHandle();
    const pending = failure(make().account.get({}, { signal: handle.signal }));
    setTimeout(() => handle.abort(), 20);
    expect((await pending).type).toBe('client_cancelled');
    const controller = new AbortController();
    controller.abort();
    expect((await failure(make().account.get({}, { signal: controller.signal }))).type).toBe('client_cancelled');
  });

  it('cancels pending calls on dispose and refuses new ones', async () => {
    server.respond(() => {});
    const { client, account } = make();
    const pending = failure(account.get());
    await new Promise((r) => setTimeout(r, 20));
    client.dispose();
    expect((await pending).type).toBe('client_cancelled');
    expect((await failure(account.get())).type).toBe('client_not_configured');
  });

  it('needs a project', async () => {
    const e = await failure(new Account(new Client().setEndpoint(server.url)).get());
    expect(e.type).toBe('client_not_configured');
    expect(e.message).toContain("setProject('<PROJECT_ID>')");
  });

  it('serialises to plain data for the bridge', () => {
    const e = new AppwriteException('m', 401, 'user_invalid_token', '{}');
    expect(JSON.parse(JSON.stringify(e))).toEqual({ name: 'AppwriteException', message: 'm', code: 401, type: 'user_invalid_token', response: '{}' });
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}
void json;
