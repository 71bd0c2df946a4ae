// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Appwrite.Enums;
using Appwrite.Models;
using Appwrite.OAuth;

namespace Appwrite.Services
{
    public sealed partial class Account
    {
        /// <summary>
        /// Completes an OAuth2 sign-in whose callback arrived while no <see cref="CreateOAuth2TokenAsync"/> call was waiting:
        /// typically the OS stopped the game while the player was in the browser, and the callback link launched it again
        /// (<c>Application.absoluteURL</c>). Call it once at startup, before offering the sign-in buttons.
        /// </summary>
        /// <remarks>
        /// The callback's secret is valid for about 60 seconds, so a late call fails with the server's
        /// <c>user_invalid_token</c>. The callback is used once; starting a new sign-in discards it.
        /// </remarks>
        /// <param name="cancellationToken">Cancels the call and aborts its request; the task then ends as cancelled.</param>
        /// <returns>The new <see cref="Session"/>, or null when no callback is waiting.</returns>
        /// <exception cref="AppwriteException">The callback reports a failed sign-in (the server's error type), or creating the session failed.</exception>
        public async Task<Session?> CompletePendingOAuth2Async(CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var url = OAuth2Flows.TakeUnclaimed();
            if (url == null) return null;
            var callback = OAuth2Callback.Read(url);
            if (callback.Error != null) throw callback.Error;
            return await CreateSessionAsync(callback.UserId, callback.Secret, cancellationToken);
        }

        // CreateOAuth2TokenAsync and CreateOAuth2SessionAsync (generated): the token flow with a deep link back to the app.
        private async Task<Session> SignInWithOAuth2Async(OAuthProvider provider, string? success, string? failure, IEnumerable<string>? scopes, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (success == null || failure == null)
            {
                var project = _client.ProjectId;
                if (project.Length == 0)
                {
                    throw new AppwriteException(
                        "OAuth2 sign-in needs the project ID for its callback scheme appwrite-callback-<PROJECT_ID>: call SetProject or set it in Project Settings > Appwrite, or pass success and failure URLs.",
                        0, AppwriteErrorType.NotConfigured);
                }
                success ??= OAuth2.DefaultSuccessUrl(project);
                failure ??= OAuth2.DefaultFailureUrl(project);
            }
            var successUrl = CallbackUrl.Parse(success) ?? throw InvalidRedirect("success", success);
            var failureUrl = CallbackUrl.Parse(failure) ?? throw InvalidRedirect("failure", failure);
            var url = await GetOAuth2TokenUrlAsync(provider, success, failure, scopes, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();

            // Wait before opening: on some devices the link can come back before OpenURL returns.
            var flow = OAuth2Flows.Begin(successUrl, failureUrl, OAuth2.Timeout, cancellationToken);
            try
            {
                OAuth2.Open(url);
            }
            catch (Exception e)
            {
                var error = new AppwriteException($"OAuth2 sign-in could not open the browser: {e.Message}", 0, AppwriteErrorType.NotConfigured, innerException: e);
                flow.Cancel(CancellationToken.None);
                throw error;
            }
            var callback = await flow.Task;
            if (callback.Error != null) throw callback.Error;
            return await CreateSessionAsync(callback.UserId, callback.Secret, cancellationToken);
        }

        private static AppwriteException InvalidRedirect(string name, string value) => new AppwriteException(
            $"Invalid \"{name}\" param of account.createOAuth2Token: expected an absolute URL such as appwrite-callback-<PROJECT_ID>://auth/{name} (got {(value.Length == 0 ? "an empty string" : "a URL without a scheme")}).",
            0, AppwriteErrorType.ArgumentInvalid);
    }
}
