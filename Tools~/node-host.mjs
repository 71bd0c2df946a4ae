// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// A host of the bridge contract (Documentation~/bridge-contract.md) in plain Node: http over fetch, storage in a Map,
// emit/log recorded. It drives the bundle exactly as the C# shell does (strings and callbacks only); the headless
// demo and the tests use it.

/**
 * @param {{ delayDoneMs?: number, onEmit?: (event: string, payload: unknown) => void, onLog?: (level: string, message: string) => void }} [options]
 */
export function createNodeHost(options = {}) {
  /** @type {Map<string, string>} */
  const storage = new Map();
  /** @type {Array<{ event: string, payload: unknown }>} */
  const emitted = [];
  /** @type {Array<{ level: string, message: string }>} */
  const logs = [];
  /** @type {Array<Record<string, unknown>>} */
  const requests = [];
  /** @type {string[]} */
  const aborted = [];
  /** @type {Map<string, AbortController>} */
  const controllers = new Map();
  const host = {
    /** @param {string} requestJson @param {(responseJson: string) => void} done */
    http(requestJson, done) {
      const req = JSON.parse(requestJson);
      requests.push(req);
      const controller = new AbortController();
      controllers.set(req.id, controller);
      fetch(req.url, { method: req.method, headers: req.headers, body: req.body, signal: controller.signal })
        .then(async (res) => {
          /** @type {Record<string, string>} */
          const headers = {};
          res.headers.forEach((v, k) => (headers[k] = v));
          return JSON.stringify({ status: res.status, headers, body: await res.text() });
        })
        .catch((e) => JSON.stringify({ error: { kind: controller.signal.aborted ? 'aborted' : 'network', message: String(e?.cause?.code ?? e?.message ?? e) } }))
        .then((text) => {
          controllers.delete(req.id);
          setTimeout(() => done(text), options.delayDoneMs ?? 0);
        });
    },
    /** @param {string} id */
    httpAbort(id) {
      aborted.push(id);
      controllers.get(id)?.abort();
    },
    /** @param {string} key */
    storageGet: (key) => storage.get(key) ?? '',
    /** @param {string} key @param {string} value */
    storageSet: (key, value) => void (value === '' ? storage.delete(key) : storage.set(key, value)),
    /** @param {string} event @param {string} payloadJson */
    emit: (event, payloadJson) => {
      const payload = JSON.parse(payloadJson);
      emitted.push({ event, payload });
      options.onEmit?.(event, payload);
    },
    /** @param {string} level @param {string} message */
    log: (level, message) => {
      logs.push({ level, message });
      options.onLog?.(level, message);
    },
  };
  return { host, storage, emitted, logs, requests, aborted };
}

/**
 * The bridge's `invoke` as a promise; records whether a callback fired synchronously (the contract forbids it).
 * @returns {Promise<{ ok: boolean, text: string, sync: boolean }>}
 */
export function invokeAsync(bridge, handle, callId, service, method, args) {
  return new Promise((resolve) => {
    let returned = false;
    bridge.invoke(handle, callId, service, method, typeof args === 'string' ? args : JSON.stringify(args),
      (text) => resolve({ ok: true, text, sync: !returned }),
      (text) => resolve({ ok: false, text, sync: !returned }));
    returned = true;
  });
}
