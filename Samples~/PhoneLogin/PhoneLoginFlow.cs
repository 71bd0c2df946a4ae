// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Threading;
using System.Threading.Tasks;
using Appwrite;
using Appwrite.Models;
using Appwrite.Services;

namespace Playloom.Appwrite.Samples.PhoneLogin
{
    /// <summary>Where the phone login stands.</summary>
    public enum PhoneLoginStep
    {
        /// <summary>Asking for the phone number.</summary>
        EnterPhone,

        /// <summary>A code was sent; asking for it.</summary>
        EnterCode,

        /// <summary>The player is signed in.</summary>
        SignedIn,

        /// <summary>The server could not be reached at startup; a stored session is kept until a retry succeeds.</summary>
        Offline,
    }

    /// <summary>
    /// Phone (SMS) login: send a code, enter it, sign out, with a resend cooldown that follows the server's rate limit.
    /// Plain C# over <see cref="Account"/>; <see cref="PhoneLoginSample"/> only draws it.
    /// </summary>
    public sealed class PhoneLoginFlow
    {
        /// <summary>The shortest wait between two codes, even when the server would send more.</summary>
        public static readonly TimeSpan MinimumResendInterval = TimeSpan.FromSeconds(30);

        private readonly Account _account;
        private readonly Func<DateTimeOffset> _now;
        private string _userId = "";

        /// <summary>Creates the flow.</summary>
        /// <param name="account">The Account service of the client to sign in with.</param>
        /// <param name="now">The clock for the resend cooldown; tests pass their own. Defaults to the system clock.</param>
        public PhoneLoginFlow(Account account, Func<DateTimeOffset>? now = null)
        {
            _account = account ?? throw new ArgumentNullException(nameof(account));
            _now = now ?? (() => DateTimeOffset.UtcNow);
        }

        /// <summary>The current step.</summary>
        public PhoneLoginStep Step { get; private set; } = PhoneLoginStep.EnterPhone;

        /// <summary>The phone number in E.164 format, e.g. <c>+14155550123</c>.</summary>
        public string Phone { get; set; } = "";

        /// <summary>The code the player typed.</summary>
        public string Code { get; set; } = "";

        /// <summary>Whether a call is in flight.</summary>
        public bool Busy { get; private set; }

        /// <summary>The signed-in user, or null.</summary>
        public User? User { get; private set; }

        /// <summary>The session created by <see cref="VerifyCodeAsync"/>, or null (also after a restore).</summary>
        public Session? Session { get; private set; }

        /// <summary>The last failure, or null. Cleared when the next action starts.</summary>
        public AppwriteException? Error { get; private set; }

        /// <summary>When another code may be requested.</summary>
        public DateTimeOffset ResendAvailableAt { get; private set; } = DateTimeOffset.MinValue;

        /// <summary>How long until another code may be requested; zero when it may be now.</summary>
        public TimeSpan ResendWait
        {
            get
            {
                var wait = ResendAvailableAt - _now();
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        /// <summary>Whether <see cref="SendCodeAsync"/> would send a code now.</summary>
        public bool CanSendCode => !Busy && (Step == PhoneLoginStep.EnterPhone || Step == PhoneLoginStep.EnterCode) && ResendWait == TimeSpan.Zero && Phone.Trim().Length > 0;

        /// <summary>Whether <see cref="VerifyCodeAsync"/> would try the code now.</summary>
        public bool CanVerifyCode => !Busy && Step == PhoneLoginStep.EnterCode && Code.Trim().Length > 0;

        /// <summary>Picks up a session stored by an earlier run: signed in if the server still accepts it. Also the retry when offline.</summary>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>A task that completes when the check is done; failures end up in <see cref="Error"/>.</returns>
        public async Task RestoreAsync(CancellationToken cancellationToken = default)
        {
            if (!Begin()) return;
            #region restore
            try
            {
                // Kept when the server is out of reach (Offline), forgotten when the server refuses it (SignedOut).
                SessionState state = await _account.Client.RestoreSessionAsync(cancellationToken);
                if (state == SessionState.SignedIn)
                {
                    User = await _account.GetAsync(cancellationToken);
                    Step = PhoneLoginStep.SignedIn;
                }
                else
                {
                    // Offline: offer a retry, not a new sign-in (it would fail with user_session_already_exists).
                    Step = state == SessionState.Offline ? PhoneLoginStep.Offline : PhoneLoginStep.EnterPhone;
                }
            }
            catch (AppwriteException ex)
            {
                // The server went away between the check and GetAsync: the session is still kept.
                Step = PhoneLoginStep.Offline;
                Error = ex;
            }
            finally
            {
                Busy = false;
            }
            #endregion
        }

        /// <summary>Sends a code to <see cref="Phone"/> (also the resend), then asks for it.</summary>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>A task that completes when the call is done; failures end up in <see cref="Error"/>.</returns>
        public async Task SendCodeAsync(CancellationToken cancellationToken = default)
        {
            if (!CanSendCode || !Begin()) return;
            #region send-code
            try
            {
                // A new number creates a user with this ID; for a known number the server ignores it.
                Token token = await _account.CreatePhoneTokenAsync(userId: ID.Unique(), phone: Phone.Trim(), cancellationToken);
                _userId = token.UserId;
                Step = PhoneLoginStep.EnterCode;
                ResendAvailableAt = _now() + MinimumResendInterval;
            }
            catch (AppwriteException ex) when (ex.Code == 429)
            {
                // Too many codes: wait until the server's window resets instead of retrying.
                var earliest = _now() + MinimumResendInterval;
                var reset = ex.RateLimit?.ResetAt ?? earliest;
                ResendAvailableAt = reset > earliest ? reset : earliest;
                Error = ex;
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

        /// <summary>Signs in with the code the player typed.</summary>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>A task that completes when the call is done; failures end up in <see cref="Error"/>.</returns>
        public async Task VerifyCodeAsync(CancellationToken cancellationToken = default)
        {
            if (!CanVerifyCode || !Begin()) return;
            #region verify-code
            try
            {
                // The code from the SMS is the token's secret. The client stores the new session for the next launch.
                Session = await _account.CreateSessionAsync(userId: _userId, secret: Code.Trim(), cancellationToken);
                User = await _account.GetAsync(cancellationToken);
                Step = PhoneLoginStep.SignedIn;
                Code = "";
            }
            catch (AppwriteException ex)
            {
                // user_invalid_token: a wrong or expired code. The player can try again or ask for a new one.
                Error = ex;
            }
            finally
            {
                Busy = false;
            }
            #endregion
        }

        /// <summary>Goes back to the phone number, e.g. to fix a typo. The resend cooldown stays.</summary>
        public void ChangeNumber()
        {
            if (Busy || Step != PhoneLoginStep.EnterCode) return;
            Step = PhoneLoginStep.EnterPhone;
            Code = "";
            Error = null;
        }

        /// <summary>Ends the current session on the server and on the device.</summary>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>A task that completes when the call is done; failures end up in <see cref="Error"/>.</returns>
        public async Task SignOutAsync(CancellationToken cancellationToken = default)
        {
            if (Step != PhoneLoginStep.SignedIn || !Begin()) return;
            #region sign-out
            try
            {
                await _account.DeleteSessionAsync("current", cancellationToken);
                SignedOut();
            }
            catch (AppwriteException ex) when (ex.Code == 401)
            {
                // The server had already ended the session: signed out all the same.
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
            #endregion
        }

        private void SignedOut()
        {
            Step = PhoneLoginStep.EnterPhone;
            User = null;
            Session = null;
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
