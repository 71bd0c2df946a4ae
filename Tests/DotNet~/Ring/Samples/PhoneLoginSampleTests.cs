// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Appwrite;
using NUnit.Framework;
using Playloom.Appwrite.Samples.PhoneLogin;
using UnityEngine;
using UnityStubs;

namespace Playloom.Appwrite.Ring.Samples
{
    /// <summary>Samples~/PhoneLogin: its flow against the local emulator, its cooldown rules, and its IMGUI panel.</summary>
    public sealed class PhoneLoginSampleTests : SampleTestBase
    {
        private DateTimeOffset _now;

        private DateTimeOffset Now() => _now;

        [SetUp]
        public void StartClock() => _now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

        [Test]
        public void Flow_MockNumber_SendsCodeSignsInAndOut() => Run(async () =>
        {
            var client = EmulatorClient();
            var flow = new PhoneLoginFlow(client.Account, Now) { Phone = MockPhone };
            await flow.RestoreAsync();
            Assert.That(flow.Step, Is.EqualTo(PhoneLoginStep.EnterPhone));
            Assert.That(flow.Error, Is.Null, "no stored session is not an error");

            await flow.SendCodeAsync();
            Assert.That(flow.Error, Is.Null);
            Assert.That(flow.Step, Is.EqualTo(PhoneLoginStep.EnterCode));

            flow.Code = "000000";
            await flow.VerifyCodeAsync();
            Assert.That(flow.Error?.Type, Is.EqualTo("user_invalid_token"));
            Assert.That(flow.Step, Is.EqualTo(PhoneLoginStep.EnterCode), "a wrong code asks again");

            flow.Code = MockCode;
            await flow.VerifyCodeAsync();
            Assert.That(flow.Error, Is.Null);
            Assert.That(flow.Step, Is.EqualTo(PhoneLoginStep.SignedIn));
            Assert.That(flow.User!.Phone, Is.EqualTo(MockPhone));
            Assert.That(flow.Session!.Provider, Is.EqualTo("phone"));
            Assert.That(flow.Code, Is.Empty);

            await flow.SignOutAsync();
            Assert.That(flow.Step, Is.EqualTo(PhoneLoginStep.EnterPhone));
            Assert.That(flow.User, Is.Null);
            var error = await Throws(client.Account.GetAsync());
            Assert.That(error.Code, Is.EqualTo(401), "the session is gone on the server too");
        });

        [Test]
        public void Flow_RealNumber_SignsInWithTheCodeFromTheOutbox() => Run(async () =>
        {
            var phone = UniquePhone();
            var flow = new PhoneLoginFlow(EmulatorClient().Account, Now) { Phone = phone };
            await flow.SendCodeAsync();
            flow.Code = await Emulator.ReadCodeAsync(phone);
            await flow.VerifyCodeAsync();
            Assert.That(flow.Error, Is.Null);
            Assert.That(flow.User!.Phone, Is.EqualTo(phone));
        });

        [Test]
        public void SendCode_AfterACode_WaitsTheMinimumIntervalBeforeResending() => Run(async () =>
        {
            var flow = new PhoneLoginFlow(EmulatorClient().Account, Now) { Phone = MockPhone };
            await flow.SendCodeAsync();
            Assert.That(flow.ResendWait, Is.EqualTo(PhoneLoginFlow.MinimumResendInterval));
            Assert.That(flow.CanSendCode, Is.False);

            _now += PhoneLoginFlow.MinimumResendInterval - TimeSpan.FromSeconds(1);
            Assert.That(flow.CanSendCode, Is.False);
            _now += TimeSpan.FromSeconds(1);
            Assert.That(flow.CanSendCode, Is.True);

            await flow.SendCodeAsync();
            Assert.That(flow.Error, Is.Null);
            Assert.That(flow.Step, Is.EqualTo(PhoneLoginStep.EnterCode));
            Assert.That(flow.ResendWait, Is.EqualTo(PhoneLoginFlow.MinimumResendInterval), "the resend starts a new cooldown");
        });

        [Test]
        public void SendCode_RateLimited_WaitsUntilTheServersWindowResets() => Run(async () =>
        {
            var reset = _now.AddMinutes(10);
            RateLimitPhoneTokens(reset);
            var flow = new PhoneLoginFlow(NewClient().Account, Now) { Phone = MockPhone };
            await flow.SendCodeAsync();
            Assert.That(flow.Error?.Code, Is.EqualTo(429));
            Assert.That(flow.Error!.Type, Is.EqualTo("general_rate_limit_exceeded"));
            Assert.That(flow.Step, Is.EqualTo(PhoneLoginStep.EnterPhone));
            Assert.That(flow.ResendAvailableAt, Is.EqualTo(reset));

            _now = reset.AddSeconds(-1);
            Assert.That(flow.CanSendCode, Is.False);
            await flow.SendCodeAsync();
            Assert.That(Server.Requests.Count(r => r.Path == "/v1/account/tokens/phone"), Is.EqualTo(1), "no request during the cooldown");
            _now = reset;
            Assert.That(flow.CanSendCode, Is.True);
        });

