#!/usr/bin/env node
// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// `npm start [-- options]`: runs the emulator until Ctrl+C and prints where to point the SDKs.

import { resolve } from 'node:path';
import { DEFAULT_MOCK_PHONES, DEFAULT_PROJECT, startEmulator } from './index.mjs';

const DEFAULT_PORT = 7080;

const HELP = `Appwrite Account emulator: a local server for the Appwrite 1.9.x client Account API (no Docker).

Usage: npm start -- [options]
       node Tools~/emulator/cli.mjs [options]

Options:
  --port <n>                 Port to listen on; 0 picks a free one (the chosen URL is printed).
                             Default: ${DEFAULT_PORT}, or a free port if ${DEFAULT_PORT} is taken
  --host <address>           Interface to listen on. Default: 127.0.0.1 (use 0.0.0.0 to reach it from a phone on the LAN)
  --project <id>             A project that exists; repeat for several. Default: ${DEFAULT_PROJECT}
  --data <dir>               Save the state in <dir> after every change and reload it on start. Default: in memory
  --mock-phone <+E164>=<code>
                             A phone number that always accepts this 6-digit code and never gets an SMS; repeatable.
                             Default: ${Object.entries(DEFAULT_MOCK_PHONES).map(([p, c]) => `${p}=${c}`).join(', ')} (kept when you add others)
  --session-limit <n>        Sessions kept per user, oldest deleted first (0 = no limit). Default: 10
  --no-rate-limit            Do not enforce the server's rate limits (the X-RateLimit headers are still sent)
  --platform <hostname>      Only accept redirect URLs (url, success, failure) and browser Origins from this host (and
                             localhost); repeatable, * wildcards allowed. Default: any URL, as with a dev key
  --quiet                    Print only the banner, not each request and outbox message
  -h, --help                 Show this help

Outbox: OTPs, magic URLs, recovery and verification links are printed and kept at
  GET    http://<host>:<port>/_emulator/messages   {"messages":[{"channel","to","userId","secret","url","createdAt",…}]}
  DELETE http://<host>:<port>/_emulator/messages   clears it
`;

/** @param {string[]} argv */
export function parseArgs(argv) {
  /** @type {Record<string, any>} */
  const options = { port: DEFAULT_PORT, portGiven: false, projects: [], mockPhones: {}, platforms: [], rateLimit: true, quiet: false };
  const take = (name, inline, i) => {
    if (inline !== undefined) return [inline, i];
    if (i + 1 >= argv.length || argv[i + 1].startsWith('--')) throw new Error(`${name} needs a value.`);
    return [argv[i + 1], i + 1];
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    let value;
    switch (name) {
      case '-h':
      case '--help':
        options.help = true;
        break;
      case '--port':
        [value, i] = take(name, inline, i);
        if (!/^\d+$/.test(value) || Number(value) > 65535) throw new Error(`--port must be a number from 0 to 65535, not "${value}".`);
        options.port = Number(value);
        options.portGiven = true;
        break;
      case '--host':
        [value, i] = take(name, inline, i);
        options.host = value;
        break;
      case '--project':
        [value, i] = take(name, inline, i);
        options.projects.push(value);
        break;
      case '--data':
        [value, i] = take(name, inline, i);
        options.dataDir = resolve(value);
        break;
      case '--mock-phone': {
        [value, i] = take(name, inline, i);
        const at = value.lastIndexOf('=');
        if (at < 1) throw new Error(`--mock-phone expects <+E164>=<6 digits>, e.g. +15555550111=654321, not "${value}".`);
        options.mockPhones[value.slice(0, at)] = value.slice(at + 1);
        break;
      }
      case '--session-limit':
        [value, i] = take(name, inline, i);
        if (!/^\d+$/.test(value)) throw new Error(`--session-limit must be a whole number, not "${value}".`);
        options.sessionLimit = Number(value);
        break;
      case '--no-rate-limit':
        options.rateLimit = false;
        break;
      case '--platform':
        [value, i] = take(name, inline, i);
        options.platforms.push(value);
        break;
      case '--quiet':
        options.quiet = true;
        break;
      default:
        throw new Error(`Unknown option "${arg}". Run with --help to see the options.`);
    }
  }
  return options;
}

function banner(emulator, options) {
  const base = emulator.url.replace(/\/v1$/, '');
  const display = emulator.host === '0.0.0.0' || emulator.host === '::' ? base.replace(/\/\/[^:/]+|\/\/\[[^\]]+\]/, '//127.0.0.1') : base;
  const endpoint = `${display}/v1`;
  const project = emulator.projects[0];
  const phones = Object.entries(emulator.mockPhones).map(([phone, code]) => `${phone} → code ${code}`).join(', ');
  const android = endpoint.replace(/\/\/(127\.0\.0\.1|localhost)/, '//10.0.2.2');
  return [
    '',
    'Appwrite Account emulator (client API of Appwrite 1.9.6) is ready.',
    '',
    `  Endpoint     ${endpoint}`,
    `  Realtime     ${endpoint.replace(/^http/, 'ws')}/realtime`,
    `  Projects     ${emulator.projects.join(', ')}`,
    `  Mock phones  ${phones} (always accepted, no SMS sent)`,
    `  Outbox       ${display}/_emulator/messages (OTPs and links; also printed below)`,
    `  State        ${options.dataDir ? `saved in ${options.dataDir}` : 'in memory (gone when you stop the emulator)'}`,
    `  Rate limits  ${options.rateLimit ? 'on, as on the server (--no-rate-limit to turn off)' : 'off'}`,
    '',
    'Point the Unity Client at it:',
    `  client.SetEndpoint("${endpoint}").SetProject("${project}");`,
    `  Android emulator: use "${android}" (10.0.2.2 is the host computer seen from the Android emulator).`,
    `  Phone login: var token = await client.Account.CreatePhoneTokenAsync(ID.Unique(), "${Object.keys(emulator.mockPhones)[0]}");`,
    `               await client.Account.CreateSessionAsync(token.UserId, "${Object.values(emulator.mockPhones)[0]}");`,
    `  Web SDK: new Client().setEndpoint('${endpoint}').setProject('${project}')`,
    '',
    'Press Ctrl+C to stop.',
    '',
  ].join('\n');
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(/** @type {Error} */ (e).message);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(HELP);
    return;
  }
  const start = (port) => startEmulator({ ...options, port, projects: options.projects.length ? options.projects : undefined });
  let emulator;
  try {
    try {
      emulator = await start(options.port);
    } catch (e) {
      // The default port is a convenience: when it is taken, use a free one rather than fail.
      if (/** @type {NodeJS.ErrnoException} */ (e).code !== 'EADDRINUSE' || options.portGiven) throw e;
      emulator = await start(0);
      console.log(`Port ${DEFAULT_PORT} is in use; listening on ${emulator.port} instead.`);
    }
  } catch (e) {
    const error = /** @type {NodeJS.ErrnoException} */ (e);
    console.error(error.code === 'EADDRINUSE' ? `Port ${options.port} is already in use; pick another with --port, or --port 0 for a free one.` : error.message);
    process.exit(1);
  }
  console.log(banner(emulator, options));
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await emulator.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main();
