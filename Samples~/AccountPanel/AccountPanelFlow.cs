// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Appwrite;
using Appwrite.Enums;
using Appwrite.Models;
using Appwrite.Services;

namespace Playloom.Appwrite.Samples.AccountPanel
{
    #region preferences-type
    /// <summary>The game's settings, kept in the account's preferences so they follow the player to every device.</summary>
    /// <remarks>JsonUtility reads and writes public fields (and <c>[SerializeField]</c> private ones) only.</remarks>
    [Serializable]
    public sealed class GamePreferences
    {
        /// <summary>The UI theme, e.g. "dark" or "light".</summary>
        public string theme = "dark";

        /// <summary>Music volume from 0 to 1.</summary>
        public float musicVolume = 0.8f;

        /// <summary>Whether subtitles are shown.</summary>
        public bool subtitles = true;
    }
    #endregion

    /// <summary>
    /// An account screen: the player's sessions on every device (each can be ended), typed preferences that follow
    /// changes made elsewhere live (realtime), and setting up an authenticator app (TOTP) for multi-factor
    /// authentication. Plain C# over <see cref="Account"/>; <see cref="AccountPanelSample"/> only draws it.
    /// </summary>
    public sealed class AccountPanelFlow
    {
        private readonly Account _account;
        private RealtimeSubscription? _live;

        /// <summary>Creates the flow.</summary>
        /// <param name="account">The Account service of the client to sign in with.</param>
        public AccountPanelFlow(Account account)
        {
            _account = account ?? throw new ArgumentNullException(nameof(account));
        }

        /// <summary>Whether a player is signed in (after <see cref="RefreshAsync"/> or a sign-in).</summary>
        public bool SignedIn => User != null;

        /// <summary>Whether a call is in flight.</summary>
        public bool Busy { get; private set; }

        /// <summary>The signed-in user, or null.</summary>
        public User? User { get; private set; }

        /// <summary>The player's sessions, this device's included (<see cref="Session.Current"/>).</summary>
        public IReadOnlyList<Session> Sessions { get; private set; } = Array.Empty<Session>();

        /// <summary>The preferences; edit them, then <see cref="SavePreferencesAsync"/>.</summary>
        public GamePreferences Preferences { get; private set; } = new GamePreferences();

        /// <summary>Whether an authenticator app is set up and verified.</summary>
        public bool AuthenticatorEnabled { get; private set; }

        /// <summary>The authenticator being set up (its <c>otpauth://</c> URI and secret), or null.</summary>
        public MfaType? PendingAuthenticator { get; private set; }

        /// <summary>The 6-digit code from the authenticator app, to verify the setup.</summary>
        public string AuthenticatorCode { get; set; } = "";

        /// <summary>The latest realtime event of the account (e.g. <c>users.&lt;ID&gt;.update.prefs</c>), or an empty string.</summary>
        public string LastEvent { get; private set; } = "";

        /// <summary>The last failure, or null. Cleared when the next action starts.</summary>
        public AppwriteException? Error { get; private set; }

        /// <summary>What just succeeded, for the player, or an empty string.</summary>
        public string Notice { get; private set; } = "";

