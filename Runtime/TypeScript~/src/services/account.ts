// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

import type { Client } from '../core/client.js';
import type { AccountMethods } from '../generated/account-methods.gen.js';
import { accountMethods } from './account.descriptors.js';
import { oauthUrl, run } from './method-runner.js';

const clients = new WeakMap<object, Client>();

/**
 * The Account service: sign-in (phone, email, magic URL, OAuth2, anonymous), sessions, MFA, prefs and the rest of
 * the 58 client methods, with the official Web SDK's names and object parameters.
 * @example
 * const account = new Account(client);
 * const token = await account.createPhoneToken({ userId: ID.unique(), phone: '+14255550123' });
 * const session = await account.createSession({ userId: token.userId, secret: '<CODE FROM SMS>' });
 */
export class Account {
  constructor(client: Client) {
    clients.set(this, client);
  }
}

// The methods come from the descriptor table; their types from the file generated from the same table.
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface Account extends AccountMethods {}

for (const d of Object.values(accountMethods)) {
  Object.defineProperty(Account.prototype, d.name, {
    configurable: true,
    writable: true,
    value: d.model === 'url'
      ? function (this: Account, params?: Record<string, unknown>) { return oauthUrl(clients.get(this)!, 'account', d, params); }
      : function (this: Account, params?: Record<string, unknown>, options?: never) { return run(clients.get(this)!, 'account', d, params, options); },
  });
}
