// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

/** `sessionList` → `SessionList`, `jwt` → `Jwt`. */
export const pascal = (name) => name.charAt(0).toUpperCase() + name.slice(1);

/** The documentation of one parameter: per method, per name, then per rule. */
export function paramDoc(inputs, methodName, param) {
  const { paramDocs, ruleDocs } = inputs;
  return paramDocs[`${methodName}.${param.name}`] || paramDocs[param.name] || ruleDocs[param.rule] || '';
}

/** The documentation of a method; deprecated aliases borrow their replacement's. */
export function methodDoc(inputs, descriptor) {
  return inputs.methodDocs[descriptor.name] ?? inputs.methodDocs[descriptor.deprecated?.use] ?? { summary: '', auth: 'S' };
}

export const AUTH_TEXT = {
  S: 'a signed-in user (session or JWT)',
  'S*': 'a session (a JWT is not enough)',
  St: 'a session',
  G: 'no sign-in (guests allowed)',
  'G!': 'no active session (fails with user_session_already_exists when signed in)',
  P: 'nothing (public)',
};
