// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// The local Appwrite Account emulator, as a library: `startEmulator(options)` resolves once it listens.
//
// @example
//   import { startEmulator } from './Tools~/emulator/index.mjs';
//   const emulator = await startEmulator({ port: 0 });
//   const client = new Client().setEndpoint(emulator.url).setProject('demo-project');
//   // … sign in with +15555550100 and code 123456 …
//   await emulator.close();

import { Outbox } from './src/outbox.mjs';
import { RateLimiter } from './src/rate-limit.mjs';
import { RealtimeHub } from './src/realtime.mjs';
import { createHttpServer, createRouter } from './src/server.mjs';
import { Store } from './src/store.mjs';
import * as v from './src/validators.mjs';

export const DEFAULT_PROJECT = 'demo-project';
export const DEFAULT_MOCK_PHONES = Object.freeze({ '+15555550100': '123456' });

/**
 * @typedef {object} EmulatorOptions
 * @property {number} [port] TCP port; 0 (the default) picks a free one.
 * @property {string} [host] interface to listen on; default `127.0.0.1`.
 * @property {string[]} [projects] project ids that exist; default `['demo-project']`.
 * @property {string} [dataDir] persist the state as a JSON snapshot in this directory and reload it on start; in memory when unset.
 * @property {Record<string, string>} [mockPhones] phone → fixed 6-digit code, merged over `{'+15555550100': '123456'}`.
 * @property {number} [sessionLimit] sessions kept per user, oldest deleted first; 0 = unlimited; default 10.
 * @property {boolean} [rateLimit] enforce the server's abuse limits; default true.
 * @property {string[]} [platforms] hostnames allowed for redirect URLs and Origins; empty (the default) accepts any URL, as with a dev key.
 * @property {boolean} [quiet] no console output; default true (the CLI passes false).
 * @property {() => number} [now] clock in epoch milliseconds, for tests that expire tokens without sleeping; default `Date.now`.
 * @property {number} [maxBodyBytes] largest accepted request body; default 1 MiB.
 * @property {(line: string) => void} [log] where console lines go; default `console.log`.
 */

/**
 * @typedef {object} RunningEmulator
 * @property {string} url endpoint for SDKs, `http://<host>:<port>/v1`
 * @property {number} port
 * @property {string} host
 * @property {string[]} projects
 * @property {Record<string, string>} mockPhones
 * @property {() => Promise<void>} close stops listening, closes realtime sockets, and flushes the snapshot
 * @property {(filter?: { to?: string, channel?: string, project?: string, userId?: string }) => Array<Record<string, any>>} messages the outbox, oldest first
 * @property {(filter?: { to?: string, channel?: string, project?: string, userId?: string }) => Record<string, any> | undefined} lastMessage newest outbox message matching the filter
 * @property {() => void} clearMessages
 * @property {() => Promise<void>} flush resolves once the snapshot holds every change so far (with `dataDir`)
 */

function validateOptions(config) {
  if (!Number.isInteger(config.port) || config.port < 0 || config.port > 65535) throw new Error(`Invalid port: ${config.port}`);
  if (!config.projects.length) throw new Error('At least one project id is needed.');
  const key = v.key(36);
  for (const id of config.projects) if (!key.isValid(id)) throw new Error(`Invalid project id "${id}": ${key.description()}`);
  const phone = v.phone();
  for (const [number, code] of Object.entries(config.mockPhones)) {
    if (!phone.isValid(number)) throw new Error(`Invalid mock phone number "${number}": use E.164, e.g. +15555550100.`);
    if (!/^\d{6}$/.test(code)) throw new Error(`Invalid code for mock phone ${number}: it must be 6 digits.`);
  }
  if (!Number.isInteger(config.sessionLimit) || config.sessionLimit < 0) throw new Error(`Invalid session limit: ${config.sessionLimit}`);
}

/**
 * Starts an emulator.
 * @param {EmulatorOptions} [options]
 * @returns {Promise<RunningEmulator>}
 */
export async function startEmulator(options = {}) {
  const config = {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    projects: [...new Set(options.projects?.length ? options.projects : [DEFAULT_PROJECT])],
    dataDir: options.dataDir,
    mockPhones: { ...DEFAULT_MOCK_PHONES, ...(options.mockPhones ?? {}) },
    sessionLimit: options.sessionLimit ?? 10,
    rateLimit: options.rateLimit ?? true,
    platforms: (options.platforms ?? []).map((p) => p.toLowerCase()),
    quiet: options.quiet ?? true,
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
  };
  validateOptions(config);
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line) => console.log(line));
  const warn = (message) => log(`[emulator] ${message}`);

  const emu = {
    config,
    now,
    port: config.port,
    // Hostnames accepted for redirect URLs and Origins when `--platform` options are given: those platforms and the
    // emulator's own loopback names (the server always trusts its own domain).
    allowedHostnames: [...config.platforms, 'localhost', '127.0.0.1', config.host],
    store: new Store({ projects: config.projects, dataDir: config.dataDir, warn }),
    router: createRouter(),
    limiter: new RateLimiter({ enabled: config.rateLimit }),
    outbox: new Outbox({ quiet: config.quiet, log, now }),
    /** @type {RealtimeHub} */ realtime: /** @type {any} */ (null),
    logRequest(method, path, status) {
      if (!config.quiet) log(`${new Date(now()).toISOString()} ${method} ${path} ${status}`);
    },
    logError(error) {
      log(`[emulator] internal error: ${error instanceof Error ? error.stack : String(error)}`);
    },
  };
  emu.realtime = new RealtimeHub(emu);
  const server = createHttpServer(emu);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  emu.port = address.port;
  const urlHost = config.host.includes(':') ? `[${config.host}]` : config.host;
  let closed = false;

  return {
    url: `http://${urlHost}:${address.port}/v1`,
    port: address.port,
    host: config.host,
    projects: [...emu.store.projects.keys()],
    mockPhones: { ...config.mockPhones },
    messages: (filter) => emu.outbox.list(filter),
    lastMessage: (filter) => emu.outbox.list(filter).at(-1),
    clearMessages: () => emu.outbox.clear(),
    flush: () => emu.store.flush(),
    async close() {
      if (closed) return;
      closed = true;
      await emu.realtime.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
      await emu.store.flush();
    },
  };
}
