// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Threading;
using System.Threading.Tasks;
using Appwrite;
using Appwrite.Models;
using Appwrite.Services;

namespace Playloom.Appwrite.Samples.EmailPassword
{
    /// <summary>Where the email and password flow stands.</summary>
    public enum EmailPasswordStep
    {
        /// <summary>Signing in or creating an account.</summary>
        SignedOut,

        /// <summary>A recovery email was sent; waiting for its link and a new password.</summary>
        ResetPassword,

        /// <summary>The player is signed in.</summary>
        SignedIn,
    }

    /// <summary>
    /// Email and password accounts: sign up, sign in, sign out, and password recovery by email link. Plain C# over
    /// <see cref="Account"/>; <see cref="EmailPasswordSample"/> only draws it.
    /// </summary>
    public sealed class EmailPasswordFlow
    {
        private readonly Account _account;

        /// <summary>Creates the flow.</summary>
        /// <param name="account">The Account service of the client to sign in with.</param>
        /// <param name="recoveryUrl">
        /// The page the recovery email links to, with <c>userId</c> and <c>secret</c> added. On Appwrite Cloud or a
        /// self-hosted server its host must be a platform of the project (Console &gt; Overview &gt; Platforms).
        /// </param>
        public EmailPasswordFlow(Account account, string recoveryUrl)
        {
            _account = account ?? throw new ArgumentNullException(nameof(account));
            RecoveryUrl = recoveryUrl ?? throw new ArgumentNullException(nameof(recoveryUrl));
        }

        /// <summary>The page the recovery email links to.</summary>
        public string RecoveryUrl { get; }

        /// <summary>The current step.</summary>
        public EmailPasswordStep Step { get; private set; } = EmailPasswordStep.SignedOut;

        /// <summary>The display name for a new account (optional).</summary>
        public string Name { get; set; } = "";

        /// <summary>The email address.</summary>
        public string Email { get; set; } = "";

        /// <summary>The password (at least 8 characters).</summary>
        public string Password { get; set; } = "";

        /// <summary>The link from the recovery email, pasted by the player.</summary>
        public string RecoveryLink { get; set; } = "";

        /// <summary>The new password for the recovery.</summary>
        public string NewPassword { get; set; } = "";

        /// <summary>Whether a call is in flight.</summary>
        public bool Busy { get; private set; }

        /// <summary>The signed-in user, or null.</summary>
        public User? User { get; private set; }

        /// <summary>The last failure, or null. Cleared when the next action starts.</summary>
        public AppwriteException? Error { get; private set; }

        /// <summary>What just succeeded, for the player (e.g. "Password changed"), or an empty string.</summary>
        public string Notice { get; private set; } = "";