        /// <summary>Signs in with a mock phone number, whose code is fixed (local emulator, or mock numbers in the Console).</summary>
        /// <param name="phone">The mock number, e.g. the emulator's <c>+15555550100</c>.</param>
        /// <param name="code">Its fixed code, e.g. <c>123456</c>.</param>
        /// <param name="cancellationToken">Cancels the calls.</param>
        /// <returns>A task that completes when the calls are done; failures end up in <see cref="Error"/>.</returns>
        public async Task SignInWithMockPhoneAsync(string phone, string code, CancellationToken cancellationToken = default)
        {
            if (SignedIn || !Begin()) return;
            try
            {
                var token = await _account.CreatePhoneTokenAsync(userId: ID.Unique(), phone: phone, cancellationToken);
                await _account.CreateSessionAsync(userId: token.UserId, secret: code, cancellationToken);
                await LoadAsync(cancellationToken);
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

        /// <summary>Reads the user, their sessions, preferences and MFA factors; signed out when there is no session.</summary>
        /// <param name="cancellationToken">Cancels the calls.</param>
        /// <returns>A task that completes when the calls are done; failures end up in <see cref="Error"/>.</returns>
        public async Task RefreshAsync(CancellationToken cancellationToken = default)
        {
            if (!Begin()) return;
            try
            {
                await LoadAsync(cancellationToken);
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

        /// <summary>Ends one session: another device's, or this one (which signs out here).</summary>
        /// <param name="sessionId">The session's ID from <see cref="Sessions"/>.</param>
        /// <param name="cancellationToken">Cancels the calls.</param>
        /// <returns>A task that completes when the calls are done; failures end up in <see cref="Error"/>.</returns>
        public async Task DeleteSessionAsync(string sessionId, CancellationToken cancellationToken = default)
        {
            if (!SignedIn || !Begin()) return;
            #region delete-session
            try
            {
                var current = false;
                foreach (var session in Sessions) current |= session.Id == sessionId && session.Current;
                // Deleting this device's session signs out here; another device's next call gets 401.
                await _account.DeleteSessionAsync(sessionId, cancellationToken);
                if (current)
                {
                    SignedOut();
                }
                else
                {
                    SessionList list = await _account.ListSessionsAsync(cancellationToken);
                    Sessions = list.Sessions;
                }
            }
            catch (AppwriteException ex)
            {
                Error = ex;
            }
            finally
            {
                Busy = false;
            }
            #endregion
        }

        /// <summary>Saves <see cref="Preferences"/> to the account.</summary>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>A task that completes when the call is done; failures end up in <see cref="Error"/>.</returns>
        public async Task SavePreferencesAsync(CancellationToken cancellationToken = default)
        {
            if (!SignedIn || !Begin()) return;
            #region save-prefs
            try
            {
                // Replaces the stored object: every field of GamePreferences is written.
                User = await _account.UpdatePrefsAsync(Preferences, cancellationToken);
                Notice = "Preferences saved.";
            }
            catch (AppwriteException ex)
            {
                Error = ex;
            }
            finally
            {
                Busy = false;
            }
            #endregion
        }

        /// <summary>Starts setting up an authenticator app: the player scans or types the URI's secret.</summary>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>A task that completes when the call is done; failures end up in <see cref="Error"/>.</returns>
        public async Task AddAuthenticatorAsync(CancellationToken cancellationToken = default)
        {
            if (!SignedIn || AuthenticatorEnabled || !Begin()) return;
            #region add-authenticator
            try
            {
                // Uri is otpauth://totp/<project>:<user>?secret=...&issuer=...; show it as a QR code, or let the player
                // type Secret into the authenticator app. Nothing is enabled until the first code is verified.
                PendingAuthenticator = await _account.CreateMFAAuthenticatorAsync(AuthenticatorType.Totp, cancellationToken);
            }
            catch (AppwriteException ex)
            {
                Error = ex;
            }
            finally
            {
                Busy = false;
            }
            #endregion
        }

        /// <summary>Finishes the setup with the app's current code (<see cref="AuthenticatorCode"/>).</summary>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>A task that completes when the call is done; failures end up in <see cref="Error"/>.</returns>
        public async Task VerifyAuthenticatorAsync(CancellationToken cancellationToken = default)
        {
            if (PendingAuthenticator == null || !Begin()) return;
            #region verify-authenticator
            try
            {
                User = await _account.UpdateMFAAuthenticatorAsync(AuthenticatorType.Totp, otp: AuthenticatorCode.Trim(), cancellationToken);
                AuthenticatorEnabled = true;
                PendingAuthenticator = null;
                AuthenticatorCode = "";
                Notice = "Authenticator added. Turn on MFA (UpdateMFAAsync) to require it at sign-in.";
            }
            catch (AppwriteException ex)
            {
                // user_invalid_token: a wrong code, or the device clock is off by more than a few seconds.
                Error = ex;
            }
            finally
            {
                Busy = false;
            }
            #endregion
        }

        /// <summary>Drops a setup that was not verified; the next <see cref="AddAuthenticatorAsync"/> replaces it on the server.</summary>
        public void CancelAuthenticatorSetup()
        {
            if (Busy || PendingAuthenticator == null) return;
            PendingAuthenticator = null;
            AuthenticatorCode = "";
            Error = null;
        }

        /// <summary>Removes the authenticator app, proven with its current code (<see cref="AuthenticatorCode"/>).</summary>
        /// <param name="cancellationToken">Cancels the calls.</param>
        /// <returns>A task that completes when the calls are done; failures end up in <see cref="Error"/>.</returns>
        public async Task RemoveAuthenticatorAsync(CancellationToken cancellationToken = default)
        {
            if (!SignedIn || !AuthenticatorEnabled || !Begin()) return;
            #region remove-authenticator
            try
            {
                // Removing a factor needs a challenge passed in the last few minutes (user_challenge_required otherwise).
                MfaChallenge challenge = await _account.CreateMFAChallengeAsync(AuthenticationFactor.Totp, cancellationToken);
                await _account.UpdateMFAChallengeAsync(challengeId: challenge.Id, otp: AuthenticatorCode.Trim(), cancellationToken);
                await _account.DeleteMFAAuthenticatorAsync(AuthenticatorType.Totp, cancellationToken);
                AuthenticatorEnabled = false;
                AuthenticatorCode = "";
                Notice = "Authenticator removed.";
            }
            catch (AppwriteException ex)
            {
                // user_invalid_token: a wrong code.
                Error = ex;
            }
            finally
            {
                Busy = false;
            }
            #endregion
        }

        /// <summary>Ends this device's session.</summary>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>A task that completes when the call is done; failures end up in <see cref="Error"/>.</returns>
        public async Task SignOutAsync(CancellationToken cancellationToken = default)
        {
            if (!SignedIn || !Begin()) return;
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

        private async Task LoadAsync(CancellationToken cancellationToken)
        {
            #region load
            var user = await _account.GetAsync(cancellationToken);
            SessionList sessions = await _account.ListSessionsAsync(cancellationToken);
            GamePreferences preferences = await _account.GetPrefsAsync<GamePreferences>(cancellationToken);
            MfaFactors factors = await _account.ListMFAFactorsAsync(cancellationToken);
            #endregion
            Sessions = sessions.Sessions;
            Preferences = preferences;
            AuthenticatorEnabled = factors.Totp;
            User = user;
            await ListenAsync(user.Id, cancellationToken);
        }

        private async Task ListenAsync(string userId, CancellationToken cancellationToken)
        {
            if (_live != null) return;
            #region realtime
            // Every change to this account, made on any device, arrives here on the main thread. The task completes
            // once the server confirmed the subscription (or, offline, at once: it resumes when the connection does).
            _live = await _account.Client.Realtime.SubscribeAsync(Channel.Account(), e =>
            {
                LastEvent = MostSpecific(e.Events);
                // Preferences saved on another device: show them without a refresh.
                if (e.User != null && e.Is($"users.{userId}.update.prefs")) Preferences = e.User.GetPrefs<GamePreferences>();
            }, cancellationToken: cancellationToken);
            #endregion
        }

        // An event comes with every name that matches it (users.*, users.<ID>.update, ...); the longest says the most.
        private static string MostSpecific(IReadOnlyList<string> events)
        {
            var best = "";
            foreach (var name in events)
            {
                if (name.IndexOf('*') < 0 && name.Length > best.Length) best = name;
            }
            return best;
        }

        private void SignedOut()
        {
            _live?.Dispose();
            _live = null;
            LastEvent = "";
            User = null;
            Sessions = Array.Empty<Session>();
            Preferences = new GamePreferences();
            AuthenticatorEnabled = false;
            PendingAuthenticator = null;
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
