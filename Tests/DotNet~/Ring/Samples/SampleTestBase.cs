// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Threading.Tasks;
using Appwrite;
using Appwrite.Internal;
using NUnit.Framework;
using UnityEngine;
using UnityStubs;

namespace Playloom.Appwrite.Ring.Samples
{
    /// <summary>One local emulator for every sample test (Tools~/emulator, OS-chosen port, rate limits off).</summary>
    [SetUpFixture]
    public sealed class SamplesSetup
    {
        internal static EmulatorBackend Emulator { get; private set; } = null!;

        [OneTimeSetUp]
        public void StartEmulator()
        {
            Assert.That(EmulatorBackend.Present, Is.True, "The samples run against the local emulator, Tools~/emulator.");
            Emulator = EmulatorBackend.Start();
            TestContext.Progress.WriteLine($"Samples: the local emulator at {Emulator.Endpoint}");
        }

        [OneTimeTearDown]
        public void StopEmulator() => Emulator?.Dispose();
    }

    /// <summary>What the sample tests share: clients of the emulator, sample components, the outbox, waiting on frames.</summary>
    public abstract class SampleTestBase : RingTestBase
    {
        /// <summary>The emulator's mock number and its fixed code (the samples' defaults).</summary>
        protected const string MockPhone = EmulatorBackend.MockPhone;

        /// <summary>The code of <see cref="MockPhone"/>.</summary>
        protected const string MockCode = EmulatorBackend.MockCode;

        private static readonly HttpClient _http = new HttpClient();

        internal static EmulatorBackend Emulator => SamplesSetup.Emulator;

        /// <summary>The emulator without <c>/v1</c>, e.g. <c>http://127.0.0.1:40123</c>.</summary>
        protected static string EmulatorRoot => Emulator.Endpoint.Substring(0, Emulator.Endpoint.Length - 3);

        [SetUp]
        [TearDown]
        public void ForgetSettings() => StubResources.Unregister(AppwriteSettings.ResourcePath);

        /// <summary>A client of the emulator's demo project, on its own GameObject.</summary>
        internal Client EmulatorClient() => NewClient(Emulator.Endpoint, Emulator.Project);

        /// <summary>An email address no other test uses.</summary>
        protected static string UniqueEmail() => $"player-{Guid.NewGuid():N}@example.com";

        /// <summary>A phone number no other test uses (not a mock number: its code goes to the outbox).</summary>
        protected static string UniquePhone() => "+1415" + new System.Random().Next(1000000, 9999999).ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>
        /// Adds a sample component the way a scene does: its serialized fields set before its first frame (the Inspector's
        /// values; by default the emulator's endpoint), then frames until its <c>Start</c> has run.
        /// </summary>
        protected async Task<T> AddSampleAsync<T>(Dictionary<string, object>? fields = null) where T : MonoBehaviour
        {
            var sample = new GameObject(typeof(T).Name).AddComponent<T>();
            var values = new Dictionary<string, object> { ["_endpoint"] = Emulator.Endpoint, ["_projectId"] = Emulator.Project };
            foreach (var pair in fields ?? new Dictionary<string, object>()) values[pair.Key] = pair.Value;
            foreach (var pair in values) SetSerializedField(sample, pair.Key, pair.Value);
            await Until(() => FlowOf(sample) != null, "the sample's Start");
            return sample;
        }

        /// <summary>Sets a private [SerializeField] field, as Unity does from the scene or the Inspector.</summary>
        protected static void SetSerializedField(object target, string name, object value)
        {
            var field = target.GetType().GetField(name, BindingFlags.Instance | BindingFlags.NonPublic);
            Assert.That(field, Is.Not.Null, $"{target.GetType().Name} has no field {name}");
            Assert.That(field!.GetCustomAttribute<SerializeField>(), Is.Not.Null, $"{target.GetType().Name}.{name} is not serialized");
            field!.SetValue(target, value);
        }

        /// <summary>The sample's public <c>Flow</c>.</summary>
        protected static object? FlowOf(MonoBehaviour sample) => sample.GetType().GetProperty("Flow")!.GetValue(sample);

        /// <summary>Pumps frames until the condition holds.</summary>
        protected static async Task Until(Func<bool> condition, string what, int timeoutMs = 20000)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!condition())
            {
                if (clock.ElapsedMilliseconds > timeoutMs) Assert.Fail($"Timed out waiting for {what}.");
                await Task.Yield();
            }
        }

        /// <summary>Runs an OnGUI pass, pressing a button first when given; returns the texts drawn.</summary>
        protected static List<string> Draw(MonoBehaviour sample, string? click = null)
        {
            if (click != null) Gui.Click(click);
            return Gui.Draw(sample).Select(c => c.Text).ToList();
        }

        /// <summary>Whether the last pass drew an enabled button with this text.</summary>
        protected static bool ButtonEnabled(string text) => Gui.Drawn.Any(c => c.Kind == GuiControlKind.Button && c.Text == text && c.Enabled);

        /// <summary>The newest outbox message to an address or number, of a type such as <c>recovery</c>.</summary>
        protected static async Task<Dictionary<string, object?>> OutboxAsync(string to, string type)
        {
            var json = await _http.GetStringAsync($"{EmulatorRoot}/_emulator/messages?to={Uri.EscapeDataString(to)}");
            var messages = (JsonReader.TryParseObject(json)?["messages"] as List<object?>)?.OfType<Dictionary<string, object?>>().ToList() ?? new List<Dictionary<string, object?>>();
            var message = messages.LastOrDefault(m => m.GetString("type") == type);
            Assert.That(message, Is.Not.Null, $"the emulator's outbox has no {type} message to {to}");
            return message!;
        }
    }
}
