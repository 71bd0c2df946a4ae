// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

import { AppwriteException, ErrorType } from '../errors/appwrite-exception.js';

/**
 * When and how the Client repeats a failed call. Only idempotent calls are ever retried (GETs and the few updates
 * marked idempotent in the descriptor table); calls that send an SMS or email or mint a secret never are.
 * A 429 is never retried: its error carries `rateLimit.resetAt` for a cooldown instead.
 */
export interface RetryPolicy {
  /** Retries after the first attempt, 0 to 10. @default 2 */
  limit: number;
  /** Delay before the first retry, doubled for each further one. @default 300 */
  baseDelayMs: number;
  /** Upper bound of one delay. @default 4000 */
  maxDelayMs: number;
  /** `full`: a random delay between 0 and the computed one (spreads out clients that failed together). @default 'full' */
  jitter: 'full' | 'none';
  /** HTTP statuses worth another try. @default [408, 500, 502, 503, 504] */
  statusCodes: number[];
  /** Retry when no response arrived (refused, reset, cut off). @default true */
  networkErrors: boolean;
  /** Final say for a candidate retry; return false to stop. */
  shouldRetry?: (info: RetryInfo) => boolean;
}

/** What a retry decision (and the `retry` event) sees. */
export interface RetryInfo {
  /** e.g. `account.get`. */
  label: string;
  /** The retry about to happen, from 1. */
  attempt: number;
  /** The failure's error type (`client_network_error`, `general_server_error`...). */
  type: string;
  /** HTTP status, 0 without a response. */
  code: number;
  delayMs: number;
}

export const defaultRetryPolicy: Readonly<RetryPolicy> = {
  limit: 2,
  baseDelayMs: 300,
  maxDelayMs: 4000,
  jitter: 'full',
  statusCodes: [
    408, // request timeout: the server gave up waiting for us
    500, // server error, often transient under load
    502, // bad gateway: proxy could not reach Appwrite
    503, // unavailable: maintenance or overload
    504, // gateway timeout
  ],
  networkErrors: true,
};

/** The delay before retry number `attempt` (from 1): exponential, capped, optionally with full jitter. */
export function retryDelay(policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'jitter'>, attempt: number, random: () => number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(policy.jitter === 'full' ? random() * exponential : exponential);
}

/**
 * Merges a partial override onto a base policy; `false` disables retries.
 * @throws {AppwriteException} `general_argument_invalid` when a field has the wrong type or range (the policy may come
 * from C# or from plain JS, so it is checked before a bad value can break a call).
 */
export function mergeRetryPolicy(base: RetryPolicy, override: Partial<RetryPolicy> | false | undefined | null): RetryPolicy {
  if (override === false) return { ...base, limit: 0 };
  if (override === undefined || override === null) return base;
  const problem = policyProblem(override);
  if (problem) throw new AppwriteException(`Invalid retry policy: ${problem}.`, 0, ErrorType.argumentInvalid);
  return { ...base, ...override };
}

/** Asks the policy's `shouldRetry` hook; a hook that throws stops the retries (its error is reported, not thrown). */
export function hookAllows(policy: RetryPolicy, info: RetryInfo, report: (message: string) => void): boolean {
  if (!policy.shouldRetry) return true;
  try {
    return policy.shouldRetry(info) !== false;
  } catch (error) {
    report(`retry policy shouldRetry threw, not retrying: ${String((error as Error)?.message ?? 'error')}`);
    return false;
  }
}

const isDelay = (v: unknown) => typeof v === 'number' && v >= 0 && v <= 600_000;

function policyProblem(p: unknown): string | undefined {
  if (typeof p !== 'object' || Array.isArray(p)) return 'give false or an object with limit, baseDelayMs, maxDelayMs, jitter, statusCodes, networkErrors';
  const o = p as Record<string, unknown>;
  if (o.limit !== undefined && !(Number.isInteger(o.limit) && (o.limit as number) >= 0 && (o.limit as number) <= 10)) return 'limit must be an integer from 0 to 10';
  if (o.baseDelayMs !== undefined && !isDelay(o.baseDelayMs)) return 'baseDelayMs must be milliseconds from 0 to 600000';
  if (o.maxDelayMs !== undefined && !isDelay(o.maxDelayMs)) return 'maxDelayMs must be milliseconds from 0 to 600000';
  if (o.jitter !== undefined && o.jitter !== 'full' && o.jitter !== 'none') return "jitter must be 'full' or 'none'";
  if (o.statusCodes !== undefined && !(Array.isArray(o.statusCodes) && o.statusCodes.every((c) => Number.isInteger(c)))) return 'statusCodes must be an array of HTTP status codes';
  if (o.networkErrors !== undefined && typeof o.networkErrors !== 'boolean') return 'networkErrors must be a boolean';
  if (o.shouldRetry !== undefined && typeof o.shouldRetry !== 'function') return 'shouldRetry must be a function';
  return undefined;
}
