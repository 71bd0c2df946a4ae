// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Appwrite;
using Appwrite.Internal;
using NUnit.Framework;

namespace Playloom.Appwrite.Ring
{
    /// <summary>
    /// The WebGL loading path without a browser: the real bundle through <see cref="ClassicBundle.Wrap"/>, run as a
    /// classic script in Node's vm and in QuickJS (NodeHost/classic-check.mjs), and as the whole ring's runtime in a
    /// second Node host (phone login and a realtime subscription through the classic form).
    /// </summary>
    public sealed class ClassicBundleRingTests : RingTestBase
    {
        private static string _classicPath = null!;

        [OneTimeSetUp]
        public void WriteClassicBundle()
        {
            var dir = Path.Combine(Path.GetTempPath(), "playloom-classic-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            _classicPath = Path.Combine(dir, "appwrite.js");
            File.WriteAllText(_classicPath, ClassicBundle.Wrap(File.ReadAllText(PackagePaths.Bundle)), new UTF8Encoding(false));
        }

        [OneTimeTearDown]
        public void DeleteClassicBundle()
        {
            if (_classicPath != null) Directory.Delete(Path.GetDirectoryName(_classicPath)!, true);
        }

        [Test]
        public void ClassicScript_ExposesTheModulesExports_InNodeVmAndQuickJS()
        {
            var info = new ProcessStartInfo("node")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = PackagePaths.Root,
            };
            info.ArgumentList.Add(Path.Combine(PackagePaths.Root, "Tests", "DotNet~", "NodeHost", "classic-check.mjs"));
            info.ArgumentList.Add(PackagePaths.Bundle);
            info.ArgumentList.Add(_classicPath);
            using var process = Process.Start(info)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            Assert.That(process.WaitForExit(60000), Is.True, "classic-check.mjs did not finish");
            Assert.That(process.ExitCode, Is.Zero, stderr.Result);
            var result = JsonReader.TryParseObject(stdout.Trim()) ?? throw new AssertionException("no JSON from classic-check.mjs: " + stdout + stderr.Result);
            List<string> Strings(string key) => (result[key] as List<object?> ?? new List<object?>()).OfType<string>().ToList();

            var exports = Strings("esmExports");
            Assert.That(exports, Is.SupersetOf(BridgeContract.FunctionExports.Concat(BridgeContract.RealtimeExports).Append("bridgeVersion")));
            Assert.That(Strings("vmExports"), Is.EqualTo(exports), "Node vm, script mode");
            Assert.That(result.GetString("vmVersion"), Is.EqualTo(result.GetString("esmVersion")));
            Assert.That(result.GetBool("vmReusedOnSecondEval"), Is.True, "evaluating twice keeps the first instance");
            Assert.That(Strings("vmLeakedGlobals"), Is.Empty, "the module's bindings stay out of the global scope");
            Assert.That(result.GetString("vmHandle"), Does.Match("^h[0-9]+$"));
            Assert.That(result.GetString("vmPing"), Is.EqualTo("Pong!"));
            Assert.That(result.GetString("vmSubscribeWithoutSocket"), Is.EqualTo("client_not_configured"), "no WebSocket in this engine: refused clearly");
            Assert.That(result.ContainsKey("quickjsError"), Is.False, result.GetObject("quickjsError")?.GetString("message"));
            Assert.That(Strings("quickjsExports"), Is.EqualTo(exports), "QuickJS, global mode");
            Assert.That(result.GetString("quickjsVersion"), Is.EqualTo(result.GetString("esmVersion")));
            Assert.That(result.GetString("quickjsHandle"), Does.Match("^h[0-9]+$"));
        }

        [Test]
        public void ClassicScript_RunsTheRing_PhoneLoginAndARealtimeSubscription()
        {
            using var classic = NodeProcessRuntime.Start(_classicPath, classic: true);
            Assert.That(classic.BridgeVersion, Is.EqualTo(BridgeContract.Version));
            ScriptRuntimes.Override = classic;
            using var realtime = new FakeRealtimeServer(_ => FakeRealtimeMode.Normal);
            Run(async () =>
            {
                var client = NewClient();
                var token = await client.Account.CreatePhoneTokenAsync(ID.Unique(), FakeAppwrite.MockPhone);
                var session = await client.Account.CreateSessionAsync(token.UserId, FakeAppwrite.MockCode);
                Assert.That(session.UserId, Is.EqualTo(token.UserId));

                var listener = NewClient(realtime.Endpoint, "test-project");
                var names = new List<string>();
                await listener.Realtime.SubscribeAsync(Channel.Account(), e => names.Add(e.User!.Name));
                await SocketProbe.Until(() => realtime.LiveSubscriptions == 1, 5000, "the subscription");
                await realtime.PushEventAsync("users.u1.update.name", "account.u1", FakeRealtimeServer.UserPayload("Classic"));
                await SocketProbe.Until(() => names.Count == 1, 5000, "the event");
                Assert.That(names, Is.EqualTo(new[] { "Classic" }));
            });
            // Destroyed while their runtime lives: the clients dispose their handles in it.
            UnityStubs.PlayerLoop.DestroyAll();
        }
    }
}
