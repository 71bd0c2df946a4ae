// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Runs the bundle in QuickJS (a Puerts backend) with nothing but ES2020, setTimeout/clearTimeout and a host object
// whose members call back into Node, the way Puerts hands C# delegates to JS.

import { readFileSync } from 'node:fs';
import { getQuickJS, type QuickJSContext, type QuickJSHandle } from 'quickjs-emscripten';

export type HostImpl = Record<string, (...args: string[]) => string | void | Promise<string>>;

export async function loadBundleInQuickJS(bundlePath: string) {
  const QuickJS = await getQuickJS();
  const vm: QuickJSContext = QuickJS.newContext();
  const pump = () => {
    const r = vm.runtime.executePendingJobs();
    if (r.error) {
      const e = vm.dump(r.error);
      r.error.dispose();
      throw new Error(`pending job failed: ${JSON.stringify(e)}`);
    }
  };

  // Timers as Puerts provides them (fired from the host's tick; here from Node's event loop).
  const timers = new Map<number, { timer: NodeJS.Timeout; callback: QuickJSHandle }>();
  let nextTimer = 1;
  const setTimeoutFn = vm.newFunction('setTimeout', (callbackHandle, msHandle) => {
    const id = nextTimer++;
    const callback = callbackHandle.dup();
    const ms = msHandle ? vm.getNumber(msHandle) : 0;
    timers.set(id, {
      callback,
      timer: setTimeout(() => {
        timers.delete(id);
        vm.callFunction(callback, vm.undefined).dispose();
        callback.dispose();
        pump();
      }, ms),
    });
    return vm.newNumber(id);
  });
  const clearTimeoutFn = vm.newFunction('clearTimeout', (idHandle) => {
    const entry = timers.get(vm.getNumber(idHandle));
    if (entry) {
      clearTimeout(entry.timer);
      entry.callback.dispose();
      timers.delete(vm.getNumber(idHandle));
    }
  });
  vm.setProp(vm.global, 'setTimeout', setTimeoutFn);
  vm.setProp(vm.global, 'clearTimeout', clearTimeoutFn);
  setTimeoutFn.dispose();
  clearTimeoutFn.dispose();

  const started = performance.now();
  const ns = vm.unwrapResult(vm.evalCode(readFileSync(bundlePath, 'utf8'), 'PlayloomAppwrite/appwrite.mjs', { type: 'module' }));
  const evalMs = performance.now() - started;

  /** A JS function in the VM that calls `fn` in Node; callback arguments arrive as callable wrappers. */
  const toVmFunction = (name: string, fn: (...args: unknown[]) => unknown) =>
    vm.newFunction(name, (...handles) => {
      const args = handles.map((h) => {
        if (vm.typeof(h) !== 'function') return vm.dump(h);
        const kept = h.dup();
        return (...cbArgs: string[]) => {
          const argHandles = cbArgs.map((a) => vm.newString(a));
          vm.callFunction(kept, vm.undefined, ...argHandles).dispose();
          argHandles.forEach((a) => a.dispose());
          pump();
        };
      });
      const result = fn(...args);
      return typeof result === 'string' ? vm.newString(result) : undefined;
    });

  return {
    vm,
    evalMs,
    typeofGlobal: (name: string) => vm.dump(vm.unwrapResult(vm.evalCode(`typeof ${name}`))) as string,
    /** Calls a bundle export with string arguments and a host object / callbacks; returns its string result. */
    callExport(name: string, args: Array<string | HostImpl | ((text: string) => void)>): string | undefined {
      const fnHandle = vm.getProp(ns, name);
      const handles = args.map((a) => {
        if (typeof a === 'string') return vm.newString(a);
        if (typeof a === 'function') return toVmFunction('callback', a as (...x: unknown[]) => unknown);
        const obj = vm.newObject();
        for (const [k, f] of Object.entries(a)) {
          const h = toVmFunction(k, f as (...x: unknown[]) => unknown);
          vm.setProp(obj, k, h);
          h.dispose();
        }
        return obj;
      });
      const result = vm.unwrapResult(vm.callFunction(fnHandle, vm.undefined, ...handles));
      handles.forEach((h) => h.dispose());
      fnHandle.dispose();
      const value = vm.dump(result);
      result.dispose();
      pump();
      return value as string | undefined;
    },
    dispose() {
      for (const { timer, callback } of timers.values()) {
        clearTimeout(timer);
        callback.dispose();
      }
      ns.dispose();
      // Callback handles kept by the bundle (C# delegates in Puerts) die with the context.
      try {
        vm.dispose();
      } catch {
        /* leaked handles are expected: the bundle may keep host callbacks */
      }
    },
  };
}
