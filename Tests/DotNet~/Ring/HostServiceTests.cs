// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.Linq;
using Appwrite;
using Appwrite.Internal;
using NUnit.Framework;
using UnityEngine;
using UnityStubs;

namespace Playloom.Appwrite.Ring
{
    /// <summary>The Unity host services: PlayerPrefs storage, Debug logging, shutdown on quit, and the JsonUtility model.</summary>
    public sealed class HostServiceTests : RingTestBase
    {
        [Test]
        public void DefaultStorage_IsPlayerPrefs_NamespacedAndSaved() => Run(async () =>
        {
            HostDefaults.Storage = new PlayerPrefsKeyValueStore();
            PlayerPrefs.DeleteAll();
            var saves = UnityStubs.Console.PlayerPrefsSaves;
            var client = NewClient();
            var token = await client.Account.CreatePhoneTokenAsync(ID.Unique(), FakeAppwrite.MockPhone);
            await client.Account.CreateSessionAsync(token.UserId, FakeAppwrite.MockCode);
            var key = PlayerPrefsKeyValueStore.Prefix + "appwrite.fallbackCookies." + FakeAppwrite.Project + "." + Server.Endpoint;
            Assert.That(PlayerPrefs.HasKey(key), Is.True, "kept under the package prefix, keyed by project and endpoint");
            Assert.That(PlayerPrefs.GetString(key), Does.Contain("a_session_" + FakeAppwrite.Project));
            Assert.That(UnityStubs.Console.PlayerPrefsSaves, Is.GreaterThan(saves), "saved at once, so a crash keeps the sign-in");
            await client.Account.DeleteSessionAsync("current");
            Assert.That(PlayerPrefs.HasKey(key), Is.False);
        });

        [Test]
        public void ServerWarnings_ReachTheUnityConsole_Once() => Run(async () =>
        {
            UnityStubs.Console.Clear();
            Server.On("GET", "/v1/account", _ => FakeResponse.Json(200, ModelBodies.User).WithHeader("X-Appwrite-Warning", "This route is deprecated"));
            var client = NewClient();
            await client.Account.GetAsync();
            await client.Account.GetAsync();
            var warnings = UnityStubs.Console.Lines.Where(l => l.Type == LogType.Warning && l.Message.Contains("deprecated")).ToList();
            Assert.That(warnings, Has.Count.EqualTo(1));
            Assert.That(warnings[0].Message, Does.StartWith("[Appwrite] "));
        });

        [Test]
        public void LogLevel_FiltersWhatReachesTheConsole() => Run(async () =>
        {
            UnityStubs.Console.Clear();
            Server.On("GET", "/v1/account", _ => FakeResponse.Json(200, ModelBodies.User).WithHeader("X-Appwrite-Warning", "filtered warning"));
            var client = NewClient();
            client.LogLevel = AppwriteLogLevel.Error;
            await client.Account.GetAsync();
            Assert.That(UnityStubs.Console.Lines.Any(l => l.Message.Contains("filtered warning")), Is.False);
        });

        [Test]
        public void ApplicationQuit_DisposesTheSharedRuntime()
        {
            var owned = new Owned();
            ScriptRuntimes.Adopt(RingSetup.Runtime, owned);
            PlayerLoop.Quit();
            Assert.That(owned.Disposed, Is.True);
        }

        private sealed class Owned : IDisposable
        {
            public bool Disposed;

            public void Dispose() => Disposed = true;
        }

        [Serializable]
        private sealed class Nested
        {
            public int n = 0;
        }

        [Serializable]
        private sealed class Shape
        {
            public string a = "";
            [SerializeField] private int _b = 0;
            private int _hidden = 5;
            [NonSerialized] public int skipped = 9;
            public Dictionary<string, int> map = new Dictionary<string, int>();
            public List<Nested> items = new List<Nested>();
            public Nested single = new Nested();
            public int Property { get; set; } = 3;

            public int B => _b;

            public int Hidden => _hidden;
        }

        [Test]
        public void JsonUtilityModel_FollowsUnitysRules()
        {
            var shape = JsonUtility.FromJson<Shape>("{\"a\":\"x\",\"_b\":2,\"_hidden\":7,\"skipped\":1,\"map\":{\"k\":1},\"items\":[{\"n\":1},{\"n\":2}],\"single\":{\"n\":4},\"Property\":8,\"extra\":true}");
            Assert.That(shape.a, Is.EqualTo("x"));
            Assert.That(shape.B, Is.EqualTo(2), "[SerializeField] private fields are read");
            Assert.That(shape.Hidden, Is.EqualTo(5), "private fields without [SerializeField] are not");
            Assert.That(shape.skipped, Is.EqualTo(9), "[NonSerialized] is skipped");
            Assert.That(shape.map, Is.Empty, "dictionaries are not supported");
            Assert.That(shape.items.Select(i => i.n), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(shape.single.n, Is.EqualTo(4));
            Assert.That(shape.Property, Is.EqualTo(3), "properties are not serialized");
            Assert.That(JsonUtility.ToJson(shape), Is.EqualTo("{\"a\":\"x\",\"_b\":2,\"items\":[{\"n\":1},{\"n\":2}],\"single\":{\"n\":4}}"));
            Assert.Throws<ArgumentException>(() => JsonUtility.FromJson<Shape>("[1]"));
            Assert.Throws<ArgumentException>(() => JsonUtility.FromJson<Shape>("{oops"));
            Assert.That(JsonUtility.ToJson(new Dictionary<string, int> { ["a"] = 1 }), Is.EqualTo("{}"));
        }
    }
}
