// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Linq;
using System.Security.Cryptography;
using Appwrite;
using NUnit.Framework;
using Playloom.Appwrite.Samples.AccountPanel;
using UnityEngine;

namespace Playloom.Appwrite.Ring.Samples
{
    /// <summary>Samples~/AccountPanel: sessions with delete, typed preferences and the TOTP authenticator setup.</summary>
    public sealed class AccountPanelSampleTests : SampleTestBase
    {
        [Test]
        public void Refresh_NoSession_IsSignedOutWithoutError() => Run(async () =>
        {
            var flow = new AccountPanelFlow(EmulatorClient().Account);
            await flow.RefreshAsync();
            Assert.That(flow.SignedIn, Is.False);
            Assert.That(flow.Error, Is.Null);
        });

        [Test]
        public void Sessions_AnotherDevice_IsListedAndEnded() => Run(async () =>
        {
            var (flow, phone) = await SignedInFlowAsync();
            // A second device: another client with its own storage signs the same user in.
            var other = EmulatorClient();
            other.Storage = new MemoryKeyValueStore();
            var token = await other.Account.CreatePhoneTokenAsync(ID.Unique(), phone);
            var otherSession = await other.Account.CreateSessionAsync(token.UserId, await Emulator.ReadCodeAsync(phone));

            await flow.RefreshAsync();
            Assert.That(flow.Sessions.Select(s => s.Id), Does.Contain(otherSession.Id));
            Assert.That(flow.Sessions.Count(s => s.Current), Is.EqualTo(1));

            await flow.DeleteSessionAsync(otherSession.Id);
            Assert.That(flow.Error, Is.Null);
            Assert.That(flow.SignedIn, Is.True, "ending another device's session keeps this one");
            Assert.That(flow.Sessions.Select(s => s.Id), Does.Not.Contain(otherSession.Id));
            var error = await Throws(other.Account.GetAsync());
            Assert.That(error.Code, Is.EqualTo(401), "the other device is signed out");
        });

        [Test]
        public void Sessions_ThisDevice_SignsOut() => Run(async () =>
        {
            var (flow, _) = await SignedInFlowAsync();
            var current = flow.Sessions.Single(s => s.Current);
            await flow.DeleteSessionAsync(current.Id);
            Assert.That(flow.Error, Is.Null);
            Assert.That(flow.SignedIn, Is.False);
            Assert.That(flow.Sessions, Is.Empty);
        });

        [Test]
        public void Preferences_Saved_AreReadBackTyped() => Run(async () =>
        {
            var (flow, _) = await SignedInFlowAsync();
            Assert.That(flow.Preferences.theme, Is.EqualTo("dark"), "a new account has the defaults");
            flow.Preferences.theme = "light";
            flow.Preferences.musicVolume = 0.25f;
            flow.Preferences.subtitles = false;
            await flow.SavePreferencesAsync();
            Assert.That(flow.Error, Is.Null);
            Assert.That(flow.Notice, Is.EqualTo("Preferences saved."));

            var stored = await EmulatorClient().Account.GetPrefsJsonAsync();
            Assert.That(stored, Does.Contain("\"theme\":\"light\""));
            var again = new AccountPanelFlow(EmulatorClient().Account);
            await again.RefreshAsync();
            Assert.That(again.Preferences.theme, Is.EqualTo("light"));
            Assert.That(again.Preferences.musicVolume, Is.EqualTo(0.25f));
            Assert.That(again.Preferences.subtitles, Is.False);
        });

        [Test]
        public void Preferences_SavedOnAnotherDevice_ArriveLive() => Run(async () =>
        {
            var (flow, phone) = await SignedInFlowAsync();
            var other = EmulatorClient();
            other.Storage = new MemoryKeyValueStore();
            var token = await other.Account.CreatePhoneTokenAsync(ID.Unique(), phone);
            await other.Account.CreateSessionAsync(token.UserId, await Emulator.ReadCodeAsync(phone));
            // The panel's refresh completed once the server had confirmed its subscription.
            await other.Account.UpdatePrefsAsync(new GamePreferences { theme = "solarized", musicVolume = 0.5f, subtitles = false });
            await Until(() => flow.Preferences.theme == "solarized", "the prefs event");
            Assert.That(flow.LastEvent, Is.EqualTo($"users.{flow.User!.Id}.update.prefs"));
            Assert.That(flow.Preferences.subtitles, Is.False);

            await flow.SignOutAsync();
            Assert.That(flow.LastEvent, Is.Empty);
            Assert.That(flow.Preferences.theme, Is.EqualTo("dark"), "signed out: back to the defaults");
            await other.Account.UpdatePrefsAsync(new GamePreferences { theme = "after" });
            await System.Threading.Tasks.Task.Delay(300);
            Assert.That(flow.LastEvent, Is.Empty, "signed out: the subscription is closed");
            Assert.That(flow.Preferences.theme, Is.EqualTo("dark"));
        });

