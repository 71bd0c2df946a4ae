// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Globalization;
using Appwrite.Internal;

namespace Appwrite.OAuth
{
    /// <summary>
    /// What an OAuth2 callback said: the token flow's <c>userId</c> and <c>secret</c>, or the error the server put on the
    /// failure URL (<c>error={"message","type","code"}</c>). Never printed: <see cref="ToString"/> masks the secret.
    /// </summary>
    internal sealed class OAuth2Callback
    {
        private OAuth2Callback(string userId, string secret, AppwriteException? error)
        {
            UserId = userId;
            Secret = secret;
            Error = error;
        }

        public string UserId { get; }

        /// <summary>The token secret (a JWT valid for about 60 seconds in Appwrite 1.9).</summary>
        public string Secret { get; }

        /// <summary>Set when the sign-in failed; then <see cref="UserId"/> and <see cref="Secret"/> are empty.</summary>
        public AppwriteException? Error { get; }

        /// <summary>Whether <paramref name="url"/> is the success or failure URL of a flow (same base, query ignored).</summary>
        public static bool Matches(CallbackUrl url, CallbackUrl success, CallbackUrl failure) =>
            string.Equals(url.Base, success.Base, StringComparison.Ordinal) || string.Equals(url.Base, failure.Base, StringComparison.Ordinal);

        /// <summary>Whether a URL that no flow claimed looks like an OAuth2 callback worth keeping for a cold start.</summary>
        public static bool LooksLikeCallback(CallbackUrl url) =>
            url.Scheme.StartsWith(OAuth2.CallbackSchemePrefix, StringComparison.Ordinal) || (url.Get("userId") != null && url.Get("secret") != null);

        /// <summary>Reads a callback of a flow whose success and failure URLs are known.</summary>
        public static OAuth2Callback Read(CallbackUrl url, CallbackUrl success, CallbackUrl failure)
        {
            var error = url.Get("error");
            var atFailure = string.Equals(url.Base, failure.Base, StringComparison.Ordinal) && !string.Equals(url.Base, success.Base, StringComparison.Ordinal);
            if (error != null || atFailure) return Failed(error);
            return Read(url);
        }

        /// <summary>Reads a callback on its own (a cold start): an <c>error</c> parameter, or <c>userId</c> and <c>secret</c>.</summary>
        public static OAuth2Callback Read(CallbackUrl url)
        {
            var error = url.Get("error");
            if (error != null) return Failed(error);
            var userId = url.Get("userId");
            var secret = url.Get("secret");
            if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(secret))
            {
                // Name the parameters, never the URL: its query may hold a secret.
                return new OAuth2Callback("", "", new AppwriteException(
                    $"The OAuth2 callback to {url.Base} has no {(string.IsNullOrEmpty(userId) ? "userId" : "secret")} parameter. Appwrite adds userId and secret to " +
                    "the success URL of the token flow (CreateOAuth2TokenAsync); a session-flow URL or a page that drops the query cannot sign the player in.",
                    0, AppwriteErrorType.MalformedResponse));
            }
            Redactor.AddSecret(secret);
            return new OAuth2Callback(userId!, secret!, null);
        }

        private static OAuth2Callback Failed(string? errorText)
        {
            // The server sends {"message","type","code"} as JSON; providers or custom pages may send plain text.
            var data = JsonReader.TryParseObject(errorText);
            var message = data?.GetString("message") ?? (string.IsNullOrWhiteSpace(errorText) ? "the sign-in was cancelled or refused" : errorText!);
            if (message.Length > 500) message = message.Substring(0, 500) + "…";
            var type = data?.GetString("type");
            var code = data?.GetNumber("code") ?? (data != null && int.TryParse(data.GetString("code"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0);
            return new OAuth2Callback("", "", new AppwriteException(
                "OAuth2 sign-in failed: " + Redactor.Redact(message),
                (int)code,
                string.IsNullOrEmpty(type) ? "user_oauth2_provider_error" : type!,
                errorText ?? ""));
        }

        /// <summary>For logs: never the secret.</summary>
        public override string ToString() => Error != null ? "OAuth2 failure: " + Error.Type : "OAuth2 success for user " + UserId;
    }
}
