// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using Appwrite.Internal;

namespace Appwrite
{
    /// <summary>
    /// The one error type of the SDK, for server errors and client-side failures alike. Tell kinds apart by
    /// <see cref="Type"/> (server types such as <c>user_invalid_token</c>, or the client types in
    /// <see cref="AppwriteErrorType"/>), never by parsing <see cref="Exception.Message"/>.
    /// </summary>
    /// <remarks>
    /// Cancelled calls do not throw this type: their task ends as cancelled, so <c>await</c> throws
    /// <see cref="OperationCanceledException"/>. Messages name the method and path and never contain a secret.
    /// </remarks>
    public class AppwriteException : Exception
    {
        /// <summary>Creates an exception.</summary>
        /// <param name="message">What went wrong, for people.</param>
        /// <param name="code">The HTTP status, or 0 when no HTTP response was involved.</param>
        /// <param name="type">The error type, e.g. <c>user_invalid_credentials</c> or <c>client_timeout</c>.</param>
        /// <param name="response">The raw response body of an HTTP error, or an empty string.</param>
        /// <param name="rateLimit">Rate-limit details of a 429 response, when the server sent them.</param>
        /// <param name="innerException">The cause, if any.</param>
        public AppwriteException(string message, int code = 0, string type = "", string response = "", RateLimitInfo? rateLimit = null, Exception? innerException = null)
            : base(message, innerException)
        {
            Code = code;
            Type = type ?? "";
            Response = response ?? "";
            RateLimit = rateLimit;
        }

        /// <summary>The HTTP status, or 0 when the request never produced a response (validation, network, timeout).</summary>
        public int Code { get; }

        /// <summary>The error type: a server type such as <c>user_invalid_token</c>, or one of <see cref="AppwriteErrorType"/>.</summary>
        public string Type { get; }

        /// <summary>The raw response body of an HTTP error; an empty string otherwise.</summary>
        public string Response { get; }

        /// <summary>On 429 responses: the limit, what is left, and when the window resets. Null otherwise.</summary>
        public RateLimitInfo? RateLimit { get; }

        /// <summary>Reads the error JSON of the bridge (<c>{name, message, code, type, response, rateLimit}</c>).</summary>
        internal static AppwriteException FromJson(string errorJson)
        {
            var data = JsonReader.TryParseObject(errorJson);
            if (data == null || data.GetString("message") is not string message)
            {
                return new AppwriteException("The Appwrite core reported an error in a form this version of the C# shell cannot read.", 0, AppwriteErrorType.BridgeError);
            }
            RateLimitInfo? rateLimit = null;
            if (data.GetObject("rateLimit") is Dictionary<string, object?> limit && limit.GetNumber("resetAt") is double resetAt)
            {
                rateLimit = new RateLimitInfo(
                    (int)(limit.GetNumber("limit") ?? 0),
                    (int)(limit.GetNumber("remaining") ?? 0),
                    DateTimeOffset.FromUnixTimeMilliseconds((long)resetAt));
            }
            return new AppwriteException(message, (int)(data.GetNumber("code") ?? 0), data.GetString("type") ?? "", data.GetString("response") ?? "", rateLimit);
        }
    }

    /// <summary>Rate-limit state reported by the server with a 429 response (<c>X-RateLimit-*</c> headers).</summary>
    public sealed class RateLimitInfo
    {
        /// <summary>Creates the value.</summary>
        /// <param name="limit">Requests allowed in the window.</param>
        /// <param name="remaining">Requests left in the window.</param>
        /// <param name="resetAt">When the window resets.</param>
        public RateLimitInfo(int limit, int remaining, DateTimeOffset resetAt)
        {
            Limit = limit;
            Remaining = remaining;
            ResetAt = resetAt;
        }

        /// <summary>Requests allowed in the window.</summary>
        public int Limit { get; }

        /// <summary>Requests left in the window (0 after a 429).</summary>
        public int Remaining { get; }

        /// <summary>When the window resets: show a cooldown until then instead of retrying.</summary>
        public DateTimeOffset ResetAt { get; }
    }

    /// <summary>The error types raised on the client; server types (<c>user_*</c>, <c>general_*</c>...) pass through unchanged.</summary>
    public static class AppwriteErrorType
    {
        /// <summary>A parameter failed validation before any request was sent (the server's own type for the same failure).</summary>
        public const string ArgumentInvalid = "general_argument_invalid";

        /// <summary>The connection failed: refused, reset, DNS, TLS, or the body was cut off.</summary>
        public const string NetworkError = "client_network_error";

        /// <summary>No complete response arrived before the deadline.</summary>
        public const string Timeout = "client_timeout";

        /// <summary>The call was cancelled. The C# API ends such tasks as cancelled instead of throwing this type.</summary>
        public const string Cancelled = "client_cancelled";

        /// <summary>The server answered with a body that is not the JSON it declared, or not the expected model.</summary>
        public const string MalformedResponse = "client_malformed_response";

        /// <summary>An HTTP error whose body is not Appwrite's JSON, typically a proxy or gateway error page.</summary>
        public const string ErrorPage = "client_error_page";

        /// <summary>The client is not usable: no project set, destroyed, or the script runtime (Puerts) is missing.</summary>
        public const string NotConfigured = "client_not_configured";

        /// <summary>The C# shell and the script core did not understand each other (version mismatch, internal error).</summary>
        public const string BridgeError = "client_bridge_error";
    }
}
