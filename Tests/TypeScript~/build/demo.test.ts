// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// `npm run demo` as a new user runs it: a fresh emulator, the phone login through the bridge, the user printed.

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) => spawnSync(process.execPath, ['Tools~/demo/phone-login.mjs', ...args], { encoding: 'utf8', timeout: 30_000 });

describe('headless demo', () => {
  it('signs in the mock phone number and prints the user', () => {
    const result = run();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('code           123456  (mock number');
    expect(result.stdout).toMatch(/user\.id\s+[0-9a-f]{20}/);
    expect(result.stdout).toContain('phone          +15555550100');
    expect(result.stdout).toMatch(/Signed in as [0-9a-f]{20} \(\+15555550100\) and out again\./);
  });

  it('reads a real number\'s code from the outbox', () => {
    const result = run('--phone', '+14155550123');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/code\s+\d{6}\s+\(from GET \/_emulator\/messages/);
  });

  it('fails loudly when the server is unreachable', () => {
    const result = run('--endpoint', 'http://127.0.0.1:9/v1');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('client.ping failed');
  });
});