        /// <summary>Picks up a session stored by an earlier run: signed in if the server still accepts it.</summary>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>A task that completes when the check is done; failures end up in <see cref="Error"/>.</returns>
        public async Task RestoreAsync(CancellationToken cancellationToken = default)
        {
            if (!Begin()) return;
            try
            {
                User = await _account.GetAsync(cancellationToken);
                Step = EmailPasswordStep.SignedIn;
            }
            catch (AppwriteException ex) when (ex.Code == 401)
            {
                Step = EmailPasswordStep.SignedOut;
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

        /// <summary>Creates an account with <see cref="Email"/>, <see cref="Password"/> and <see cref="Name"/>, then signs in.</summary>
        /// <param name="cancellationToken">Cancels the calls.</param>
        /// <returns>A task that completes when the calls are done; failures end up in <see cref="Error"/>.</returns>
        public async Task SignUpAsync(CancellationToken cancellationToken = default)
        {
            if (Step != EmailPasswordStep.SignedOut || !Begin()) return;
            #region sign-up
            try
            {
                // Creating the account does not sign in: a session is a second call.
                await _account.CreateAsync(userId: ID.Unique(), email: Email.Trim(), password: Password, name: Name.Trim().Length > 0 ? Name.Trim() : null, cancellationToken);
                await _account.CreateEmailPasswordSessionAsync(email: Email.Trim(), password: Password, cancellationToken);
                User = await _account.GetAsync(cancellationToken);
                Step = EmailPasswordStep.SignedIn;
            }
            catch (AppwriteException ex)
            {
                // user_already_exists: the address has an account, sign in instead. general_argument_invalid: a bad
                // address or a password under 8 characters (the message names the parameter).
                Error = ex;
            }
            finally
            {
                Busy = false;
            }
            #endregion
        }

        /// <summary>Signs in with <see cref="Email"/> and <see cref="Password"/>.</summary>
        /// <param name="cancellationToken">Cancels the calls.</param>
        /// <returns>A task that completes when the calls are done; failures end up in <see cref="Error"/>.</returns>
        public async Task SignInAsync(CancellationToken cancellationToken = default)
        {
            if (Step != EmailPasswordStep.SignedOut || !Begin()) return;
            #region sign-in
            try
            {
                Session session = await _account.CreateEmailPasswordSessionAsync(email: Email.Trim(), password: Password, cancellationToken);
                User = await _account.GetAsync(cancellationToken);
                Step = EmailPasswordStep.SignedIn;
                Notice = $"Signed in with {session.Provider}.";
            }
            catch (AppwriteException ex)
            {
                // user_invalid_credentials: wrong address or password; 429: too many attempts, wait before trying again.
                Error = ex;
            }
            finally
            {
                Busy = false;
            }
            #endregion
        }

        /// <summary>Emails a password-reset link to <see cref="Email"/>.</summary>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>A task that completes when the call is done; failures end up in <see cref="Error"/>.</returns>
        public async Task SendRecoveryAsync(CancellationToken cancellationToken = default)
        {
            if (Step != EmailPasswordStep.SignedOut || !Begin()) return;
            #region send-recovery
            try
            {
                // The email links to RecoveryUrl?userId=...&secret=...&expire=... and is valid for one hour.
                await _account.CreateRecoveryAsync(email: Email.Trim(), url: RecoveryUrl, cancellationToken);
                Step = EmailPasswordStep.ResetPassword;
                Notice = $"A reset link was sent to {Email.Trim()}.";
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

        /// <summary>Sets <see cref="NewPassword"/> with the user ID and secret of <see cref="RecoveryLink"/>.</summary>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>A task that completes when the call is done; failures end up in <see cref="Error"/>.</returns>
        public async Task ResetPasswordAsync(CancellationToken cancellationToken = default)
        {
            if (Step != EmailPasswordStep.ResetPassword || !Begin()) return;
            if (!TryReadRecoveryLink(RecoveryLink, out var userId, out var secret))
            {
                Error = new AppwriteException("Paste the whole link from the recovery email: it carries userId and secret.", 0, AppwriteErrorType.ArgumentInvalid);
                Busy = false;
                return;
            }
            #region reset-password
            try
            {
                await _account.UpdateRecoveryAsync(userId: userId, secret: secret, password: NewPassword, cancellationToken);
                Password = NewPassword;
                NewPassword = "";
                RecoveryLink = "";
                Step = EmailPasswordStep.SignedOut;
                Notice = "Password changed. Sign in with the new password.";
            }
            catch (AppwriteException ex)
            {
                // user_invalid_token: the link was used already or is older than an hour; send a new one.
                Error = ex;
            }
            finally
            {
                Busy = false;
            }
            #endregion
        }

        /// <summary>Leaves the recovery without changing the password.</summary>
        public void CancelRecovery()
        {
            if (Busy || Step != EmailPasswordStep.ResetPassword) return;
            Step = EmailPasswordStep.SignedOut;
            Error = null;
            Notice = "";
        }

        /// <summary>Ends the current session on the server and on the device.</summary>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>A task that completes when the call is done; failures end up in <see cref="Error"/>.</returns>
        public async Task SignOutAsync(CancellationToken cancellationToken = default)
        {
            if (Step != EmailPasswordStep.SignedIn || !Begin()) return;
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

        /// <summary>Reads <c>userId</c> and <c>secret</c> from the query of a recovery link.</summary>
        /// <param name="link">The link, e.g. <c>http://localhost/recovery?userId=...&amp;secret=...&amp;expire=...</c>.</param>
        /// <param name="userId">The user ID, or an empty string.</param>
        /// <param name="secret">The secret, or an empty string.</param>
        /// <returns>Whether both were found.</returns>
        public static bool TryReadRecoveryLink(string? link, out string userId, out string secret)
        {
            userId = "";
            secret = "";
            var text = (link ?? "").Trim();
            var query = text.IndexOf('?');
            if (query < 0) return false;
            var end = text.IndexOf('#', query);
            foreach (var pair in text.Substring(query + 1, (end < 0 ? text.Length : end) - query - 1).Split('&'))
            {
                var equals = pair.IndexOf('=');
                if (equals <= 0) continue;
                var value = Uri.UnescapeDataString(pair.Substring(equals + 1).Replace('+', ' '));
                switch (pair.Substring(0, equals))
                {
                    case "userId": userId = value; break;
                    case "secret": secret = value; break;
                }
            }
            return userId.Length > 0 && secret.Length > 0;
        }

        private void SignedOut()
        {
            Step = EmailPasswordStep.SignedOut;
            User = null;
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