        [Test]
        public void Authenticator_SetUpWithTheAppsCode_IsEnabledThenRemoved() => Run(async () =>
        {
            var (flow, _) = await SignedInFlowAsync();
            Assert.That(flow.AuthenticatorEnabled, Is.False);
            await flow.AddAuthenticatorAsync();
            Assert.That(flow.Error, Is.Null);
            var pending = flow.PendingAuthenticator!;
            Assert.That(pending.Uri, Does.StartWith("otpauth://totp/"));
            Assert.That(pending.Uri, Does.Contain("secret=" + pending.Secret));

            flow.AuthenticatorCode = "000000" == Totp(pending.Secret, DateTimeOffset.UtcNow) ? "111111" : "000000";
            await flow.VerifyAuthenticatorAsync();
            Assert.That(flow.Error?.Type, Is.EqualTo("user_invalid_token"));
            Assert.That(flow.AuthenticatorEnabled, Is.False);

            flow.AuthenticatorCode = Totp(pending.Secret, DateTimeOffset.UtcNow);
            await flow.VerifyAuthenticatorAsync();
            Assert.That(flow.Error, Is.Null);
            Assert.That(flow.AuthenticatorEnabled, Is.True);
            Assert.That(flow.PendingAuthenticator, Is.Null);
            Assert.That((await EmulatorClient().Account.ListMFAFactorsAsync()).Totp, Is.True);

            await flow.RefreshAsync();
            Assert.That(flow.AuthenticatorEnabled, Is.True, "read back from the MFA factors");
            flow.AuthenticatorCode = "00000";
            await flow.RemoveAuthenticatorAsync();
            Assert.That(flow.Error, Is.Not.Null, "removing takes a valid code");
            Assert.That(flow.AuthenticatorEnabled, Is.True);
            flow.AuthenticatorCode = Totp(pending.Secret, DateTimeOffset.UtcNow);
            await flow.RemoveAuthenticatorAsync();
            Assert.That(flow.Error, Is.Null);
            Assert.That(flow.AuthenticatorEnabled, Is.False);
            Assert.That((await EmulatorClient().Account.ListMFAFactorsAsync()).Totp, Is.False);
        });

        [Test]
        public void Sample_ClickThrough_SignsInWithTheMockNumberAndShowsTheOtpauthUri() => Run(async () =>
        {
            var sample = await AddSampleAsync<AccountPanelSample>();
            var flow = sample.Flow!;
            await Until(() => !flow.Busy, "the refresh");
            var drawn = Draw(sample);
            Assert.That(drawn, Does.Contain($"Not signed in. Sign in with another sample, or with the mock number {MockPhone}:"));

            Draw(sample, click: "Sign in with the mock number");
            await Until(() => !flow.Busy, "the sign-in");
            drawn = Draw(sample);
            Assert.That(flow.SignedIn, Is.True, string.Join(" | ", drawn));
            Assert.That(drawn, Has.Some.EndsWith("(this device)"));
            Assert.That(drawn, Does.Contain("Sign out here"));

            Draw(sample, click: "Set up an authenticator app");
            await Until(() => !flow.Busy, "the authenticator");
            drawn = Draw(sample);
            Assert.That(drawn, Has.Some.StartsWith("otpauth://totp/"));
            Draw(sample, click: "Copy URI");
            Assert.That(GUIUtility.systemCopyBuffer, Is.EqualTo(flow.PendingAuthenticator!.Uri));

            // The mock user is shared by every test: leave its authenticator unverified (the next setup replaces it).
            Draw(sample, click: "Cancel setup");
            Assert.That(flow.PendingAuthenticator, Is.Null);
            Draw(sample);
            Assert.That(ButtonEnabled("Set up an authenticator app"), Is.True);
        });

        // A fresh user (its own number, code from the outbox), signed in through the panel's flow.
        private async System.Threading.Tasks.Task<(AccountPanelFlow Flow, string Phone)> SignedInFlowAsync()
        {
            var phone = UniquePhone();
            var client = EmulatorClient();
            var token = await client.Account.CreatePhoneTokenAsync(ID.Unique(), phone);
            await client.Account.CreateSessionAsync(token.UserId, await Emulator.ReadCodeAsync(phone));
            var flow = new AccountPanelFlow(client.Account);
            await flow.RefreshAsync();
            Assert.That(flow.SignedIn, Is.True);
            return (flow, phone);
        }

        // RFC 6238 with the authenticator apps' defaults: SHA-1, 30-second steps, 6 digits.
        private static string Totp(string base32Secret, DateTimeOffset at)
        {
            var key = Base32(base32Secret);
            var counter = BitConverter.GetBytes(at.ToUnixTimeSeconds() / 30);
            if (BitConverter.IsLittleEndian) Array.Reverse(counter);
            using var hmac = new HMACSHA1(key);
            var hash = hmac.ComputeHash(counter);
            var offset = hash[hash.Length - 1] & 0x0f;
            var value = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
            return (value % 1000000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        }

        private static byte[] Base32(string text)
        {
            const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
            var bytes = new System.Collections.Generic.List<byte>();
            int buffer = 0, bits = 0;
            foreach (var c in text.TrimEnd('=').ToUpperInvariant())
            {
                buffer = (buffer << 5) | alphabet.IndexOf(c);
                bits += 5;
                if (bits < 8) continue;
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
            return bytes.ToArray();
        }
    }
}
