// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// The emulator as a user runs it: `node Tools~/emulator/cli.mjs` (what `npm start` runs), its banner and help, and
// `--data` persistence across a restart and across `kill -9`, with torn temp files ignored.

import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rawClient, startTestEmulator } from './harness.js';

const CLI = join(process.cwd(), 'Tools~', 'emulator', 'cli.mjs');
const children: ChildProcessWithoutNullStreams[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-data-'));
  dirs.push(dir);
  return dir;
}

/** Starts the CLI and resolves with its endpoint once the banner is printed. */
function startCli(args: string[]): Promise<{ child: ChildProcessWithoutNullStreams; url: string; output: () => string }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: 'pipe' });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner:\n${output}`)), 10_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /Endpoint\s+(http:\/\/\S+\/v1)/.exec(output);
      if (match && output.includes('Press Ctrl+C')) {
        clearTimeout(timer);
        resolve({ child, url: match[1], output: () => output });
      }
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${output}`));
    });
  });
}

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('cli', () => {
  it('prints a banner with the endpoint, projects, mock phones and the Unity setup', async () => {
    const { child, url, output } = await startCli(['--port', '0', '--project', 'game-a', '--project', 'game-b', '--mock-phone', '+15555550111=654321', '--no-rate-limit']);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const text = output();
    expect(text).toContain('Projects     game-a, game-b');
    expect(text).toContain('+15555550100 → code 123456');
    expect(text).toContain('+15555550111 → code 654321');
    expect(text).toContain(`client.SetEndpoint("${url}").SetProject("game-a");`);
    expect(text).toContain(url.replace('127.0.0.1', '10.0.2.2'));
    expect(text).toContain('Rate limits  off');
    const ping = await rawClient(url, 'game-b').raw('GET', '/ping');
    expect(ping.text).toBe('Pong!');
    const token = await rawClient(url, 'game-a').call('POST', '/account/tokens/phone', { userId: 'unique()', phone: '+15555550111' });
    const session = await rawClient(url, 'game-a').call('POST', '/account/sessions/token', { userId: token.body.userId, secret: '654321' });
    expect(session.status).toBe(201);
    child.kill('SIGTERM');
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(0);
  });

  it('documents its options and rejects unknown ones', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    for (const option of ['--port', '--project', '--data', '--mock-phone', '--session-limit', '--no-rate-limit', '--platform']) expect(help.stdout).toContain(option);
    const bad = await run(['--frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Unknown option "--frobnicate"');
    const badPhone = await run(['--port', '0', '--mock-phone', '+1=12']);
    expect(badPhone.code).toBe(1);
    expect(badPhone.stderr).toContain('Invalid mock phone number');
  });
});

describe('persistence with --data', () => {
  it('keeps the state across a restart of the library', async () => {
    const dir = tempDir();
    const first = await startTestEmulator({ dataDir: dir });
    const c = rawClient(first.emulator.url);
    await c.call('POST', '/account', { userId: 'keeper', email: 'keeper@example.com', password: 'password123' });
    await c.call('POST', '/account/sessions/email', { email: 'keeper@example.com', password: 'password123' });
    await c.call('PATCH', '/account/prefs', { prefs: { saved: true } });
    await first.emulator.close();
    const snapshot = readFileSync(join(dir, 'emulator-state.json'), 'utf8');
    expect(snapshot).not.toContain('password123');
    expect(snapshot).not.toContain(JSON.parse(Buffer.from(c.sessionValue, 'base64').toString()).secret);

    const second = await startTestEmulator({ dataDir: dir });
    try {
      const again = rawClient(second.emulator.url);
      again.fallback = c.fallback;
      const me = await again.call('GET', '/account');
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ $id: 'keeper', prefs: { saved: true } });
      expect((await rawClient(second.emulator.url).call('POST', '/account/sessions/email', { email: 'keeper@example.com', password: 'password123' })).status).toBe(201);
    } finally {
      await second.emulator.close();
    }
  });

  it('survives kill -9 and ignores a torn temp file', async () => {
    const dir = tempDir();
    const first = await startCli(['--port', '0', '--data', dir, '--quiet']);
    const c = rawClient(first.url);
    expect((await c.call('POST', '/account/tokens/phone', { userId: 'crash-test', phone: '+15555550100' })).status).toBe(201);
    expect((await c.call('POST', '/account/sessions/token', { userId: 'crash-test', secret: '123456' })).status).toBe(201);
    expect((await c.call('PATCH', '/account/name', { name: 'Before the crash' })).status).toBe(200);
    // A snapshot trails the state by one write cycle (a few milliseconds).
    const saved = () => existsSync(join(dir, 'emulator-state.json')) && readFileSync(join(dir, 'emulator-state.json'), 'utf8').includes('Before the crash');
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && !saved()) await new Promise((r) => setTimeout(r, 10));
    expect(saved()).toBe(true);
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.on('exit', resolve));
    // What a crash in the middle of a write leaves behind: a truncated temp file next to the snapshot.
    writeFileSync(join(dir, 'emulator-state.json.99999.7.tmp'), '{"version":1,"projects":[{"id":"demo-pro');

    const second = await startCli(['--port', '0', '--data', dir, '--quiet']);
    const again = rawClient(second.url);
    again.fallback = c.fallback;
    const me = await again.call('GET', '/account');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ $id: 'crash-test', name: 'Before the crash', phone: '+15555550100' });
    // The torn file is removed on load (the running emulator may have a temp file of its own in flight).
    expect(readdirSync(dir)).not.toContain('emulator-state.json.99999.7.tmp');
  });

  it('moves a corrupt snapshot aside and starts empty', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'emulator-state.json'), 'this is not json');
    const lines: string[] = [];
    const { emulator } = await startTestEmulator({ dataDir: dir, log: (line) => lines.push(line) });
    try {
      expect(lines.join('\n')).toMatch(/not valid JSON; moved it to/);
      expect(readdirSync(dir).some((name) => name.startsWith('emulator-state.json.corrupt-'))).toBe(true);
      expect((await rawClient(emulator.url).raw('GET', '/ping')).text).toBe('Pong!');
    } finally {
      await emulator.close();
    }
    expect(existsSync(join(dir, 'emulator-state.json'))).toBe(true);
  });
});
