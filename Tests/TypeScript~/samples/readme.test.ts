// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// The README's TypeScript example, run as written against the local emulator: the bundle as a plain ES module with
// the Web SDK's API, in Node with its global fetch. docs.mjs copies the region into the README.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as bundle from '../../../Runtime/Resources/PlayloomAppwrite/appwrite.mjs';
import { startEmulator } from '../../../Tools~/emulator/index.mjs';

// The committed bundle, typed by the sources it is built from (its methods come from a descriptor table).
const { Account, Client, ID } = bundle as unknown as typeof import('../../../Runtime/TypeScript~/src/index.js');

describe('README: TypeScript / Node', () => {
  let emulator: { url: string; close(): Promise<void> };
  let endpoint: string;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    endpoint = emulator.url;
  });

  afterAll(() => emulator.close());

  it('signs in the mock number with the Web SDK calls', async () => {
    // #region typescript
    const client = new Client().setEndpoint(endpoint).setProject('demo-project');
    const account = new Account(client);
    const token = await account.createPhoneToken({ userId: ID.unique(), phone: '+15555550100' });
    const session = await account.createSession({ userId: token.userId, secret: '123456' });
    const user = await account.get();
    console.log(`Signed in as ${user.$id} (${user.phone}), session ${session.$id}`);
    // #endregion
    expect(user.$id).toBe(token.userId);
    expect(user.phone).toBe('+15555550100');
    expect(session.userId).toBe(user.$id);
  });
});
