// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// The `queries` parameter of listLogs (limit and offset only) and listIdentities (the `Identities` validator:
// limit, offset, cursors, order and filters on a few attributes), with the server's validation messages, and the
// code that applies a validated query list to an in-memory list.

import { isPlainObject } from './util.mjs';

const PHP_INT_MAX = '9,223,372,036,854,775,807';
const FILTERS = new Set(['equal', 'notEqual', 'lessThan', 'lessThanEqual', 'greaterThan', 'greaterThanEqual', 'isNull', 'isNotNull',
  'between', 'notBetween', 'startsWith', 'notStartsWith', 'endsWith', 'notEndsWith', 'contains', 'notContains', 'search', 'notSearch']);
const KNOWN = new Set([...FILTERS, 'limit', 'offset', 'cursorAfter', 'cursorBefore', 'orderAsc', 'orderDesc', 'orderRandom', 'select',
  'and', 'or', 'containsAny', 'containsAll', 'elemMatch', 'exists', 'notExists', 'regex']);

export const IDENTITY_ATTRIBUTES = ['userId', 'provider', 'providerUid', 'providerEmail', 'providerAccessTokenExpiry', '$id', '$createdAt', '$updatedAt', '$sequence'];

/** Parses one query string (`{"method":…,"attribute":…,"values":[…]}`) or throws a message. */
function parse(raw) {
  let data;
  try {
    data = JSON.parse(String(raw));
  } catch {
    throw new Error('Invalid query: Syntax error');
  }
  if (!isPlainObject(data)) throw new Error(`Invalid query. Must be an array, got ${data === null ? 'NULL' : typeof data}`);
  const method = data.method ?? '';
  if (typeof method !== 'string') throw new Error(`Invalid query method. Must be a string, got ${typeof method}`);
  if (!KNOWN.has(method)) throw new Error(`Invalid query method: ${method}`);
  const attribute = data.attribute ?? '';
  if (typeof attribute !== 'string') throw new Error(`Invalid query attribute. Must be a string, got ${typeof attribute}`);
  const values = data.values ?? [];
  if (!Array.isArray(values)) throw new Error(`Invalid query values. Must be an array, got ${typeof values}`);
  return { method, attribute, values };
}

const isNumeric = (v) => (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)));

function checkLimit(q) {
  const v = q.values[0];
  if (!isNumeric(v)) return 'Invalid limit: Value must be a valid number';
  if (!Number.isInteger(Number(v)) || Number(v) < 1) return `Invalid limit: Value must be a valid range between 1 and ${PHP_INT_MAX}`;
  return '';
}

function checkOffset(q) {
  const v = q.values[0];
  if (!isNumeric(v)) return 'Invalid limit: Value must be a valid number';
  if (!Number.isInteger(Number(v)) || Number(v) < 0) return `Invalid offset: Value must be a valid range between 0 and ${PHP_INT_MAX}`;
  return '';
}

/**
 * A validator for `queries` in the shape of validators.mjs.
 * @param {'logs' | 'identities'} kind
 */
export function queriesValidator(kind) {
  let message = 'Invalid queries';
  return {
    isValid(value) {
      const list = Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : null;
      if (!list) {
        message = 'Queries must be an array';
        return false;
      }
      for (const raw of list) {
        let q;
        try {
          q = parse(raw);
        } catch (e) {
          message = `Invalid query: ${/** @type {Error} */ (e).message}`;
          return false;
        }
        let problem = '';
        if (q.method === 'limit') problem = checkLimit(q);
        else if (q.method === 'offset') problem = checkOffset(q);
        else if (kind === 'identities' && (q.method === 'cursorAfter' || q.method === 'cursorBefore')) {
          if (typeof q.values[0] !== 'string' || q.values[0] === '') problem = 'Invalid cursor: Value must be a valid string and at least 1 chars and no longer than 255 chars';
        } else if (kind === 'identities' && (q.method === 'orderAsc' || q.method === 'orderDesc')) {
          if (q.attribute !== '' && !IDENTITY_ATTRIBUTES.includes(q.attribute)) problem = `Attribute not found in schema: ${q.attribute}`;
        } else if (kind === 'identities' && FILTERS.has(q.method)) {
          if (!IDENTITY_ATTRIBUTES.includes(q.attribute)) problem = `Attribute not found in schema: ${q.attribute}`;
          else if (q.values.length > 500) problem = `Query on attribute has greater than 500 values: ${q.attribute}`;
        } else {
          message = `Invalid query method: ${q.method}`;
          return false;
        }
        if (problem) {
          message = `Invalid query: ${problem}`;
          return false;
        }
      }
      return true;
    },
    description: () => message,
  };
}