        [Test]
        public void SendCode_RateLimitedWithAnEarlierReset_KeepsTheMinimumInterval() => Run(async () =>
        {
            RateLimitPhoneTokens(_now.AddSeconds(5));
            var flow = new PhoneLoginFlow(NewClient().Account, Now) { Phone = MockPhone };
            await flow.SendCodeAsync();
            Assert.That(flow.ResendAvailableAt, Is.EqualTo(_now + PhoneLoginFlow.MinimumResendInterval));
        });

        [Test]
        public void Restore_StoredSession_SignsInWithoutACode() => Run(async () =>
        {
            var first = new PhoneLoginFlow(EmulatorClient().Account, Now) { Phone = MockPhone, Code = MockCode };
            await first.SendCodeAsync();
            await first.VerifyCodeAsync();

            // Another client, as on the next launch: the session comes from storage.
            var next = new PhoneLoginFlow(EmulatorClient().Account, Now);
            await next.RestoreAsync();
            Assert.That(next.Step, Is.EqualTo(PhoneLoginStep.SignedIn));
            Assert.That(next.User!.Id, Is.EqualTo(first.User!.Id));
        });

        [Test]
        public void Restore_ServerUnreachable_KeepsTheSessionUntilARetrySucceeds() => Run(async () =>
        {
            // The loopback fake, so that the same endpoint can stop answering.
            var first = new PhoneLoginFlow(NewClient().Account, Now) { Phone = FakeAppwrite.MockPhone, Code = FakeAppwrite.MockCode };
            await first.SendCodeAsync();
            await first.VerifyCodeAsync();
            var stored = Storage.Values.ToDictionary(kv => kv.Key, kv => kv.Value);

            // Next launch, no network: GET /account never gets an answer.
            var networkDown = true;
            Server.On("GET", "/v1/account", request => networkDown ? new FakeResponse { Drop = true } : null!); // null: the fake's own answer
            var flow = new PhoneLoginFlow(NewClient().Account, Now);
            await flow.RestoreAsync();
            Assert.That(flow.Step, Is.EqualTo(PhoneLoginStep.Offline));
            Assert.That(flow.CanSendCode, Is.False, "no new sign-in while a session may be stored");
            Assert.That(Storage.Values.ToDictionary(kv => kv.Key, kv => kv.Value), Is.EqualTo(stored), "the session is kept");

            // The network is back: Retry signs the player in with the kept session.
            networkDown = false;
            await flow.RestoreAsync();
            Assert.That(flow.Error, Is.Null);
            Assert.That(flow.Step, Is.EqualTo(PhoneLoginStep.SignedIn));
            Assert.That(flow.User!.Id, Is.EqualTo(first.User!.Id));
        });

        [Test]
        public void ChangeNumber_WhileWaitingForTheCode_GoesBackAndKeepsTheCooldown() => Run(async () =>
        {
            var flow = new PhoneLoginFlow(EmulatorClient().Account, Now) { Phone = MockPhone };
            await flow.SendCodeAsync();
            flow.Code = "12";
            flow.ChangeNumber();
            Assert.That(flow.Step, Is.EqualTo(PhoneLoginStep.EnterPhone));
            Assert.That(flow.Code, Is.Empty);
            Assert.That(flow.CanSendCode, Is.False);
        });

        [Test]
        public void Sample_Defaults_TargetTheLocalEmulatorsMockNumber()
        {
            // A component that never runs a frame: only its serialized defaults are read.
            var sample = new GameObject("defaults").AddComponent<PhoneLoginSample>();
            Assert.That(Field(sample, "_endpoint"), Is.EqualTo("http://127.0.0.1:7080/v1"));
            Assert.That(Field(sample, "_projectId"), Is.EqualTo("demo-project"));
            Assert.That(Field(sample, "_phone"), Is.EqualTo(MockPhone));
            Assert.That(Field(sample, "_useProjectSettings"), Is.True);
        }

