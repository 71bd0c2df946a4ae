// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// The emulator under load: N concurrent clients (each a player with two devices) sign up, sign in and write their
// name and prefs many times against one emulator process started from its CLI with `--data` in a temp dir. Then the
// emulator is stopped and started again on the same directory (gracefully, then with SIGKILL after a quiet second)
// and every player's last write, sessions and stored-cookie sign-in must still be there. The emulator's memory is
// read inside its process (Tools~/faults/mem-probe.mjs, after a full GC) before, between and after the rounds.
//
// LOAD_CLIENTS (default 50) and LOAD_ROUNDS (default 2) size the run; `node Tools~/soak.mjs` runs a longer one.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Account, Client, type KeyValueStorage } from '../../../Runtime/TypeScript~/src/index.js';
import { PROJECT } from './harness.js';

const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 50);
const ROUNDS = Number(process.env.LOAD_ROUNDS ?? 2);
const WRITES = 5;
const root = fileURLToPath(new URL('../../..', import.meta.url));
const PASSWORD = 'Load test passw0rd';

interface Emulator {
  child: ChildProcess;
  url: string;
  memory(): Promise<NodeJS.MemoryUsage>;
  stop(signal: NodeJS.Signals): Promise<void>;
}

/**
 * `node Tools~/emulator/cli.mjs --port <port> --data <dir>` as a child process, with the memory probe preloaded.
 * Restarts reuse the port: a stored session belongs to its endpoint, as on a device.
 */
async function startChild(dataDir: string, port = 0): Promise<Emulator> {
  const probe = pathToFileURL(join(root, 'Tools~/faults/mem-probe.mjs')).href;
  const child = spawn(process.execPath, ['--expose-gc', '--import', probe, join(root, 'Tools~/emulator/cli.mjs'), '--port', String(port), '--data', dataDir, '--quiet', '--no-rate-limit', '--session-limit', '0'], {
    cwd: root, stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`emulator did not start: ${output}`)), 10_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Endpoint\s+(http:\/\/127\.0\.0\.1:\d+\/v1)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`emulator exited (${code}): ${output}`)));
  });
  return {
    child,
    url,
    memory: () => new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no memory report')), 5_000);
      child.once('message', (m: { memory: NodeJS.MemoryUsage }) => { clearTimeout(timer); resolve(m.memory); });
      child.send('memory');
    }),
    stop: (signal) => new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    }),
  };
}

function mapStorage(): KeyValueStorage & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return { values, get: (k) => values.get(k), set: (k, v) => void (v === undefined ? values.delete(k) : values.set(k, v)) };
}

interface Player {
  email: string;
  userId: string;
  name: string;
  prefs: Record<string, unknown>;
  devices: Array<{ storage: ReturnType<typeof mapStorage>; sessionId: string }>;
}

const client = (url: string, storage: KeyValueStorage) => new Client({ storage, timeoutMs: 30_000 }).setEndpoint(url).setProject(PROJECT);

/** One player: sign up, sign in on two devices, then many writes of name and prefs from the first. */
async function play(url: string, round: number, i: number): Promise<Player> {
  const email = `load.r${round}.c${i}@example.com`;
  const devices: Player['devices'] = [];
  let userId = '';
  for (let d = 0; d < 2; d++) {
    const storage = mapStorage();
    const account = new Account(client(url, storage));
    if (d === 0) userId = (await account.create({ userId: 'unique()', email, password: PASSWORD, name: 'new player' })).$id;
    const session = await account.createEmailPasswordSession({ email, password: PASSWORD });
    devices.push({ storage, sessionId: session.$id });
  }
  const account = new Account(client(url, devices[0]!.storage));
  let name = '';
  let prefs: Record<string, unknown> = {};
  for (let k = 1; k <= WRITES; k++) {
    name = `player ${i} round ${round} write ${k}`;
    prefs = { round, client: i, write: k, inventory: Array.from({ length: 8 }, (_, n) => `item-${i}-${k}-${n}`) };
    await account.updateName({ name });
    await account.updatePrefs({ prefs });
  }
  await account.listSessions();
  await account.createJWT();
  await account.listLogs();
  return { email, userId, name, prefs, devices };
}

