// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Unity's JsonUtility maps JSON keys to C# fields and knows no null, no dictionaries and no `$` in names. So the
// bridge hands C# a checked, flattened copy of each model: `$id` → `id`, prefs as a JSON string, optional strings
// as '' and optional bools as -1/0/1. A field of the wrong type rejects the whole response, so C# never binds garbage.

import { AppwriteException, ErrorType } from '../errors/appwrite-exception.js';
import { modelFields, type FieldSpec, type TableModelName } from '../models/model-table.js';

/**
 * Returns the JsonUtility-ready copy of `value` as model `model`.
 * @param where The field path for messages, starting with the model name (`logList`, `user.targets[0]`).
 * @throws {AppwriteException} `client_malformed_response` naming the field.
 */
export function projectModel(model: TableModelName, value: unknown, where: string = model): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where, 'is not an object');
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of modelFields(model)) {
    const key = field.name.replace(/^\$/, '');
    const v = Object.prototype.hasOwnProperty.call(source, field.name) ? source[field.name] : undefined;
    out[key] = projectField(field, v, `${where}.${field.name}`);
  }
  return out;
}

function projectField(field: FieldSpec, v: unknown, where: string): unknown {
  const missing = v === undefined || v === null;
  switch (field.kind) {
    case 's':
    case 'd':
      if (missing) return '';
      return typeof v === 'string' ? v : fail(where, 'is not a string');
    case 'b':
      if (field.optional) return missing ? -1 : v === true ? 1 : v === false ? 0 : fail(where, 'is not a boolean');
      if (missing) return false;
      return typeof v === 'boolean' ? v : fail(where, 'is not a boolean');
    case 'i':
      if (missing) return 0;
      return typeof v === 'number' && Number.isSafeInteger(v) ? v : fail(where, 'is not an integer');
    case 's[]':
      if (missing) return [];
      return Array.isArray(v) && v.every((s) => typeof s === 'string') ? v : fail(where, 'is not an array of strings');
    case 'prefs':
      return missing ? '{}' : prefsJson(v, where);
    default: {
      const model = field.kind as TableModelName;
      if (!field.array) return projectModel(model, v, where);
      if (missing) return [];
      if (!Array.isArray(v)) return fail(where, 'is not an array');
      return v.map((item, i) => projectModel(model, item, `${where}[${i}]`));
    }
  }
}

/**
 * The user's prefs as JSON text: a JSON object, where PHP's empty array `[]` also means no prefs.
 * @throws {AppwriteException} `client_malformed_response` for anything else.
 */
export function prefsJson(value: unknown, where: string): string {
  if (Array.isArray(value) && value.length === 0) return '{}';
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? JSON.stringify(value) : fail(where, 'is not an object');
}

function fail(where: string, problem: string): never {
  throw new AppwriteException(`The response does not match its model: ${where} ${problem}.`, 0, ErrorType.malformedResponse);
}
