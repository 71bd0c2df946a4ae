// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Threading;
using System.Threading.Tasks;
using Appwrite;
using Appwrite.Enums;
using Appwrite.Models;
using Appwrite.Services;

namespace Playloom.Appwrite.Samples.OAuth2DeepLink
{
    /// <summary>Where the OAuth2 sign-in stands.</summary>
    public enum OAuth2Step
    {
        /// <summary>Choosing a provider.</summary>
        SignedOut,

        /// <summary>The provider's page is open in the browser; waiting for the deep link back to the game.</summary>
        Waiting,

        /// <summary>The player is signed in.</summary>
        SignedIn,
    }

    /// <summary>
    /// OAuth2 sign-in through the system browser and a deep link back to the game
    /// (<c>appwrite-callback-&lt;PROJECT_ID&gt;://</c>), with cancel and the cold start after the OS closed the game.
    /// Plain C# over <see cref="Account"/>; <see cref="OAuth2DeepLinkSample"/> only draws it.
    /// </summary>
    public sealed class OAuth2Flow
    {
        private readonly Account _account;
        private CancellationTokenSource? _wait;

        /// <summary>Creates the flow.</summary>
        /// <param name="account">The Account service of the client to sign in with.</param>
        public OAuth2Flow(Account account)
        {
            _account = account ?? throw new ArgumentNullException(nameof(account));
        }

        /// <summary>The provider to sign in with; enable it in the Console (Auth &gt; Settings) first.</summary>
        public OAuthProvider Provider { get; set; } = OAuthProvider.Github;

        /// <summary>The current step.</summary>
        public OAuth2Step Step { get; private set; } = OAuth2Step.SignedOut;

        /// <summary>Whether a call is in flight.</summary>
        public bool Busy { get; private set; }

        /// <summary>The signed-in user, or null.</summary>
        public User? User { get; private set; }

        /// <summary>The session created by the last sign-in, or null (also after a restore).</summary>
        public Session? Session { get; private set; }

        /// <summary>The last failure, or null. Cleared when the next action starts.</summary>
        public AppwriteException? Error { get; private set; }

        /// <summary>What just happened, for the player (e.g. "Sign-in cancelled."), or an empty string.</summary>
        public string Notice { get; private set; } = "";

        /// <summary>
        /// Run once at startup: finishes a sign-in whose deep link launched the game (the OS may close a game while the
        /// player is in the browser), else picks up a stored session.
        /// </summary>
        /// <param name="cancellationToken">Cancels the calls.</param>
        /// <returns>A task that completes when the check is done; failures end up in <see cref="Error"/>.</returns>
        public async Task RestoreAsync(CancellationToken cancellationToken = default)
        {
            if (!Begin()) return;
            #region restore
            try
            {
                // Null when the game was not launched by a callback link.
                Session = await _account.CompletePendingOAuth2Async(cancellationToken);
                User = await _account.GetAsync(cancellationToken);
                Step = OAuth2Step.SignedIn;
            }
            catch (AppwriteException ex) when (ex.Code == 401)
            {
                // No session: show the sign-in buttons.
                Step = OAuth2Step.SignedOut;
            }
            catch (AppwriteException ex)
            {
                // The launch link reported a failure, or it came too late (user_invalid_token): sign in again.
                Step = OAuth2Step.SignedOut;
                Error = ex;
            }
            finally
            {
                Busy = false;
            }
            #endregion
        }

        /// <summary>Opens <see cref="Provider"/>'s sign-in page and waits for the player to come back signed in.</summary>
        /// <param name="cancellationToken">Cancels the wait; <see cref="Cancel"/> does the same from a button.</param>
        /// <returns>A task that completes when the sign-in ended; failures end up in <see cref="Error"/>.</returns>
        public async Task SignInAsync(CancellationToken cancellationToken = default)
        {
            if (Step != OAuth2Step.SignedOut || !Begin()) return;
            Step = OAuth2Step.Waiting;
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _wait = wait;
            #region sign-in
            try
            {
                // Opens the browser, waits for appwrite-callback-<PROJECT_ID>://auth/success?userId=...&secret=...
                // and creates the session from it. No success or failure URL: the callback scheme is the default.
                Session = await _account.CreateOAuth2TokenAsync(Provider, cancellationToken: wait.Token);
                User = await _account.GetAsync(cancellationToken);
                Step = OAuth2Step.SignedIn;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The player pressed Cancel; the browser page may still be open, its link is ignored.
                Step = OAuth2Step.SignedOut;
                Notice = "Sign-in cancelled.";
            }
            catch (AppwriteException ex)
            {
                // user_oauth2_provider_error: the player declined; client_timeout: no link came back in time
                // (OAuth2.Timeout); client_not_configured: no project set, so no callback scheme.
                Step = OAuth2Step.SignedOut;
                Error = ex;
            }
            finally
            {
                _wait = null;
                Busy = false;
            }
            #endregion
        }

        /// <summary>Stops waiting for the browser.</summary>
        public void Cancel() => _wait?.Cancel();

        /// <summary>Ends the current session on the server and on the device.</summary>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>A task that completes when the call is done; failures end up in <see cref="Error"/>.</returns>
        public async Task SignOutAsync(CancellationToken cancellationToken = default)
        {
            if (Step != OAuth2Step.SignedIn || !Begin()) return;
            try
            {
                await _account.DeleteSessionAsync("current", cancellationToken);
                SignedOut();
            }
            catch (AppwriteException ex) when (ex.Code == 401)
            {
                SignedOut();
            }
            catch (AppwriteException ex)
            {
                Error = ex;
            }
            finally
            {
                Busy = false;
            }
        }

        private void SignedOut()
        {
            Step = OAuth2Step.SignedOut;
            User = null;
            Session = null;
            Notice = "Signed out.";
        }

        // Marks the start of an action; false while another one runs.
        private bool Begin()
        {
            if (Busy) return false;
            Busy = true;
            Error = null;
            Notice = "";
            return true;
        }
    }
}