/** Every player's last writes and both sessions, read back with the cookies the devices stored. */
async function verify(url: string, players: Player[]): Promise<string[]> {
  const problems: string[] = [];
  const sessionOwners = new Map<string, string>();
  await Promise.all(players.map(async (p) => {
    for (const [d, device] of p.devices.entries()) await verifyDevice(p, d, device).catch((e: Error) => problems.push(`${p.email} device ${d}: ${e.message}`));
  }));
  return problems;

  async function verifyDevice(p: Player, d: number, device: Player['devices'][number]) {
    {
      const c = client(url, device.storage);
      const restored = await c.restoreSession();
      if (restored.state !== 'signedIn' || restored.userId !== p.userId) problems.push(`${p.email} device ${d}: restore ${restored.state}`);
      const account = new Account(c);
      const me = await account.get();
      if (me.name !== p.name) problems.push(`${p.email}: name ${JSON.stringify(me.name)} instead of ${JSON.stringify(p.name)} (lost write)`);
      if (JSON.stringify(me.prefs) !== JSON.stringify(p.prefs)) problems.push(`${p.email}: prefs ${JSON.stringify(me.prefs).slice(0, 80)} (lost write)`);
      const list = await account.listSessions();
      const ids = list.sessions.map((s) => s.$id).sort();
      if (JSON.stringify(ids) !== JSON.stringify(p.devices.map((x) => x.sessionId).sort())) problems.push(`${p.email}: sessions ${ids.join(',')}`);
      if (list.sessions.filter((s) => s.current).map((s) => s.$id).join() !== device.sessionId) problems.push(`${p.email} device ${d}: current session wrong`);
      for (const id of ids) {
        const owner = sessionOwners.get(id);
        if (owner && owner !== p.userId) problems.push(`session ${id} belongs to two users`);
        sessionOwners.set(id, p.userId);
      }
    }
  }
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('emulator under load', () => {
  it(`${CLIENTS} concurrent players x ${ROUNDS} rounds: no corrupted state, no lost writes across restarts, bounded memory`, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'appwrite-emulator-load-'));
    dirs.push(dataDir);
    let emulator = await startChild(dataDir);
    const port = Number(new URL(emulator.url).port);
    const lines: string[] = [];
    try {
      const baseline = await emulator.memory();
      const samples: NodeJS.MemoryUsage[] = [];
      const players: Player[] = [];
      const started = Date.now();
      let requests = 0;
      for (let round = 1; round <= ROUNDS; round++) {
        const t = Date.now();
        players.push(...(await Promise.all(Array.from({ length: CLIENTS }, (_, i) => play(emulator.url, round, i)))));
        requests += CLIENTS * (3 + 2 * WRITES + 3);
        samples.push(await emulator.memory());
        lines.push(`round ${round}: ${CLIENTS} players in ${Date.now() - t} ms, emulator heap ${mb(samples.at(-1)!.heapUsed)} MB, rss ${mb(samples.at(-1)!.rss)} MB`);
      }
      const loadMs = Date.now() - started;
      expect(await verify(emulator.url, players)).toEqual([]);

      // Graceful restart on the same directory: everything is still there.
      await emulator.stop('SIGTERM');
      const snapshot = JSON.parse(readFileSync(join(dataDir, 'emulator-state.json'), 'utf8')) as unknown;
      expect(snapshot).toBeTypeOf('object');
      emulator = await startChild(dataDir, port);
      expect(await verify(emulator.url, players)).toEqual([]);

      // One more round, a quiet second, then a crash (SIGKILL): acknowledged writes survive.
      players.push(...(await Promise.all(Array.from({ length: CLIENTS }, (_, i) => play(emulator.url, ROUNDS + 1, i)))));
      await new Promise((r) => setTimeout(r, 1_000));
      await emulator.stop('SIGKILL');
      emulator = await startChild(dataDir, port);
      const afterCrash = await verify(emulator.url, players);
      expect(afterCrash).toEqual([]);
      const reloaded = await emulator.memory();

      const peak = samples.reduce((a, b) => (b.heapUsed > a.heapUsed ? b : a));
      const users = players.length;
      const perUserKb = (peak.heapUsed - baseline.heapUsed) / 1024 / (CLIENTS * ROUNDS);
      lines.unshift(`baseline heap ${mb(baseline.heapUsed)} MB, rss ${mb(baseline.rss)} MB`);
      lines.push(
        `load: ${CLIENTS * ROUNDS} players, ~${requests} requests in ${loadMs} ms (${Math.round(requests / (loadMs / 1000))} req/s); ` +
        `heap growth ${mb(peak.heapUsed - baseline.heapUsed)} MB (${perUserKb.toFixed(1)} KB per player), peak rss ${mb(Math.max(...samples.map((s) => s.rss)))} MB`,
        `after SIGTERM restart and SIGKILL restart: ${users} players, 0 lost writes, 0 session problems; reloaded heap ${mb(reloaded.heapUsed)} MB, rss ${mb(reloaded.rss)} MB`,
      );
      console.log(`[load] ${lines.join('\n[load] ')}`);
      // Bounded: the heap grows with the data (players, sessions, logs), not with the number of requests served.
      expect(perUserKb).toBeLessThan(64);
      expect(peak.rss).toBeLessThan(400 * 1024 * 1024);
      if (samples.length >= 2) {
        const first = samples[0]!.heapUsed - baseline.heapUsed;
        const last = samples.at(-1)!.heapUsed - samples.at(-2)!.heapUsed;
        expect(last).toBeLessThan(first * 2 + 4 * 1024 * 1024); // no acceleration from round to round
      }
    } finally {
      await emulator.stop('SIGTERM');
    }
  }, 120_000 * Math.max(1, (CLIENTS * ROUNDS) / 100));
});
