// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System.Collections.Generic;
using Appwrite;
using Appwrite.Internal;
using NUnit.Framework;
using Playloom.Appwrite.Samples.EmailPassword;

namespace Playloom.Appwrite.Ring.Samples
{
    /// <summary>Samples~/EmailPassword: sign up, sign in, recovery through the emulator's outbox, and its IMGUI panel.</summary>
    public sealed class EmailPasswordSampleTests : SampleTestBase
    {
        private const string RecoveryUrl = "http://localhost/recovery";

        [Test]
        public void Flow_SignUpSignOutSignIn_KeepsTheSameUser() => Run(async () =>
        {
            var email = UniqueEmail();
            var flow = new EmailPasswordFlow(EmulatorClient().Account, RecoveryUrl) { Name = "Ada", Email = email, Password = "correct horse" };
            await flow.SignUpAsync();
            Assert.That(flow.Error, Is.Null);
            Assert.That(flow.Step, Is.EqualTo(EmailPasswordStep.SignedIn));
            Assert.That(flow.User!.Email, Is.EqualTo(email));
            Assert.That(flow.User.Name, Is.EqualTo("Ada"));
            var id = flow.User.Id;

            await flow.SignOutAsync();
            Assert.That(flow.Step, Is.EqualTo(EmailPasswordStep.SignedOut));
            Assert.That(flow.User, Is.Null);

            await flow.SignInAsync();
            Assert.That(flow.Error, Is.Null);
            Assert.That(flow.User!.Id, Is.EqualTo(id));
            Assert.That(flow.Notice, Is.EqualTo("Signed in with email."));
        });

        [Test]
        public void SignUp_AddressWithAnAccount_ShowsTheConflict() => Run(async () =>
        {
            var email = UniqueEmail();
            await EmulatorClient().Account.CreateAsync(ID.Unique(), email, "correct horse");
            var flow = new EmailPasswordFlow(EmulatorClient().Account, RecoveryUrl) { Email = email, Password = "another password" };
            await flow.SignUpAsync();
            Assert.That(flow.Error?.Code, Is.EqualTo(409));
            Assert.That(flow.Error!.Type, Is.EqualTo("user_already_exists"));
            Assert.That(flow.Step, Is.EqualTo(EmailPasswordStep.SignedOut));
        });

        [Test]
        public void SignUp_ShortPassword_NamesTheParameterWithoutARequest() => Run(async () =>
        {
            var flow = new EmailPasswordFlow(EmulatorClient().Account, RecoveryUrl) { Email = UniqueEmail(), Password = "short" };
            await flow.SignUpAsync();
            Assert.That(flow.Error?.Type, Is.EqualTo(AppwriteErrorType.ArgumentInvalid));
            Assert.That(flow.Error!.Code, Is.EqualTo(0), "rejected before any request");
            Assert.That(flow.Error.Message, Does.Contain("password"));
        });

        [Test]
        public void SignIn_WrongPassword_ShowsInvalidCredentials() => Run(async () =>
        {
            var email = UniqueEmail();
            await EmulatorClient().Account.CreateAsync(ID.Unique(), email, "correct horse");
            var flow = new EmailPasswordFlow(EmulatorClient().Account, RecoveryUrl) { Email = email, Password = "wrong horse" };
            await flow.SignInAsync();
            Assert.That(flow.Error?.Code, Is.EqualTo(401));
            Assert.That(flow.Error!.Type, Is.EqualTo("user_invalid_credentials"));
            Assert.That(flow.Step, Is.EqualTo(EmailPasswordStep.SignedOut));
        });

        [Test]
        public void Recovery_LinkFromTheOutbox_SetsANewPassword() => Run(async () =>
        {
            var email = UniqueEmail();
            await EmulatorClient().Account.CreateAsync(ID.Unique(), email, "old password");
            var flow = new EmailPasswordFlow(EmulatorClient().Account, RecoveryUrl) { Email = email };
            await flow.SendRecoveryAsync();
            Assert.That(flow.Error, Is.Null);
            Assert.That(flow.Step, Is.EqualTo(EmailPasswordStep.ResetPassword));
            Assert.That(flow.Notice, Is.EqualTo($"A reset link was sent to {email}."));

            var message = await OutboxAsync(email, "recovery");
            Assert.That(message.GetString("url"), Does.StartWith(RecoveryUrl + "?"));
            flow.RecoveryLink = message.GetString("url")!;
            flow.NewPassword = "new password";
            await flow.ResetPasswordAsync();
            Assert.That(flow.Error, Is.Null);
            Assert.That(flow.Step, Is.EqualTo(EmailPasswordStep.SignedOut));
            Assert.That(flow.Notice, Is.EqualTo("Password changed. Sign in with the new password."));

            flow.Password = "old password";
            await flow.SignInAsync();
            Assert.That(flow.Error?.Type, Is.EqualTo("user_invalid_credentials"), "the old password no longer works");
            flow.Password = "new password";
            await flow.SignInAsync();
            Assert.That(flow.Error, Is.Null);
            Assert.That(flow.Step, Is.EqualTo(EmailPasswordStep.SignedIn));
        });

