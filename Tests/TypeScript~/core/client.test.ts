// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account, AppwriteException, Client, defaultRetryPolicy } from '../../../Runtime/TypeScript~/src/index.js';
import { retryDelay } from '../../../Runtime/TypeScript~/src/core/retry.js';
import { appwriteError, json, startRecorder } from '../helpers/recording-server.js';

let server: Awaited<ReturnType<typeof startRecorder>>;
beforeAll(async () => (server = await startRecorder()));
afterAll(() => server.close());

describe('Client setters', () => {
  it('validates endpoints and derives the realtime one', () => {
    const c = new Client();
    expect(c.setEndpoint('https://fra.cloud.appwrite.io/v1/').config).toMatchObject({ endpoint: 'https://fra.cloud.appwrite.io/v1', endpointRealtime: 'wss://fra.cloud.appwrite.io/v1' });
    expect(c.setEndpoint('http://127.0.0.1:8787/v1').config.endpointRealtime).toBe('ws://127.0.0.1:8787/v1');
    expect(c.setEndpointRealtime('wss://rt.example.com/v1').config.endpointRealtime).toBe('wss://rt.example.com/v1');
    for (const bad of ['', 'cloud.appwrite.io/v1', 'ftp://x/v1', 'https://', 42]) {
      expect(() => c.setEndpoint(bad as string)).toThrow(AppwriteException);
    }
    expect(() => c.setEndpointRealtime('https://x/v1')).toThrow(/ws:\/\/ or wss:\/\//);
  });

  it('sets and clears the auth and locale headers', () => {
    const c = new Client().setJWT('j').setSession('s').setLocale('fr').setDevKey('d');
    expect(c.getHeaders()).toMatchObject({ 'X-Appwrite-JWT': 'j', 'X-Appwrite-Session': 's', 'X-Appwrite-Locale': 'fr', 'X-Appwrite-Dev-Key': 'd', 'X-Appwrite-Response-Format': '1.9.5', 'x-sdk-platform': 'client' });
    c.setJWT('').setSession('').setDevKey('');
    expect(Object.keys(c.getHeaders())).not.toContain('X-Appwrite-JWT');
    expect(Object.keys(c.getHeaders())).not.toContain('X-Appwrite-Dev-Key');
    expect(() => c.setJWT(undefined as unknown as string)).toThrow(/expected a string/);
  });

  it('pings with the project header', async () => {
    server.respond((_r, res) => { res.writeHead(200, { 'content-type': 'text/plain' }); res.end('Pong!'); });
    const c = new Client().setEndpoint(server.url).setProject('demo-project');
    expect(await c.ping()).toBe('Pong!');
    const r = server.requests.at(-1)!;
    expect([r.method, r.path, r.headers['x-appwrite-project']]).toEqual(['GET', '/v1/ping', 'demo-project']);
  });
});

describe('retries', () => {
  it('retries idempotent calls on 503 and network errors, with retry events', async () => {
    let n = 0;
    server.respond((_r, res) => (++n < 3 ? appwriteError(res, 503, 'general_server_error', 'busy') : json(res, 200, { $id: 'u' })));
    const c = new Client({ retry: { baseDelayMs: 5, maxDelayMs: 20 } }).setEndpoint(server.url).setProject('p');
    const retries: unknown[] = [];
    c.on('retry', (e) => retries.push(e));
    await expect(new Account(c).get()).resolves.toMatchObject({ $id: 'u' });
    expect(n).toBe(3);
    expect(retries).toHaveLength(2);
  });

  it('never retries calls that send a message, nor 429s', async () => {
    let n = 0;
    server.respond((_r, res) => { n++; appwriteError(res, 503, 'general_server_error', 'busy'); });
    const c = new Client({ retry: { baseDelayMs: 1 } }).setEndpoint(server.url).setProject('p');
    await expect(new Account(c).createPhoneToken({ userId: 'unique()', phone: '+14255550123' })).rejects.toMatchObject({ code: 503 });
    expect(n).toBe(1);
    n = 0;
    server.respond((_r, res) => { n++; appwriteError(res, 429, 'general_rate_limit_exceeded', 'slow down'); });
    await expect(new Account(c).get()).rejects.toMatchObject({ code: 429 });
    expect(n).toBe(1);
  });

  it('stops at the limit and honours retry: false', async () => {
    let n = 0;
    server.respond((_r, res) => { n++; appwriteError(res, 500, 'general_server_error', 'down'); });
    const c = new Client({ retry: { baseDelayMs: 1, limit: 3 } }).setEndpoint(server.url).setProject('p');
    await expect(new Account(c).get()).rejects.toMatchObject({ code: 500 });
    expect(n).toBe(4);
    n = 0;
    await expect(new Account(c).get({}, { retry: false })).rejects.toMatchObject({ code: 500 });
    expect(n).toBe(1);
  });

  it('computes capped exponential delays with optional full jitter', () => {
    const p = { ...defaultRetryPolicy, jitter: 'none' as const };
    expect([1, 2, 3, 4, 5].map((a) => retryDelay(p, a, () => 0.5))).toEqual([300, 600, 1200, 2400, 4000]);
    expect(retryDelay(defaultRetryPolicy, 2, () => 0.5)).toBe(300);
  });
});

describe('events', () => {
  it('reports requests and errors, and survives throwing listeners', async () => {
    server.respond((_r, res) => appwriteError(res, 401, 'general_unauthorized_scope', 'User (role: guests) missing scopes (["account"])'));
    const logs: string[] = [];
    const c = new Client({ logger: (_l, m) => logs.push(m) }).setEndpoint(server.url).setProject('p');
    const seen: string[] = [];
    c.on('request', (e) => seen.push(`request ${e.method} ${e.path} ${e.status}`));
    c.on('error', (e) => seen.push(`error ${e.type}`));
    c.on('error', () => { throw new Error('listener bug'); });
    await expect(new Account(c).get()).rejects.toMatchObject({ type: 'general_unauthorized_scope' });
    expect(seen).toEqual(['request GET /account 401', 'error general_unauthorized_scope']);
    expect(logs.join()).toContain('listener bug');
  });

  it('logs X-Appwrite-Warning once', async () => {
    server.respond((_r, res) => json(res, 200, {}, { 'X-Appwrite-Warning': 'a;b' }));
    const logs: string[] = [];
    const c = new Client({ logger: (_l, m) => logs.push(m) }).setEndpoint(server.url).setProject('p');
    await new Account(c).get();
    await new Account(c).get();
    expect(logs).toEqual(['Appwrite warning: a', 'Appwrite warning: b']);
  });
});
