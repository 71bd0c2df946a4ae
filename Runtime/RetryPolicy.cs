// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using Appwrite.Internal;

namespace Appwrite
{
    /// <summary>
    /// Changes to the retry policy of the core (<c>RetryPolicy</c> in Runtime/TypeScript~/src/core/retry.ts, which holds
    /// the defaults: 2 retries, 300 ms doubling up to 4 s with full jitter, on network errors and HTTP 408/500/502/503/504).
    /// Only the members you set change. Whatever the policy, only idempotent calls are retried: calls that send an SMS or
    /// email or mint a secret never are, and a 429 never is (see <see cref="AppwriteException.RateLimit"/>).
    /// </summary>
    /// <example><code>client.SetRetryPolicy(new RetryPolicy { Limit = 4, MaxDelay = TimeSpan.FromSeconds(8) });</code></example>
    public sealed class RetryPolicy
    {
        /// <summary>No retries: one attempt per call.</summary>
        public static RetryPolicy None => new RetryPolicy { Limit = 0 };

        /// <summary>Retries after the first attempt, 0 to 10.</summary>
        public int? Limit { get; set; }

        /// <summary>Delay before the first retry; doubled for each further one.</summary>
        public TimeSpan? BaseDelay { get; set; }

        /// <summary>Upper bound of one delay.</summary>
        public TimeSpan? MaxDelay { get; set; }

        /// <summary>True: a random delay up to the computed one (spreads out clients that failed together); false: exactly it.</summary>
        public bool? FullJitter { get; set; }

        /// <summary>HTTP statuses worth another try (429 is ignored here).</summary>
        public IReadOnlyList<int>? StatusCodes { get; set; }

        /// <summary>Whether to retry when no response arrived (refused, reset, cut off).</summary>
        public bool? NetworkErrors { get; set; }

        /// <summary>The JSON the core takes (partial: only the members set).</summary>
        internal string ToJson()
        {
            var json = new JsonWriter(64).BeginObject();
            if (Limit.HasValue) json.Name("limit").Number(Limit.Value);
            if (BaseDelay.HasValue) json.Name("baseDelayMs").Number((long)BaseDelay.Value.TotalMilliseconds);
            if (MaxDelay.HasValue) json.Name("maxDelayMs").Number((long)MaxDelay.Value.TotalMilliseconds);
            if (FullJitter.HasValue) json.Name("jitter").String(FullJitter.Value ? "full" : "none");
            if (NetworkErrors.HasValue) json.Name("networkErrors").Bool(NetworkErrors.Value);
            if (StatusCodes != null)
            {
                json.Name("statusCodes").BeginArray();
                foreach (var code in StatusCodes) json.Number(code);
                json.EndArray();
            }
            return json.EndObject().ToString();
        }
    }

    /// <summary>
    /// Options of the calls made through <see cref="Services.Account.WithOptions"/>: a deadline and a retry policy that
    /// win over the client's for those calls only.
    /// </summary>
    /// <example><code>var user = await client.Account.WithOptions(new CallOptions { Timeout = TimeSpan.FromSeconds(5), Retry = RetryPolicy.None }).GetAsync();</code></example>
    public sealed class CallOptions
    {
        /// <summary>Deadline of the whole call, retries included (1 ms to 10 minutes). Null: the client's (15 s by default).</summary>
        public TimeSpan? Timeout { get; set; }

        /// <summary>Retry policy changes for these calls. Null: the client's.</summary>
        public RetryPolicy? Retry { get; set; }

        /// <summary>The <c>options</c> member of the bridge's argsJson, or null when nothing is set.</summary>
        internal string? ToJson()
        {
            if (!Timeout.HasValue && Retry == null) return null;
            var json = new JsonWriter(64).BeginObject();
            if (Timeout.HasValue) json.Name("timeoutMs").Number((long)Math.Ceiling(Timeout.Value.TotalMilliseconds));
            if (Retry != null) json.Name("retry").Raw(Retry.ToJson());
            return json.EndObject().ToString();
        }
    }
}
