// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using Appwrite;
using NUnit.Framework;
using Playloom.Appwrite.Samples.AnonymousUpgrade;

namespace Playloom.Appwrite.Ring.Samples
{
    /// <summary>Samples~/AnonymousUpgrade: a guest's progress survives the upgrade to an email account.</summary>
    public sealed class AnonymousUpgradeSampleTests : SampleTestBase
    {
        [Test]
        public void Flow_GuestUpgradesWithEmail_KeepsIdAndProgressAcrossSignIns() => Run(async () =>
        {
            var flow = new AnonymousUpgradeFlow(EmulatorClient().Account);
            await flow.PlayAsGuestAsync();
            Assert.That(flow.Error, Is.Null);
            Assert.That(flow.Step, Is.EqualTo(AnonymousUpgradeStep.Guest));
            Assert.That(flow.User!.Email, Is.Empty);
            var guestId = flow.User.Id;

            await flow.EarnPointAsync();
            await flow.EarnPointAsync();
            Assert.That(flow.Progress.points, Is.EqualTo(2));

            flow.Email = UniqueEmail();
            flow.Password = "correct horse";
            await flow.UpgradeWithEmailAsync();
            Assert.That(flow.Error, Is.Null);
            Assert.That(flow.Step, Is.EqualTo(AnonymousUpgradeStep.Registered));
            Assert.That(flow.User!.Id, Is.EqualTo(guestId));
            Assert.That(flow.User.Email, Is.EqualTo(flow.Email));

            await flow.SignOutAsync();
            Assert.That(flow.Step, Is.EqualTo(AnonymousUpgradeStep.SignedOut));
            Assert.That(flow.Progress.points, Is.EqualTo(0));

            // Next launch, another device: the email and the password from the upgrade bring the account back.
            var again = new AnonymousUpgradeFlow(EmulatorClient().Account) { Email = flow.Email, Password = "correct horse" };
            await again.SignInAsync();
            Assert.That(again.Error, Is.Null);
            Assert.That(again.Step, Is.EqualTo(AnonymousUpgradeStep.Registered));
            Assert.That(again.User!.Id, Is.EqualTo(guestId));
            Assert.That(again.Progress.points, Is.EqualTo(2));
        });

        [Test]
        public void AddPhone_AfterTheUpgrade_AddsTheNumberWithThePassword() => Run(async () =>
        {
            var flow = new AnonymousUpgradeFlow(EmulatorClient().Account) { Email = UniqueEmail(), Password = "correct horse", Phone = UniquePhone() };
            await flow.PlayAsGuestAsync();
            await flow.UpgradeWithEmailAsync();

            flow.Password = "wrong horse";
            await flow.AddPhoneAsync();
            Assert.That(flow.Error?.Type, Is.EqualTo("user_invalid_credentials"));

            flow.Password = "correct horse";
            await flow.AddPhoneAsync();
            Assert.That(flow.Error, Is.Null);
            Assert.That(flow.User!.Phone, Is.EqualTo(flow.Phone));
        });

        [Test]
        public void Upgrade_AddressOfAnotherAccount_StaysAGuest() => Run(async () =>
        {
            var email = UniqueEmail();
            await EmulatorClient().Account.CreateAsync(ID.Unique(), email, "correct horse");
            var flow = new AnonymousUpgradeFlow(EmulatorClient().Account) { Email = email, Password = "another password" };
            await flow.PlayAsGuestAsync();
            await flow.UpgradeWithEmailAsync();
            Assert.That(flow.Error, Is.Not.Null);
            Assert.That(flow.Error!.Code, Is.AnyOf(400, 409));
            Assert.That(flow.Step, Is.EqualTo(AnonymousUpgradeStep.Guest));
        });

        [Test]
        public void Restore_ReturningGuest_KeepsPlaying() => Run(async () =>
        {
            var first = new AnonymousUpgradeFlow(EmulatorClient().Account);
            await first.PlayAsGuestAsync();
            await first.EarnPointAsync();

            var next = new AnonymousUpgradeFlow(EmulatorClient().Account);
            await next.RestoreAsync();
            Assert.That(next.Step, Is.EqualTo(AnonymousUpgradeStep.Guest));
            Assert.That(next.User!.Id, Is.EqualTo(first.User!.Id));
            Assert.That(next.Progress.points, Is.EqualTo(1));
        });

        [Test]
        public void Sample_ClickThrough_PlaysAsGuestAndUpgrades() => Run(async () =>
        {
            var sample = await AddSampleAsync<AnonymousUpgradeSample>();
            var flow = sample.Flow!;
            await Until(() => !flow.Busy, "the restore");

            Draw(sample, click: "Play as guest");
            await Until(() => !flow.Busy, "the anonymous session");
            Draw(sample, click: "Earn a point");
            await Until(() => !flow.Busy, "the prefs update");
            var drawn = Draw(sample);
            Assert.That(drawn, Does.Contain($"Playing as guest {flow.User!.Id}"));
            Assert.That(drawn, Does.Contain("Points: 1"));
            Assert.That(drawn, Does.Contain("Signing out now loses this guest account for good."));

            flow.Email = UniqueEmail();
            flow.Password = "correct horse";
            Draw(sample, click: "Keep my progress");
            await Until(() => !flow.Busy, "the upgrade");
            drawn = Draw(sample);
            Assert.That(drawn, Does.Contain($"Registered as {flow.Email} (same user ID: {flow.User!.Id})"), string.Join(" | ", drawn));
            Assert.That(drawn, Does.Contain("Points: 1"));
        });
    }
}
