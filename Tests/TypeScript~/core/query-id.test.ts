// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

import { describe, expect, it } from 'vitest';
import * as official from 'appwrite';
import { ID, OAuthProvider, AuthenticationFactor, AuthenticatorType, Query } from '../../../Runtime/TypeScript~/src/index.js';

describe('Query', () => {
  const cases: Array<[string, unknown[]]> = [
    ['equal', ['provider', 'google']], ['equal', ['n', [1, 2]]], ['notEqual', ['a', 'b']], ['regex', ['a', '^x']],
    ['lessThan', ['a', 1]], ['lessThanEqual', ['a', 1]], ['greaterThan', ['a', 1]], ['greaterThanEqual', ['a', 1]],
    ['isNull', ['a']], ['isNotNull', ['a']], ['exists', [['a', 'b']]], ['notExists', [['a']]], ['between', ['a', 1, 5]],
    ['notBetween', ['a', 'x', 'y']], ['startsWith', ['a', 'x']], ['notStartsWith', ['a', 'x']], ['endsWith', ['a', 'x']],
    ['notEndsWith', ['a', 'x']], ['select', [['a', 'b']]], ['search', ['a', 'x']], ['notSearch', ['a', 'x']],
    ['orderDesc', ['$createdAt']], ['orderAsc', ['a']], ['orderRandom', []], ['cursorAfter', ['id1']], ['cursorBefore', ['id1']],
    ['limit', [25]], ['offset', [0]], ['contains', ['a', 'x']], ['containsAny', ['a', ['x']]], ['containsAll', ['a', ['x']]],
    ['notContains', ['a', ['x']]], ['createdBefore', ['2026-01-01']], ['createdAfter', ['2026-01-01']],
    ['createdBetween', ['2026-01-01', '2026-02-01']], ['updatedBefore', ['2026-01-01']], ['updatedAfter', ['2026-01-01']],
    ['updatedBetween', ['2026-01-01', '2026-02-01']], ['or', [['{"method":"limit","values":[1]}', '{"method":"isNull","attribute":"a"}']]],
    ['and', [['{"method":"limit","values":[1]}']]], ['elemMatch', ['a', ['{"method":"equal","attribute":"b","values":[1]}']]],
    ['distanceEqual', ['loc', [1, 2], 100]], ['distanceNotEqual', ['loc', [1, 2], 100, false]], ['distanceGreaterThan', ['loc', [1, 2], 5]],
    ['distanceLessThan', ['loc', [1, 2], 5]], ['vectorDot', ['v', [1, 2]]], ['vectorCosine', ['v', [1]]], ['vectorEuclidean', ['v', [1]]],
    ['intersects', ['g', [[1, 2]]]], ['notIntersects', ['g', [[1, 2]]]], ['crosses', ['g', [1]]], ['notCrosses', ['g', [1]]],
    ['overlaps', ['g', [1]]], ['notOverlaps', ['g', [1]]], ['touches', ['g', [1]]], ['notTouches', ['g', [1]]],
  ];
  it('has every method of the official Query', () => {
    const theirs = Object.keys(official.Query).filter((k) => typeof (official.Query as unknown as Record<string, unknown>)[k] === 'function').sort();
    const mine = Object.keys(Query).filter((k) => typeof (Query as unknown as Record<string, unknown>)[k] === 'function').sort();
    expect(mine).toEqual(theirs);
    expect(new Set(cases.map(([m]) => m)).size).toBe(theirs.length);
  });
  for (const [method, args] of cases) {
    it(`${method} matches the official output`, () => {
      const call = (q: unknown) => (q as Record<string, (...a: unknown[]) => string>)[method]!(...args);
      expect(call(Query)).toBe(call(official.Query));
    });
  }
});

describe('ID', () => {
  it('unique() is 20 lowercase hex chars: seconds, milliseconds, random', () => {
    const before = Math.floor(Date.now() / 1000);
    const id = ID.unique();
    expect(id).toMatch(/^[0-9a-f]{20}$/);
    expect(parseInt(id.slice(0, 8), 16)).toBeGreaterThanOrEqual(before);
    expect(parseInt(id.slice(8, 13), 16)).toBeLessThan(1000);
    expect(ID.unique(3)).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(Array.from({ length: 1000 }, () => ID.unique())).size).toBe(1000);
  });
  it('custom() returns its argument', () => expect(ID.custom('player_1')).toBe('player_1'));
});

describe('enums', () => {
  it('match the official values, minus the provider only server main accepts', () => {
    const theirs = Object.values(official.OAuthProvider).filter((v) => v !== 'appwrite').sort();
    expect(Object.values(OAuthProvider).sort()).toEqual(theirs);
    expect(Object.values(AuthenticationFactor).sort()).toEqual(Object.values(official.AuthenticationFactor).sort());
    expect(Object.values(AuthenticatorType)).toEqual(Object.values(official.AuthenticatorType));
  });
});