function matches(item, q) {
  const v = item[q.attribute];
  const [a, b] = q.values;
  switch (q.method) {
    case 'equal': return q.values.includes(v);
    case 'notEqual': return !q.values.includes(v);
    case 'lessThan': return v < a;
    case 'lessThanEqual': return v <= a;
    case 'greaterThan': return v > a;
    case 'greaterThanEqual': return v >= a;
    case 'isNull': return v === null || v === undefined || v === '';
    case 'isNotNull': return !(v === null || v === undefined || v === '');
    case 'between': return v >= a && v <= b;
    case 'notBetween': return !(v >= a && v <= b);
    case 'startsWith': return String(v ?? '').startsWith(String(a));
    case 'notStartsWith': return !String(v ?? '').startsWith(String(a));
    case 'endsWith': return String(v ?? '').endsWith(String(a));
    case 'notEndsWith': return !String(v ?? '').endsWith(String(a));
    case 'contains': case 'search': return q.values.some((x) => String(v ?? '').includes(String(x)));
    case 'notContains': case 'notSearch': return !q.values.some((x) => String(v ?? '').includes(String(x)));
    default: return true;
  }
}

/**
 * Applies validated query strings to `items` (already in default order) and returns the page and the total of
 * the filtered list.
 * @template T
 * @param {T[]} items
 * @param {unknown} rawQueries
 * @param {{ defaultLimit?: number, idKey?: string }} [options]
 * @returns {{ page: T[], total: number, cursorMissing?: string }}
 */
export function applyQueries(items, rawQueries, options = {}) {
  const list = Array.isArray(rawQueries) ? rawQueries : isPlainObject(rawQueries) ? Object.values(rawQueries) : [];
  const queries = list.map(parse);
  let result = items.slice();
  for (const q of queries) if (FILTERS.has(q.method)) result = result.filter((item) => matches(item, q));
  const total = result.length;
  for (const q of queries) {
    if (q.method !== 'orderAsc' && q.method !== 'orderDesc') continue;
    const attribute = q.attribute || '$sequence';
    const sign = q.method === 'orderAsc' ? 1 : -1;
    result.sort((x, y) => (x[attribute] < y[attribute] ? -sign : x[attribute] > y[attribute] ? sign : 0));
  }
  const idKey = options.idKey ?? '$id';
  for (const q of queries) {
    if (q.method !== 'cursorAfter' && q.method !== 'cursorBefore') continue;
    const at = result.findIndex((item) => item[idKey] === q.values[0]);
    if (at < 0) return { page: [], total, cursorMissing: String(q.values[0]) };
    result = q.method === 'cursorAfter' ? result.slice(at + 1) : result.slice(0, at).reverse();
  }
  const offsetQuery = queries.findLast((q) => q.method === 'offset');
  const limitQuery = queries.findLast((q) => q.method === 'limit');
  const offset = offsetQuery ? Number(offsetQuery.values[0]) : 0;
  const limit = limitQuery ? Number(limitQuery.values[0]) : options.defaultLimit ?? 25;
  let page = result.slice(offset, offset + limit);
  if (queries.some((q) => q.method === 'cursorBefore')) page = page.reverse();
  return { page, total };
}
