// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System.Collections.Generic;
using System.Linq;
using Appwrite;
using Appwrite.Internal;
using NUnit.Framework;
using UnityEngine;
using UnityStubs;

namespace Playloom.Appwrite.Ring
{
    /// <summary>Project Settings (the AppwriteSettings asset in Resources) fill in what the setters did not set.</summary>
    public sealed class SettingsTests : RingTestBase
    {
        private AppwriteSettings _settings = null!;

        [SetUp]
        public void RegisterSettings()
        {
            _settings = ScriptableObject.CreateInstance<AppwriteSettings>();
            _settings.Environments.Add(new AppwriteEnvironment { Name = "Staging", Endpoint = "http://staging.invalid/v1", ProjectId = "staging-project" });
            _settings.Environments.Add(new AppwriteEnvironment { Name = "Local", Endpoint = Server.Endpoint, ProjectId = FakeAppwrite.Project, Locale = "fr" });
            _settings.ActiveIndex = 1;
            StubResources.Register(AppwriteSettings.ResourcePath, _settings);
        }

        [TearDown]
        public void UnregisterSettings()
        {
            StubResources.Unregister(AppwriteSettings.ResourcePath);
            AppwriteSettings.DevKeyProvider = null;
        }

        [Test]
        public void ClientWithoutSetters_UsesTheActiveEnvironment() => Run(async () =>
        {
            var client = new GameObject("c").AddComponent<Client>();
            Assert.That(await client.PingAsync(), Is.EqualTo("Pong!"));
            var request = Server.Requests.Single();
            Assert.That(request.Header("X-Appwrite-Project"), Is.EqualTo(FakeAppwrite.Project));
            Assert.That(request.Header("X-Appwrite-Locale"), Is.EqualTo("fr"));
        });

        [Test]
        public void Setters_WinOverTheEnvironment() => Run(async () =>
        {
            var client = new GameObject("c").AddComponent<Client>().SetProject("from-code").SetLocale("de");
            await client.PingAsync();
            var request = Server.Requests.Single();
            Assert.That(request.Header("X-Appwrite-Project"), Is.EqualTo("from-code"));
            Assert.That(request.Header("X-Appwrite-Locale"), Is.EqualTo("de"));
        });

        [Test]
        public void InvalidEnvironment_IsReportedWithItsName() => Run(async () =>
        {
            _settings.Environments[1].Endpoint = "not-a-url";
            var client = new GameObject("c").AddComponent<Client>();
            var error = await Throws(client.PingAsync());
            Assert.That(error.Type, Is.EqualTo(AppwriteErrorType.ArgumentInvalid));
            Assert.That(error.Message, Does.Contain("'Local'"));
        });

        [Test]
        public void EditorDevKey_IsSentButNeverLogged() => Run(async () =>
        {
            const string devKey = "dev-key-0123456789abcdef0123456789abcdef";
            AppwriteSettings.DevKeyProvider = environment => environment?.Name == "Local" ? devKey : null;
            var lines = new List<string>();
            AppwriteLog.Sink = new ListSink(lines);
            var client = new GameObject("c").AddComponent<Client>();
            client.LogLevel = AppwriteLogLevel.Debug;
            await client.PingAsync();
            await Throws(client.Account.GetAsync());
            Assert.That(Server.Requests.First().Header("X-Appwrite-Dev-Key"), Is.EqualTo(devKey));
            Assert.That(lines, Is.Not.Empty);
            Assert.That(lines.Any(l => l.Contains(devKey)), Is.False);
        });

        [Test]
        public void SettingsAsset_HoldsNoSecretField()
        {
            var fields = typeof(AppwriteEnvironment).GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public)
                .Concat(typeof(AppwriteSettings).GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public))
                .Select(f => f.Name.ToLowerInvariant());
            Assert.That(fields.Where(n => n.Contains("key") || n.Contains("secret") || n.Contains("jwt") || n.Contains("session")), Is.Empty);
        }

        private sealed class ListSink : ILogSink
        {
            private readonly List<string> _lines;

            public ListSink(List<string> lines)
            {
                _lines = lines;
            }

            public void Write(AppwriteLogLevel level, string message) => _lines.Add(message);
        }
    }
}
