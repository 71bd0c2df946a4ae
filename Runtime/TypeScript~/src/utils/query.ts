// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

/** A value a query compares against. */
export type QueryValue = string | number | boolean;
type Values = QueryValue | unknown[];
type Geo = (attribute: string, values: unknown[], distance: number, meters?: boolean) => string;
type Shape = (attribute: string, values: unknown[]) => string;

// JSON of {method, attribute, values} in that key order; undefined keys drop out, a scalar is wrapped in an array.
function build(method: string, attribute?: string, values?: Values): string {
  return JSON.stringify({ method, attribute, values: values === undefined || Array.isArray(values) ? values : [values] });
}

/**
 * Builds query strings for list endpoints, as the official SDKs do. Account lists accept `limit` and `offset`
 * (`listLogs`) and filters on identity fields (`listIdentities`).
 * @example account.listLogs({ queries: [Query.limit(10), Query.offset(20)] })
 */
export class Query {
  // Declared here for the types, assigned below from method lists (keeps the bundle small).
  declare static equal: (attribute: string, value: Values) => string;
  declare static notEqual: (attribute: string, value: Values) => string;
  declare static regex: (attribute: string, pattern: string) => string;
  declare static lessThan: (attribute: string, value: Values) => string;
  declare static lessThanEqual: (attribute: string, value: Values) => string;
  declare static greaterThan: (attribute: string, value: Values) => string;
  declare static greaterThanEqual: (attribute: string, value: Values) => string;
  declare static startsWith: (attribute: string, value: string) => string;
  declare static notStartsWith: (attribute: string, value: string) => string;
  declare static endsWith: (attribute: string, value: string) => string;
  declare static notEndsWith: (attribute: string, value: string) => string;
  declare static search: (attribute: string, value: string) => string;
  declare static notSearch: (attribute: string, value: string) => string;
  declare static contains: (attribute: string, value: Values) => string;
  declare static containsAny: (attribute: string, value: unknown[]) => string;
  declare static containsAll: (attribute: string, value: unknown[]) => string;
  declare static notContains: (attribute: string, value: Values) => string;
  declare static isNull: (attribute: string) => string;
  declare static isNotNull: (attribute: string) => string;
  declare static orderDesc: (attribute: string) => string;
  declare static orderAsc: (attribute: string) => string;
  declare static exists: (attributes: string[]) => string;
  declare static notExists: (attributes: string[]) => string;
  declare static select: (attributes: string[]) => string;
  declare static cursorAfter: (id: string) => string;
  declare static cursorBefore: (id: string) => string;
  declare static limit: (limit: number) => string;
  declare static offset: (offset: number) => string;
  declare static between: (attribute: string, start: QueryValue, end: QueryValue) => string;
  declare static notBetween: (attribute: string, start: QueryValue, end: QueryValue) => string;
  declare static vectorDot: (attribute: string, vector: number[]) => string;
  declare static vectorCosine: (attribute: string, vector: number[]) => string;
  declare static vectorEuclidean: (attribute: string, vector: number[]) => string;
  declare static distanceEqual: Geo;
  declare static distanceNotEqual: Geo;
  declare static distanceGreaterThan: Geo;
  declare static distanceLessThan: Geo;
  declare static intersects: Shape;
  declare static notIntersects: Shape;
  declare static crosses: Shape;
  declare static notCrosses: Shape;
  declare static overlaps: Shape;
  declare static notOverlaps: Shape;
  declare static touches: Shape;
  declare static notTouches: Shape;

  static orderRandom = () => build('orderRandom');
  static createdBefore = (value: string) => Query.lessThan('$createdAt', value);
  static createdAfter = (value: string) => Query.greaterThan('$createdAt', value);
  static createdBetween = (start: string, end: string) => Query.between('$createdAt', start, end);
  static updatedBefore = (value: string) => Query.lessThan('$updatedAt', value);
  static updatedAfter = (value: string) => Query.greaterThan('$updatedAt', value);
  static updatedBetween = (start: string, end: string) => Query.between('$updatedAt', start, end);
  static or = (queries: string[]) => build('or', undefined, nested(queries));
  static and = (queries: string[]) => build('and', undefined, nested(queries));
  static elemMatch = (attribute: string, queries: string[]) => build('elemMatch', attribute, nested(queries));
}

const nested = (queries: string[]): unknown[] => queries.map((query) => JSON.parse(query) as unknown);

/**
 * The builders by argument shape. This TS class and the generated C# `Query` (Runtime/Generated/Query.g.cs) are both
 * made from this table, so the two list the same methods with the same output.
 */
export const queryShapes = {
  /** (attribute, value): a scalar value is wrapped in an array, an array is sent as it is. */
  compare: 'equal notEqual lessThan lessThanEqual greaterThan greaterThanEqual contains notContains',
  text: 'regex startsWith notStartsWith endsWith notEndsWith search notSearch',
  list: 'containsAny containsAll',
  /** (attribute) */
  attribute: 'isNull isNotNull orderDesc orderAsc',
  /** (values) without an attribute. */
  attributes: 'exists notExists select',
  id: 'cursorAfter cursorBefore',
  count: 'limit offset',
  /** (attribute, start, end) */
  range: 'between notBetween',
  /** (attribute, values): a vector or geometry is one value, so it is wrapped once more. */
  wrapped: 'vectorDot vectorCosine vectorEuclidean intersects notIntersects crosses notCrosses overlaps notOverlaps touches notTouches',
  /** (attribute, values, distance, meters = true) */
  distance: 'distanceEqual distanceNotEqual distanceGreaterThan distanceLessThan',
} as const;

const q = Query as unknown as Record<string, unknown>;
const builders: Record<keyof typeof queryShapes, (m: string) => unknown> = {
  compare: (m) => (attribute: string, value: Values) => build(m, attribute, value),
  text: (m) => (attribute: string, value: Values) => build(m, attribute, value),
  list: (m) => (attribute: string, value: Values) => build(m, attribute, value),
  attribute: (m) => (attribute: string) => build(m, attribute),
  attributes: (m) => (values: Values) => build(m, undefined, values),
  id: (m) => (values: Values) => build(m, undefined, values),
  count: (m) => (values: Values) => build(m, undefined, values),
  range: (m) => (attribute: string, start: QueryValue, end: QueryValue) => build(m, attribute, [start, end]),
  wrapped: (m) => (attribute: string, values: unknown[]) => build(m, attribute, [values]),
  distance: (m) => (attribute: string, values: unknown[], distance: number, meters = true) => build(m, attribute, [[values, distance, meters]]),
};
for (const [shape, names] of Object.entries(queryShapes)) {
  for (const m of names.split(' ')) q[m] = builders[shape as keyof typeof queryShapes](m);
}
