// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Appwrite;
using Appwrite.Internal;
using Appwrite.Models;
using NUnit.Framework;
using UnityEngine;

namespace Playloom.Appwrite.Ring
{
    /// <summary>
    /// The phone login end to end: C# → bundle (Node) → HTTP → server → back, with typed results, against the local
    /// emulator when the package has one and always against the loopback fake.
    /// </summary>
    [TestFixtureSource(nameof(Backends))]
    public sealed class PhoneLoginTests : RingTestBase
    {
        private readonly string _backendName;
        private IAppwriteBackend _backend = null!;

        public PhoneLoginTests(string backendName)
        {
            _backendName = backendName;
        }

        public static IEnumerable Backends()
        {
            // Both always: a missing emulator must fail the emulator case, not drop it.
            yield return "fake";
            yield return "emulator";
        }

        [OneTimeSetUp]
        public void StartBackend()
        {
            _backend = _backendName == "emulator" ? EmulatorBackend.Start() : new FakeBackend();
            TestContext.Progress.WriteLine($"PhoneLoginTests: signing in against the {_backend.Name} at {_backend.Endpoint}");
        }

        [OneTimeTearDown]
        public void StopBackend() => _backend.Dispose();

        private Client NewBackendClient() => NewClient(_backend.Endpoint, _backend.Project);

        [Test]
        public void PhoneLogin_MockNumber_ReturnsTypedTokenSessionAndUser() => Run(async () =>
        {
            var client = NewBackendClient();
            var signedIn = new List<SignedInEventArgs>();
            var sessions = new List<SessionChangedEventArgs>();
            client.SignedIn += e =>
            {
                AssertMainThread("SignedIn");
                signedIn.Add(e);
            };
            client.SessionChanged += e => sessions.Add(e);

            Token token = await client.Account.CreatePhoneTokenAsync(userId: ID.Unique(), phone: "+15555550100");
            AssertMainThread("CreatePhoneTokenAsync continuation");
            Assert.That(token.UserId, Is.Not.Empty);
            Assert.That(token.Id, Is.Not.Empty);
            Assert.That(token.Expire, Does.Match(@"^\d{4}-\d\d-\d\dT"));
            Assert.That(token.Secret, Is.Empty, "the server never sends a token secret to a client");

            var code = await _backend.ReadCodeAsync("+15555550100");
            Session session = await client.Account.CreateSessionAsync(userId: token.UserId, secret: code);
            AssertMainThread("CreateSessionAsync continuation");
            Assert.That(session.UserId, Is.EqualTo(token.UserId));
            Assert.That(session.Provider, Is.EqualTo("phone"));
            Assert.That(session.Current, Is.True);
            Assert.That(session.Factors, Does.Contain("phone"));

            User user = await client.Account.GetAsync();
            AssertMainThread("GetAsync continuation");
            Assert.That(user.Id, Is.EqualTo(token.UserId));
            Assert.That(user.Phone, Is.EqualTo("+15555550100"));
            Assert.That(user.Status, Is.True);
            Assert.That(user.PrefsJson, Is.EqualTo("{}"));

            Assert.That(signedIn.Select(e => e.UserId), Does.Contain(token.UserId));
            Assert.That(sessions.Last().SignedIn, Is.True);
            Assert.That(Storage.Values.Keys.Any(k => k.Contains(_backend.Project)), Is.True, "the session cookie is stored, keyed by project");
        });

        [Test]
        public void PhoneLogin_RealNumber_UsesTheCodeSentBySms() => Run(async () =>
        {
            var client = NewBackendClient();
            var phone = "+1415555" + new System.Random().Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var token = await client.Account.CreatePhoneTokenAsync(ID.Unique(), phone);
            var code = await _backend.ReadCodeAsync(phone);
            Assert.That(code, Does.Match(@"^\d{6}$"));
            var session = await client.Account.CreateSessionAsync(token.UserId, code);
            var user = await client.Account.GetAsync();
            Assert.That(session.UserId, Is.EqualTo(user.Id));
            Assert.That(user.Phone, Is.EqualTo(phone));
        });

        [Test]
        public void CreateSession_WrongCode_ThrowsInvalidTokenAndRaisesError() => Run(async () =>
        {
            var client = NewBackendClient();
            var errors = new List<AppwriteErrorEventArgs>();
            client.Error += e => errors.Add(e);
            var token = await client.Account.CreatePhoneTokenAsync(ID.Unique(), "+15555550100");
            var error = await Throws(client.Account.CreateSessionAsync(token.UserId, "000000"));
            AssertMainThread("the failed call's continuation");
            Assert.That(error.Code, Is.EqualTo(401));
            Assert.That(error.Type, Is.EqualTo("user_invalid_token"));
            Assert.That(error.Response, Does.Contain("user_invalid_token"));
            Assert.That(error.Message, Does.Not.Contain("000000"));
            Assert.That(errors.Single().Label, Is.EqualTo("account.createSession"));
            Assert.That(errors.Single().Code, Is.EqualTo(401));
        });

        [Test]
        public void Session_SurvivesANewClientAndANewScriptEngine_UntilSignOut() => Run(async () =>
        {
            var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "playloom-ring-" + System.Guid.NewGuid().ToString("N") + ".json");
            try
            {
                var first = NewBackendClient();
                first.Storage = new FileKeyValueStore(file);
                var token = await first.Account.CreatePhoneTokenAsync(ID.Unique(), "+15555550100");
                await first.Account.CreateSessionAsync(token.UserId, await _backend.ReadCodeAsync("+15555550100"));
                UnityEngine.Object.DestroyImmediate(first.gameObject);

                // A "relaunch": another JavaScript engine, another component, the same storage file.
                using var engine = NodeProcessRuntime.Start();
                ScriptRuntimes.Override = engine;
                var second = new GameObject("Relaunched").AddComponent<Client>();
                second.Storage = new FileKeyValueStore(file);
                second.SetEndpoint(_backend.Endpoint).SetProject(_backend.Project);
                var signedOut = new List<SignedOutEventArgs>();
                second.SignedOut += e => signedOut.Add(e);

                var user = await second.Account.GetAsync();
                Assert.That(user.Id, Is.EqualTo(token.UserId), "the stored session signs the new client in");

                await second.Account.DeleteSessionAsync("current");
                Assert.That(signedOut.Single().UserId, Is.EqualTo(token.UserId));
                Assert.That(System.IO.File.ReadAllText(file), Does.Not.Contain("a_session_"), "signing out deletes the stored session");
                var error = await Throws(second.Account.GetAsync());
                Assert.That(error.Code, Is.EqualTo(401));
                UnityEngine.Object.DestroyImmediate(second.gameObject);
            }
            finally
            {
                ScriptRuntimes.Override = RingSetup.Runtime;
                System.IO.File.Delete(file);
            }
        });
    }
}
