// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// A host of the bridge contract in plain Node: http over fetch, storage in a Map, emit/log recorded.
// Used to drive the bundle exactly as C# does (strings and callbacks only).

export function createNodeHost(options: { delayDoneMs?: number } = {}) {
  const storage = new Map<string, string>();
  const emitted: Array<{ event: string; payload: unknown }> = [];
  const logs: Array<{ level: string; message: string }> = [];
  const requests: Array<Record<string, unknown>> = [];
  const aborted: string[] = [];
  const controllers = new Map<string, AbortController>();
  const host = {
    http(requestJson: string, done: (responseJson: string) => void) {
      const req = JSON.parse(requestJson) as { id: string; method: string; url: string; headers: Record<string, string>; body?: string };
      requests.push(req);
      const controller = new AbortController();
      controllers.set(req.id, controller);
      fetch(req.url, { method: req.method, headers: req.headers, body: req.body, signal: controller.signal })
        .then(async (res) => {
          const headers: Record<string, string> = {};
          res.headers.forEach((v, k) => (headers[k] = v));
          return JSON.stringify({ status: res.status, headers, body: await res.text() });
        })
        .catch((e: Error) => JSON.stringify({ error: { kind: controller.signal.aborted ? 'aborted' : 'network', message: e.message } }))
        .then((text) => setTimeout(() => done(text), options.delayDoneMs ?? 0));
    },
    httpAbort(id: string) {
      aborted.push(id);
      controllers.get(id)?.abort();
    },
    storageGet: (key: string) => storage.get(key) ?? '',
    storageSet: (key: string, value: string) => (value === '' ? storage.delete(key) : storage.set(key, value)),
    emit: (event: string, payloadJson: string) => emitted.push({ event, payload: JSON.parse(payloadJson) }),
    log: (level: string, message: string) => logs.push({ level, message }),
  };
  return { host, storage, emitted, logs, requests, aborted };
}

/** Promise wrapper around the bridge's invoke, also recording whether a callback fired synchronously. */
export function invokeAsync(
  bridge: { invoke: (...a: unknown[]) => void },
  handle: string, callId: string, service: string, method: string, args: unknown,
): Promise<{ ok: boolean; text: string; sync: boolean }> {
  return new Promise((resolve) => {
    let returned = false;
    bridge.invoke(handle, callId, service, method, typeof args === 'string' ? args : JSON.stringify(args),
      (text: string) => resolve({ ok: true, text, sync: !returned }),
      (text: string) => resolve({ ok: false, text, sync: !returned }));
    returned = true;
  });
}