        [Test]
        public void Recovery_LinkUsedTwice_ShowsInvalidToken() => Run(async () =>
        {
            var email = UniqueEmail();
            await EmulatorClient().Account.CreateAsync(ID.Unique(), email, "old password");
            var flow = new EmailPasswordFlow(EmulatorClient().Account, RecoveryUrl) { Email = email };
            await flow.SendRecoveryAsync();
            var link = (await OutboxAsync(email, "recovery")).GetString("url")!;
            flow.RecoveryLink = link;
            flow.NewPassword = "new password";
            await flow.ResetPasswordAsync();
            await flow.SendRecoveryAsync();
            flow.RecoveryLink = link;
            flow.NewPassword = "newer password";
            await flow.ResetPasswordAsync();
            Assert.That(flow.Error?.Type, Is.EqualTo("user_invalid_token"));
            Assert.That(flow.Step, Is.EqualTo(EmailPasswordStep.ResetPassword), "the player can paste the newer link");
        });

        [Test]
        public void Recovery_LinkWithoutSecret_SaysWhatToPasteWithoutARequest() => Run(async () =>
        {
            var email = UniqueEmail();
            await EmulatorClient().Account.CreateAsync(ID.Unique(), email, "old password");
            var flow = new EmailPasswordFlow(EmulatorClient().Account, RecoveryUrl) { Email = email };
            await flow.SendRecoveryAsync();
            flow.RecoveryLink = "http://localhost/recovery?userId=abc";
            flow.NewPassword = "new password";
            await flow.ResetPasswordAsync();
            Assert.That(flow.Error?.Type, Is.EqualTo(AppwriteErrorType.ArgumentInvalid));
            Assert.That(flow.Error!.Message, Does.Contain("userId and secret"));
            Assert.That(flow.Busy, Is.False);
        });

        [TestCase("http://localhost/recovery?userId=u1&secret=s%2B1&expire=2030-01-01", "u1", "s+1")]
        [TestCase("  https://game.example/reset?secret=abc&userId=player.1#top ", "player.1", "abc")]
        [TestCase("appwrite-callback-demo://reset?userId=u&secret=a+b", "u", "a b")]
        public void TryReadRecoveryLink_Link_ReadsUserIdAndSecret(string link, string userId, string secret)
        {
            Assert.That(EmailPasswordFlow.TryReadRecoveryLink(link, out var readUserId, out var readSecret), Is.True);
            Assert.That(readUserId, Is.EqualTo(userId));
            Assert.That(readSecret, Is.EqualTo(secret));
        }

        [TestCase("")]
        [TestCase(null)]
        [TestCase("http://localhost/recovery")]
        [TestCase("http://localhost/recovery?userId=u1")]
        [TestCase("userId=u1&secret=s1")]
        public void TryReadRecoveryLink_Incomplete_ReturnsFalse(string? link)
        {
            Assert.That(EmailPasswordFlow.TryReadRecoveryLink(link, out _, out _), Is.False);
        }

        [Test]
        public void Sample_ClickThrough_CreatesAnAccountAndSendsRecoveryToItsUrl() => Run(async () =>
        {
            var sample = await AddSampleAsync<EmailPasswordSample>(new Dictionary<string, object> { ["_recoveryUrl"] = "http://localhost/my-reset" });
            var flow = sample.Flow!;
            await Until(() => !flow.Busy, "the restore");
            Assert.That(flow.Email, Is.EqualTo("player@example.com"), "the serialized default");

            Draw(sample, click: "I'm new");
            var drawn = Draw(sample);
            Assert.That(drawn, Does.Contain("Name (optional):"));
            flow.Email = UniqueEmail();
            flow.Password = "correct horse";
            Draw(sample, click: "Create account");
            await Until(() => !flow.Busy, "the sign-up");
            drawn = Draw(sample);
            Assert.That(drawn, Does.Contain($"Signed in as {flow.Email}"), string.Join(" | ", drawn));

            Draw(sample, click: "Sign out");
            await Until(() => !flow.Busy, "the sign-out");
            Draw(sample, click: "I have an account");
            Draw(sample, click: "Forgot password?");
            await Until(() => !flow.Busy, "the recovery email");
            drawn = Draw(sample);
            Assert.That(drawn, Does.Contain($"Local emulator: the email is in its outbox, {EmulatorRoot}/_emulator/messages"));
            Assert.That((await OutboxAsync(flow.Email, "recovery")).GetString("url"), Does.StartWith("http://localhost/my-reset?"));
        });
    }
}
