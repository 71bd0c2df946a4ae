// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// A deliberately small user-agent reader for the device fields of sessions and logs (`osName`, `clientName`, …).
// The server uses matomo/device-detector; the emulator recognises the clients that talk to it in practice (Unity,
// browsers, Node, curl) and leaves every field it cannot tell as `''`, which is what the server does for an
// unknown agent.

const EMPTY = Object.freeze({
  osCode: '', osName: '', osVersion: '',
  clientType: '', clientCode: '', clientName: '', clientVersion: '', clientEngine: '', clientEngineVersion: '',
  deviceName: '', deviceBrand: '', deviceModel: '',
});

function os(ua) {
  let m;
  if ((m = /Android (\d+(?:\.\d+)*)/.exec(ua))) return { osCode: 'AND', osName: 'Android', osVersion: m[1] };
  if ((m = /(?:iPhone|iPad|iPod).*? OS (\d+(?:_\d+)*)/.exec(ua))) return { osCode: 'IOS', osName: 'iOS', osVersion: m[1].replaceAll('_', '.') };
  if ((m = /Mac OS X (\d+(?:[._]\d+)*)/.exec(ua))) return { osCode: 'MAC', osName: 'Mac', osVersion: m[1].replaceAll('_', '.') };
  if ((m = /Windows NT (\d+\.\d+)/.exec(ua))) return { osCode: 'WIN', osName: 'Windows', osVersion: m[1] === '10.0' ? '10' : m[1] };
  if (/Win32NT|Windows/.test(ua)) return { osCode: 'WIN', osName: 'Windows', osVersion: '' };
  if (/Linux|Unix/.test(ua)) return { osCode: 'LIN', osName: 'GNU/Linux', osVersion: '' };
  return { osCode: '', osName: '', osVersion: '' };
}

function client(ua) {
  let m;
  if ((m = /AppwriteUnitySDK\/([\d.]+)/.exec(ua))) return { clientType: 'library', clientCode: 'unity', clientName: 'Appwrite Unity SDK', clientVersion: m[1], clientEngine: '', clientEngineVersion: '' };
  if ((m = /UnityPlayer\/([\w.]+)/.exec(ua))) return { clientType: 'library', clientCode: 'unity', clientName: 'UnityPlayer', clientVersion: m[1], clientEngine: '', clientEngineVersion: '' };
  if ((m = /Edg\/([\d.]+)/.exec(ua))) return { clientType: 'browser', clientCode: 'PS', clientName: 'Microsoft Edge', clientVersion: m[1], clientEngine: 'Blink', clientEngineVersion: m[1] };
  if ((m = /Firefox\/([\d.]+)/.exec(ua))) return { clientType: 'browser', clientCode: 'FF', clientName: 'Firefox', clientVersion: m[1], clientEngine: 'Gecko', clientEngineVersion: m[1] };
  if ((m = /Chrome\/([\d.]+)/.exec(ua))) return { clientType: 'browser', clientCode: 'CH', clientName: 'Chrome', clientVersion: m[1], clientEngine: 'Blink', clientEngineVersion: m[1] };
  if ((m = /Version\/([\d.]+).*Safari\//.exec(ua))) return { clientType: 'browser', clientCode: 'SF', clientName: 'Safari', clientVersion: m[1], clientEngine: 'WebKit', clientEngineVersion: '' };
  if ((m = /^curl\/([\d.]+)/.exec(ua))) return { clientType: 'library', clientCode: 'curl', clientName: 'curl', clientVersion: m[1], clientEngine: '', clientEngineVersion: '' };
  if (/^node(\/|$)|undici/.test(ua)) return { clientType: 'library', clientCode: 'node', clientName: 'Node.js', clientVersion: '', clientEngine: '', clientEngineVersion: '' };
  return { clientType: '', clientCode: '', clientName: '', clientVersion: '', clientEngine: '', clientEngineVersion: '' };
}

function device(ua) {
  if (/iPhone/.test(ua)) return { deviceName: 'smartphone', deviceBrand: 'Apple', deviceModel: 'iPhone' };
  if (/iPad/.test(ua)) return { deviceName: 'tablet', deviceBrand: 'Apple', deviceModel: 'iPad' };
  if (/Android.*Mobile/.test(ua)) return { deviceName: 'smartphone', deviceBrand: '', deviceModel: '' };
  if (/Android/.test(ua)) return { deviceName: 'tablet', deviceBrand: '', deviceModel: '' };
  if (/Windows NT|Macintosh|X11/.test(ua)) return { deviceName: 'desktop', deviceBrand: '', deviceModel: '' };
  return { deviceName: '', deviceBrand: '', deviceModel: '' };
}

const cache = new Map();

/**
 * @param {string | undefined} userAgent
 * @returns {typeof EMPTY}
 */
export function detect(userAgent) {
  const ua = userAgent ?? '';
  if (!ua) return EMPTY;
  let found = cache.get(ua);
  if (!found) {
    found = Object.freeze({ ...os(ua), ...client(ua), ...device(ua) });
    if (cache.size > 500) cache.clear();
    cache.set(ua, found);
  }
  return found;
}
