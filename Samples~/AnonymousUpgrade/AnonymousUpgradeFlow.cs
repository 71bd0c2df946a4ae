// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Threading;
using System.Threading.Tasks;
using Appwrite;
using Appwrite.Models;
using Appwrite.Services;

namespace Playloom.Appwrite.Samples.AnonymousUpgrade
{
    /// <summary>Where the guest account stands.</summary>
    public enum AnonymousUpgradeStep
    {
        /// <summary>No session: play as a guest, or sign in to an upgraded account.</summary>
        SignedOut,

        /// <summary>Playing as a guest (an anonymous account without email or phone).</summary>
        Guest,

        /// <summary>The account has an email (and password): it can be signed in to again.</summary>
        Registered,
    }

    /// <summary>The progress kept in the account's preferences, to show that it survives the upgrade.</summary>
    [Serializable]
    public sealed class GuestProgress
    {
        /// <summary>Points earned so far. JsonUtility writes public fields, so this is one.</summary>
        public int points;
    }

    /// <summary>
    /// Play first, register later: an anonymous session, progress saved to the account, then the same account upgraded
    /// with an email and password (and optionally a phone number). Plain C# over <see cref="Account"/>;
    /// <see cref="AnonymousUpgradeSample"/> only draws it.
    /// </summary>
    public sealed class AnonymousUpgradeFlow
    {
        private readonly Account _account;

        /// <summary>Creates the flow.</summary>
        /// <param name="account">The Account service of the client to sign in with.</param>
        public AnonymousUpgradeFlow(Account account)
        {
            _account = account ?? throw new ArgumentNullException(nameof(account));
        }

        /// <summary>The current step.</summary>
        public AnonymousUpgradeStep Step { get; private set; } = AnonymousUpgradeStep.SignedOut;

        /// <summary>The email for the upgrade, or for signing in again.</summary>
        public string Email { get; set; } = "";

        /// <summary>The password for the upgrade (at least 8 characters), or for signing in again.</summary>
        public string Password { get; set; } = "";

        /// <summary>A phone number to add after the upgrade, in E.164 format.</summary>
        public string Phone { get; set; } = "";

        /// <summary>Whether a call is in flight.</summary>
        public bool Busy { get; private set; }

        /// <summary>The signed-in user, or null.</summary>
        public User? User { get; private set; }

        /// <summary>The progress stored in the user's preferences.</summary>
        public GuestProgress Progress { get; private set; } = new GuestProgress();

        /// <summary>The last failure, or null. Cleared when the next action starts.</summary>
        public AppwriteException? Error { get; private set; }

        /// <summary>Picks up a session stored by an earlier run: a returning guest keeps playing.</summary>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>A task that completes when the check is done; failures end up in <see cref="Error"/>.</returns>
        public async Task RestoreAsync(CancellationToken cancellationToken = default)
        {
            if (!Begin()) return;
            try
            {
                await LoadAsync(cancellationToken);
            }
            catch (AppwriteException ex) when (ex.Code == 401)
            {
                Step = AnonymousUpgradeStep.SignedOut;
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

        /// <summary>Starts playing with a new anonymous account.</summary>
        /// <param name="cancellationToken">Cancels the calls.</param>
        /// <returns>A task that completes when the calls are done; failures end up in <see cref="Error"/>.</returns>
        public async Task PlayAsGuestAsync(CancellationToken cancellationToken = default)
        {
            if (Step != AnonymousUpgradeStep.SignedOut || !Begin()) return;
            #region play-as-guest
            try
            {
                // An account without email, phone or password. Its session is stored like any other.
                await _account.CreateAnonymousSessionAsync(cancellationToken);
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
            #endregion
        }

        /// <summary>Adds a point to the progress and saves it to the account.</summary>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>A task that completes when the call is done; failures end up in <see cref="Error"/>.</returns>
        public async Task EarnPointAsync(CancellationToken cancellationToken = default)
        {
            if (Step == AnonymousUpgradeStep.SignedOut || !Begin()) return;
            #region save-progress
            try
            {
                var progress = new GuestProgress { points = Progress.points + 1 };
                await _account.UpdatePrefsAsync(progress, cancellationToken);
                Progress = progress;
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

        /// <summary>Turns the guest into a registered account with <see cref="Email"/> and <see cref="Password"/>.</summary>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>A task that completes when the call is done; failures end up in <see cref="Error"/>.</returns>
        public async Task UpgradeWithEmailAsync(CancellationToken cancellationToken = default)
        {
            if (Step != AnonymousUpgradeStep.Guest || !Begin()) return;
            #region upgrade-email
            try
            {
                // The same user (ID, preferences, sessions) gets an email; for an account without a password, the
                // password given here becomes its password.
                User = await _account.UpdateEmailAsync(email: Email.Trim(), password: Password, cancellationToken);
                Step = AnonymousUpgradeStep.Registered;
            }
            catch (AppwriteException ex)
            {
                // general_bad_request or user_already_exists: another account has this address.
                Error = ex;
            }
            finally
            {
                Busy = false;
            }
            #endregion
        }

        /// <summary>Adds <see cref="Phone"/> to the registered account, confirmed with its <see cref="Password"/>.</summary>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>A task that completes when the call is done; failures end up in <see cref="Error"/>.</returns>
        public async Task AddPhoneAsync(CancellationToken cancellationToken = default)
        {
            if (Step != AnonymousUpgradeStep.Registered || !Begin()) return;
            #region add-phone
            try
            {
                // The number can then sign in by SMS too. It stays unverified until CreatePhoneVerificationAsync.
                User = await _account.UpdatePhoneAsync(phone: Phone.Trim(), password: Password, cancellationToken);
            }
            catch (AppwriteException ex)
            {
                // user_invalid_credentials: wrong password; user_phone_already_exists: another account has the number.
                Error = ex;
            }
            finally
            {
                Busy = false;
            }
            #endregion
        }

        /// <summary>Signs in to a registered account with <see cref="Email"/> and <see cref="Password"/>.</summary>
        /// <param name="cancellationToken">Cancels the calls.</param>
        /// <returns>A task that completes when the calls are done; failures end up in <see cref="Error"/>.</returns>
        public async Task SignInAsync(CancellationToken cancellationToken = default)
        {
            if (Step != AnonymousUpgradeStep.SignedOut || !Begin()) return;
            try
            {
                await _account.CreateEmailPasswordSessionAsync(email: Email.Trim(), password: Password, cancellationToken);
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

        /// <summary>Ends the session. A guest who signs out cannot come back to that account.</summary>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>A task that completes when the call is done; failures end up in <see cref="Error"/>.</returns>
        public async Task SignOutAsync(CancellationToken cancellationToken = default)
        {
            if (Step == AnonymousUpgradeStep.SignedOut || !Begin()) return;
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

        // The user and their progress; an account without email or phone is a guest.
        private async Task LoadAsync(CancellationToken cancellationToken)
        {
            var user = await _account.GetAsync(cancellationToken);
            Progress = user.GetPrefs<GuestProgress>();
            User = user;
            Step = user.Email.Length == 0 && user.Phone.Length == 0 ? AnonymousUpgradeStep.Guest : AnonymousUpgradeStep.Registered;
        }

        private void SignedOut()
        {
            Step = AnonymousUpgradeStep.SignedOut;
            User = null;
            Progress = new GuestProgress();
        }

        // Marks the start of an action; false while another one runs.
        private bool Begin()
        {
            if (Busy) return false;
            Busy = true;
            Error = null;
            return true;
        }
    }
}