        [Test]
        public void Sample_ClickThrough_SignsInAndOut() => Run(async () =>
        {
            var sample = await AddSampleAsync<PhoneLoginSample>();
            var flow = sample.Flow!;
            await Until(() => !flow.Busy, "the restore");

            var drawn = Draw(sample);
            Assert.That(drawn, Does.Contain($"Local emulator: this mock number gets no SMS; its code is {MockCode}."));
            Assert.That(ButtonEnabled("Send code"), Is.True);

            Draw(sample, click: "Send code");
            await Until(() => !flow.Busy, "the code to be sent");
            drawn = Draw(sample);
            Assert.That(drawn, Does.Contain($"Enter the code sent to {MockPhone}:"));
            Assert.That(ButtonEnabled("Resend code"), Is.False, "cooldown");
            Assert.That(drawn, Has.Some.StartsWith("You can ask for another code in "));

            flow.Code = MockCode;
            Draw(sample, click: "Sign in");
            await Until(() => !flow.Busy, "the sign-in");
            drawn = Draw(sample);
            Assert.That(flow.Step, Is.EqualTo(PhoneLoginStep.SignedIn), string.Join(" | ", drawn));
            var drawnUserId = flow.User!.Id;
            Assert.That(drawn, Does.Contain($"User ID: {drawnUserId}"));
            Assert.That(drawn, Does.Contain($"Phone: {MockPhone} (verified)"));
            Assert.That(UnityStubs.Console.Lines.Select(l => l.Message), Does.Contain($"Appwrite: signed in as {flow.User.Id} (phone)"));

            Draw(sample, click: "Sign out");
            await Until(() => !flow.Busy, "the sign-out");
            Assert.That(flow.Step, Is.EqualTo(PhoneLoginStep.EnterPhone));
            Assert.That(UnityStubs.Console.Lines.Select(l => l.Message), Does.Contain($"Appwrite: signed out {drawnUserId} (signOut)"));
        });

        [Test]
        public void Sample_ServerDown_ShowsTheErrorAndTheEmulatorHint() => Run(async () =>
        {
            var sample = await AddSampleAsync<PhoneLoginSample>(new Dictionary<string, object> { ["_endpoint"] = "http://127.0.0.1:9/v1" });
            await Until(() => !sample.Flow!.Busy, "the restore");
            Assert.That(sample.Flow!.Step, Is.EqualTo(PhoneLoginStep.EnterPhone), "nothing stored: no request, sign in");
            sample.Flow.Phone = MockPhone;
            _ = sample.Flow.SendCodeAsync();
            await Until(() => !sample.Flow.Busy, "the send to fail");
            var drawn = Draw(sample);
            Assert.That(sample.Flow.Error?.Type, Is.EqualTo(AppwriteErrorType.NetworkError));
            Assert.That(drawn, Does.Contain($"(type {AppwriteErrorType.NetworkError}, code 0)"));
            Assert.That(drawn, Does.Contain("Is the server running? For the local emulator, run npm start in the package folder."));
        }, timeoutMs: 60000);

        [Test]
        public void Sample_ProjectSettingsWithAProject_WinOverItsFields() => Run(async () =>
        {
            RegisterSettings(Emulator.Endpoint, Emulator.Project);
            var sample = await AddSampleAsync<PhoneLoginSample>(new Dictionary<string, object> { ["_endpoint"] = "http://127.0.0.1:9/v1", ["_projectId"] = "not-this-one" });
            await Until(() => !sample.Flow!.Busy, "the restore");
            Assert.That(sample.Flow!.Error, Is.Null, "the emulator from Project Settings answered");
            Assert.That(sample.Flow.Step, Is.EqualTo(PhoneLoginStep.EnterPhone));
        });

        [Test]
        public void Sample_ProjectSettingsTurnedOff_UsesItsFields() => Run(async () =>
        {
            RegisterSettings("http://127.0.0.1:9/v1", "not-this-one");
            var sample = await AddSampleAsync<PhoneLoginSample>(new Dictionary<string, object> { ["_useProjectSettings"] = false });
            await Until(() => !sample.Flow!.Busy, "the restore");
            Assert.That(sample.Flow!.Error, Is.Null, "the emulator from the fields answered");
        });

        [Test]
        public void Sample_ProjectSettingsWithoutAProject_UsesItsFields() => Run(async () =>
        {
            RegisterSettings("http://127.0.0.1:9/v1", "");
            var sample = await AddSampleAsync<PhoneLoginSample>();
            await Until(() => !sample.Flow!.Busy, "the restore");
            Assert.That(sample.Flow!.Error, Is.Null, "the emulator from the fields answered");
        });

        private static object? Field(object target, string name) =>
            target.GetType().GetField(name, System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!.GetValue(target);

        private static void RegisterSettings(string endpoint, string project)
        {
            var settings = ScriptableObject.CreateInstance<AppwriteSettings>();
            settings.Environments.Add(new AppwriteEnvironment { Name = "Samples", Endpoint = endpoint, ProjectId = project });
            StubResources.Register(AppwriteSettings.ResourcePath, settings);
        }

        // The loopback fake answers createPhoneToken with a 429 and the server's X-RateLimit headers.
        private void RateLimitPhoneTokens(DateTimeOffset reset) =>
            Server.On("POST", "/v1/account/tokens/phone", _ => FakeResponse.Error(429, "general_rate_limit_exceeded", "Rate limit for the current endpoint has been exceeded. Please try again after some time.")
                .WithHeader("X-RateLimit-Limit", "10").WithHeader("X-RateLimit-Remaining", "0")
                .WithHeader("X-RateLimit-Reset", reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
    }
}
