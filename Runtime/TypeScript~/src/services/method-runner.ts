// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Turns a descriptor and a params object into a request: validate every parameter, place it in path, query or body,
// then hand it to the Client. Services stay this dumb; deadlines, retries and sessions live in the Client.

import { AppwriteException, ErrorType } from '../errors/appwrite-exception.js';
import type { CallOptions, Client } from '../core/client.js';
import { buildQueryString } from '../utils/form-encode.js';
import type { MethodDescriptor } from './account.descriptors.js';
import { validate } from './validators.js';

type Params = Record<string, unknown> | undefined;

const own = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

/**
 * Checks and sorts the parameters of one call.
 * @throws {AppwriteException} `general_argument_invalid` naming the method and parameter.
 */
export function prepare(service: string, d: MethodDescriptor, params: Params): { path: string; values: Record<string, unknown> } {
  const label = `${service}.${d.name}`;
  if (params !== undefined && params !== null && (typeof params !== 'object' || Array.isArray(params))) {
    throw new AppwriteException(`${label} takes one object of named parameters, e.g. ${label}({ ${d.params.map((p) => p.name).join(', ')} }).`, 0, ErrorType.argumentInvalid);
  }
  const given = (params ?? {}) as Record<string, unknown>;
  let path = d.path;
  const values: Record<string, unknown> = {};
  for (const p of d.params) {
    // Own properties only: a polluted Object.prototype must not inject parameters.
    const value = own(given, p.name) ? given[p.name] : undefined;
    if (value === undefined || (value === null && !p.required)) {
      if (p.required) throw new AppwriteException(`Missing required parameter "${p.name}" of ${label}.`, 0, ErrorType.argumentInvalid);
      // The official SDK sends an explicit null for an optional parameter, which the server then skips.
      if (value === null) values[p.name] = null;
      continue;
    }
    const expected = validate(p.rule, value);
    if (expected !== undefined) {
      throw new AppwriteException(`Invalid "${p.name}" param of ${label}: expected ${expected}.`, 0, ErrorType.argumentInvalid);
    }
    if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(String(value)));
    else values[p.name] = value;
  }
  return { path, values };
}

/** Runs one API method through the Client. */
export function run(client: Client, service: string, d: MethodDescriptor, params: Params, options?: CallOptions): Promise<unknown> {
  let prepared: ReturnType<typeof prepare>;
  try {
    prepared = prepare(service, d, params);
  } catch (error) {
    return Promise.reject(error);
  }
  return client.call(
    { label: `${service}.${d.name}`, method: d.verb, path: prepared.path, params: prepared.values, idempotent: d.idempotent === true, session: d.session },
    options,
  );
}

/**
 * Builds the browser URL of an OAuth2 method, as the official SDK does: success, failure, scopes[i], then project.
 * The app opens it; the server redirects back to `success` (with `userId` and `secret` for the token flow).
 */
export function oauthUrl(client: Client, service: string, d: MethodDescriptor, params: Params): string {
  const { path, values } = prepare(service, d, params);
  const { endpoint, project } = client.config;
  const query = buildQueryString({ ...values, project });
  return endpoint + path + (query ? '?' + query : '');
}
