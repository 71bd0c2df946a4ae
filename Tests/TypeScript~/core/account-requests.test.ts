// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Every Account method, called through the committed bundle with global fetch, must put on the wire the same request
// as the official Web SDK 26.2.0: method, path, query, JSON body, and the Appwrite headers.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as official from 'appwrite';
import * as bundle from '../../../Runtime/Resources/PlayloomAppwrite/appwrite.mjs';
import { accountMethods } from '../../../Runtime/TypeScript~/src/services/account.descriptors.js';
import { startRecorder, type RecordedRequest } from '../helpers/recording-server.js';
import { sampleParams } from '../helpers/samples.js';

// The bundle is plain JS; its types are those of the sources it was built from.
const ours = bundle as unknown as typeof import('../../../Runtime/TypeScript~/src/index.js');
let server: Awaited<ReturnType<typeof startRecorder>>;
beforeAll(async () => (server = await startRecorder()));
afterAll(() => server.close());

type AnyAccount = Record<string, (params?: unknown, options?: unknown) => unknown>;

function wire(r: RecordedRequest) {
  const h = r.headers;
  return {
    method: r.method,
    path: r.path,
    query: r.query,
    body: r.body === '' ? undefined : JSON.parse(r.body),
    project: h['x-appwrite-project'],
    responseFormat: h['x-appwrite-response-format'],
    contentType: h['content-type'],
    accept: h['accept'],
    jwt: h['x-appwrite-jwt'],
    session: h['x-appwrite-session'],
    locale: h['x-appwrite-locale'],
  };
}

async function capture(call: () => unknown): Promise<RecordedRequest> {
  const before = server.requests.length;
  await call();
  expect(server.requests.length).toBe(before + 1);
  return server.requests[before]!;
}

const names = Object.keys(accountMethods);

describe('Account requests match the official Web SDK 26.2.0', () => {
  it('covers all 58 methods', () => {
    expect(names).toHaveLength(58);
    const officialMethods = Object.getOwnPropertyNames(official.Account.prototype).filter((n) => n !== 'constructor');
    expect(names.sort()).toEqual(officialMethods.sort());
  });

  for (const name of names) {
    const d = accountMethods[name]!;
    for (const which of ['all', 'required'] as const) {
      if (which === 'required' && d.params.every((p) => p.required)) continue;
      it(`${name} (${which} params)`, async () => {
        const params = sampleParams(d, which);
        const oc = new official.Client().setEndpoint(server.url).setProject('demo-project').setLocale('fr').setJWT('jwt-value').setSession('c2Vzc2lvbg==');
        const uc = new ours.Client().setEndpoint(server.url).setProject('demo-project').setLocale('fr').setJWT('jwt-value').setSession('c2Vzc2lvbg==');
        const oa = new official.Account(oc) as unknown as AnyAccount;
        const ua = new ours.Account(uc) as unknown as AnyAccount;
        if (d.model === 'url') {
          expect(ua[name]!(params)).toBe(oa[name]!(params));
          return;
        }
        const theirs = await capture(() => oa[name]!(params));
        const mine = await capture(() => ua[name]!(params, { retry: false }));
        expect(wire(mine)).toEqual(wire(theirs));
      });
    }
  }
});

describe('Account requests (literal expectations)', () => {
  it('createPhoneToken posts userId and phone as JSON', async () => {
    const account = new ours.Account(new ours.Client().setEndpoint(server.url).setProject('demo-project'));
    const r = await capture(() => account.createPhoneToken({ userId: 'unique()', phone: '+14255550123' }));
    expect(r.method).toBe('POST');
    expect(r.path).toBe('/v1/account/tokens/phone');
    expect(JSON.parse(r.body)).toEqual({ userId: 'unique()', phone: '+14255550123' });
    expect(r.headers['content-type']).toBe('application/json');
    expect(r.headers['x-appwrite-project']).toBe('demo-project');
    expect(r.headers['x-appwrite-response-format']).toBe('1.9.5');
    expect(r.headers['x-sdk-platform']).toBe('client');
    expect(r.headers['x-sdk-name']).toBe('Playloom Unity');
  });

  it('listLogs indexes queries and sends booleans as true/false', async () => {
    const account = new ours.Account(new ours.Client().setEndpoint(server.url).setProject('demo-project'));
    const r = await capture(() => account.listLogs({ queries: [ours.Query.limit(25), ours.Query.offset(0)], total: false }));
    expect(r.method).toBe('GET');
    expect(r.body).toBe('');
    expect(r.headers['content-type']).toBeUndefined();
    expect(decodeURIComponent(r.query.replace(/\+/g, ' '))).toBe('queries[0]={"method":"limit","values":[25]}&queries[1]={"method":"offset","values":[0]}&total=false');
  });

  it('encodes path parameters', async () => {
    const account = new ours.Account(new ours.Client().setEndpoint(server.url).setProject('demo-project'));
    const r = await capture(() => account.getSession({ sessionId: 'current' }));
    expect(r.path).toBe('/v1/account/sessions/current');
  });

  it('sends an empty JSON object for bodiless non-GET calls, DELETE included', async () => {
    const account = new ours.Account(new ours.Client().setEndpoint(server.url).setProject('demo-project'));
    const r = await capture(() => account.deleteSessions());
    expect(r.method).toBe('DELETE');
    expect(r.body).toBe('{}');
  });

  it('builds OAuth2 URLs with success, failure, scopes[i] and project', () => {
    const account = new ours.Account(new ours.Client().setEndpoint('https://cloud.appwrite.io/v1').setProject('demo-project'));
    expect(account.createOAuth2Token({ provider: 'google', success: 'appwrite-callback-demo-project://auth', scopes: ['email', 'profile'] })).toBe(
      'https://cloud.appwrite.io/v1/account/tokens/oauth2/google?success=appwrite-callback-demo-project%3A%2F%2Fauth&scopes%5B0%5D=email&scopes%5B1%5D=profile&project=demo-project',
    );
  });
});
