// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Appwrite.Editor;
using NUnit.Framework;
using UnityEngine;

namespace Appwrite.Tests
{
    /// <summary>The setup assistant's verdicts, the emulator's command line and outbox, and "Test connection" answers.</summary>
    public sealed class SetupAssistantTests
    {
        private static SetupFacts Healthy()
        {
            var settings = ScriptableObject.CreateInstance<AppwriteSettings>();
            SettingsEditing.AddDefaults(settings);
            settings.Environments[1].ProjectId = "my-game";
            var facts = new SetupFacts
            {
                PuertsCore = true,
                RuntimeHasPuerts = true,
                BundlePresent = true,
                BundleBridgeVersion = "1.1",
                ShellBridgeVersion = "1.0",
                ActiveTarget = "StandaloneWindows64",
                Settings = settings,
                SettingsPath = "Assets/Appwrite/Resources/AppwriteSettings.asset",
                NodePath = "/usr/bin/node",
                PackageRoot = "/packages/com.playloom.appwrite",
                EmulatorPresent = true,
                EmulatorDependenciesPresent = true,
            };
            facts.PuertsBackends.Add("com.tencent.puerts.v8");
            return facts;
        }

        private static SetupCheck Check(SetupFacts facts, string id) => SetupChecks.Evaluate(facts).Single(c => c.Id == id);

        [Test]
        public void HealthyProject_AllOk()
        {
            var checks = SetupChecks.Evaluate(Healthy());
            Assert.That(checks.Select(c => c.Id), Is.EqualTo(new[] { "puerts", "bundle", "il2cpp", "settings", "emulator" }));
            Assert.That(checks.Where(c => c.Status != CheckStatus.Ok), Is.Empty, string.Join("\n", checks));
        }

        [Test]
        public void NoPuerts_ErrorWithTheReleasesPage()
        {
            var facts = Healthy();
            facts.PuertsCore = false;
            facts.RuntimeHasPuerts = false;
            var check = Check(facts, "puerts");
            Assert.That(check.Status, Is.EqualTo(CheckStatus.Error));
            Assert.That(check.Fix, Is.EqualTo(SetupFix.OpenUrl));
            Assert.That(check.FixArgument, Is.EqualTo("https://github.com/Tencent/puerts/releases"));
            Assert.That(check.Detail, Does.Contain("Add package from tarball"));
        }

        [Test]
        public void PuertsCoreWithoutBackend_OrUnsupportedVersion_IsAnError()
        {
            var facts = Healthy();
            facts.PuertsBackends.Clear();
            facts.RuntimeHasPuerts = false;
            Assert.That(Check(facts, "puerts").Detail, Does.Contain("no script backend"));
            facts.PuertsBackends.Add("com.tencent.puerts.quickjs");
            Assert.That(Check(facts, "puerts").Detail, Does.Contain("compiled without it"));
        }

        [Test]
        public void WebGlTarget_WithoutTheWebGlPackage_Warns()
        {
            var facts = Healthy();
            facts.WebGlTarget = true;
            Assert.That(Check(facts, "puerts").Status, Is.EqualTo(CheckStatus.Warning));
            facts.PuertsBackends.Add("com.tencent.puerts.webgl");
            Assert.That(Check(facts, "puerts").Status, Is.EqualTo(CheckStatus.Ok));
        }

        [Test]
        public void Bundle_MissingMismatchedOrStale()
        {
            var facts = Healthy();
            facts.BundleBridgeVersion = "2.0";
            Assert.That(Check(facts, "bundle").Detail, Does.Contain("bridge contract 2.0 but the C# shell speaks 1.0"));
            facts.BundleBridgeVersion = null;
            Assert.That(Check(facts, "bundle").Status, Is.EqualTo(CheckStatus.Error));
            facts.BundlePresent = false;
            Assert.That(Check(facts, "bundle").Detail, Does.Contain("missing"));
            facts = Healthy();
            facts.BundleOlderThanSources = true;
            Assert.That(Check(facts, "bundle").Status, Is.EqualTo(CheckStatus.Warning));
            Assert.That(Check(facts, "bundle").Detail, Does.Contain("node build.mjs"));
        }

        [Test]
        public void Il2Cpp_GlueRequiredOnlyForIl2CppTargets()
        {
            var facts = Healthy();
            Assert.That(Check(facts, "il2cpp").Detail, Does.Contain("Not needed"));
            facts.UsesIl2Cpp = true;
            facts.ActiveTarget = "iOS";
            var check = Check(facts, "il2cpp");
            Assert.That(check.Status, Is.EqualTo(CheckStatus.Error));
            Assert.That(check.Detail, Does.Contain("Assets/Gen/Plugins/puerts_il2cpp/Puerts_il2cpp.cpp"));
            Assert.That(check.Detail, Does.Contain("Tools > PuerTS > Generate"));
            facts.Il2CppGluePresent = true;
            Assert.That(Check(facts, "il2cpp").Status, Is.EqualTo(CheckStatus.Ok));
        }

        [Test]
        public void Settings_MissingInvalidOrMisplaced()
        {
            var facts = Healthy();
            facts.Settings!.Environments[0].Endpoint = "127.0.0.1:7080";
            var invalid = Check(facts, "settings");
            Assert.That(invalid.Status, Is.EqualTo(CheckStatus.Error));
            Assert.That(invalid.Detail, Does.Contain("Local emulator > Endpoint"));
            Assert.That(invalid.Fix, Is.EqualTo(SetupFix.OpenSettings));
            facts.Settings.Environments[0].Endpoint = "http://127.0.0.1:7080/v1";
            facts.SettingsPath = "Assets/Settings/AppwriteSettings.asset";
            Assert.That(Check(facts, "settings").Detail, Does.Contain("not directly in a Resources folder"));
            facts.Settings = null;
            var missing = Check(facts, "settings");
            Assert.That(missing.Fix, Is.EqualTo(SetupFix.CreateSettings));
        }

        [Test]
        public void Emulator_NeedsNodeAndItsPackages()
        {
            var facts = Healthy();
            facts.EmulatorDependenciesPresent = false;
            Assert.That(Check(facts, "emulator").Detail, Does.Contain("npm ci"));
            facts.NodePath = null;
            Assert.That(Check(facts, "emulator").Fix, Is.EqualTo(SetupFix.OpenUrl));
            facts.EmulatorPresent = false;
            Assert.That(Check(facts, "emulator").Status, Is.EqualTo(CheckStatus.Warning), "the emulator is optional");
        }

        [Test]
        public void FindNode_SearchesPathThenUsualFolders()
        {
            var existing = new HashSet<string> { Path.Combine("/opt/homebrew/bin", "node"), Path.Combine("/home/me/bin", "node") };
            Assert.That(LocalEmulator.FindNode("/usr/sbin:/home/me/bin", false, "/home/me", existing.Contains), Is.EqualTo(Path.Combine("/home/me/bin", "node")));
            Assert.That(LocalEmulator.FindNode("/usr/sbin", false, "/home/me", existing.Contains), Is.EqualTo(Path.Combine("/opt/homebrew/bin", "node")), "Unity started from the Dock does not get the shell's PATH");
            Assert.That(LocalEmulator.FindNode("", false, null, _ => false), Is.Null);
            var windows = Path.Combine(@"C:\tools\node", "node.exe");
            Assert.That(LocalEmulator.FindNode(@"C:\Windows;""C:\tools\node""", true, null, p => p == windows), Is.EqualTo(windows));
        }

        [Test]
        public void EmulatorCommand_RunsTheCliFromThePackageFolder_Quietly()
        {
            var command = LocalEmulator.Command("/usr/bin/node", "/packages/com.playloom.appwrite", 0);
            Assert.That(command.FileName, Is.EqualTo("/usr/bin/node"));
            Assert.That(command.Arguments, Is.EqualTo("\"Tools~/emulator/cli.mjs\" --port 0 --quiet"));
            Assert.That(command.WorkingDirectory, Is.EqualTo("/packages/com.playloom.appwrite"));
            Assert.That(command.UseShellExecute, Is.False);
            Assert.That(command.RedirectStandardOutput, Is.True);
            Assert.That(LocalEmulator.Command("node", "/p").Arguments, Is.EqualTo("\"Tools~/emulator/cli.mjs\" --quiet"), "no port: 7080, or a free one when taken");
        }

        [Test]
        public void EmulatorBanner_EndpointLine()
        {
            Assert.That(LocalEmulator.ParseEndpoint("  Endpoint     http://127.0.0.1:54321/v1"), Is.EqualTo("http://127.0.0.1:54321/v1"));
            Assert.That(LocalEmulator.ParseEndpoint("  Outbox       http://127.0.0.1:54321/_emulator/messages"), Is.Null);
            Assert.That(LocalEmulator.ParseEndpoint("Appwrite Account emulator is ready."), Is.Null);
            Assert.That(LocalEmulator.ParseEndpoint(null), Is.Null);
            Assert.That(LocalEmulator.OutboxUrl("http://127.0.0.1:54321/v1/"), Is.EqualTo("http://127.0.0.1:54321/_emulator/messages"));
        }

        [Test]
        public void Outbox_ParsedNewestFirst_AndPrintedWithoutSecrets()
        {
            const string json = "{\"messages\":[" +
                "{\"channel\":\"sms\",\"to\":\"+14155550123\",\"userId\":\"u1\",\"secret\":\"482913\",\"url\":null,\"createdAt\":\"2026-01-01T10:00:00.000+00:00\",\"type\":\"phone_otp\",\"project\":\"demo-project\"}," +
                "{\"channel\":\"email\",\"to\":\"a@b.c\",\"userId\":\"u2\",\"secret\":\"\",\"url\":\"http://x/magic?secret=abc\",\"createdAt\":\"2026-01-01T10:01:00.000+00:00\",\"type\":\"magic_url\",\"project\":\"demo-project\"}]}";
            var messages = LocalEmulator.ParseOutbox(json);
            Assert.That(messages.Select(m => m.Type), Is.EqualTo(new[] { "magic_url", "phone_otp" }));
            Assert.That(messages[1].Secret, Is.EqualTo("482913"));
            Assert.That(messages[0].Url, Is.EqualTo("http://x/magic?secret=abc"));
            Assert.That(messages[1].ToString(), Does.Not.Contain("482913"));
            Assert.That(LocalEmulator.ParseOutbox("<html>"), Is.Empty);
        }

        [Test]
        public void ConnectionTest_Answers()
        {
            Assert.That(ConnectionTest.PingUrl("https://cloud.appwrite.io/v1/"), Is.EqualTo("https://cloud.appwrite.io/v1/ping"));
            var pong = ConnectionTest.Interpret(200, "Pong!", null, 42.4, "https://cloud.appwrite.io/v1/ping");
            Assert.That(pong.Ok, Is.True);
            Assert.That(pong.Summary, Is.EqualTo("Pong! (HTTP 200 in 42 ms)"));
            var notFound = ConnectionTest.Interpret(404, "{\"message\":\"Project with the requested ID could not be found.\",\"code\":404,\"type\":\"project_not_found\",\"version\":\"1.9.6\"}", null, 10, "u");
            Assert.That(notFound.Ok, Is.False);
            Assert.That(notFound.ErrorType, Is.EqualTo("project_not_found"));
            Assert.That(notFound.Summary, Does.StartWith("HTTP 404 project_not_found in 10 ms: Project with the requested ID could not be found."));
            Assert.That(notFound.Summary, Does.Contain("Check the project ID"));
            var html = ConnectionTest.Interpret(200, "<!doctype html><html>console</html>", null, 5, "u");
            Assert.That(html.Ok, Is.False);
            Assert.That(html.Summary, Does.Contain("lacks /v1"));
            var gateway = ConnectionTest.Interpret(502, "Bad Gateway", null, 5, "u");
            Assert.That(gateway.Summary, Does.Contain("HTTP 502").And.Contain("proxy"));
            var refused = ConnectionTest.Interpret(0, "", "Connection refused", 3, "http://127.0.0.1:7080/v1/ping");
            Assert.That(refused.Summary, Does.Contain("Connection refused").And.Contain("Start it from Window > Appwrite > Setup"));
            Assert.That(refused.ErrorType, Is.EqualTo(AppwriteErrorType.NetworkError));
        }

        [Test]
        public void ConnectionTest_Precheck_NamesTheField()
        {
            var result = ConnectionTest.Precheck(new AppwriteEnvironment { Endpoint = "https://cloud.appwrite.io/v1", ProjectId = "" })!;
            Assert.That(result.Summary, Does.StartWith("Not tested: Project ID:"));
            Assert.That(ConnectionTest.Precheck(new AppwriteEnvironment { Endpoint = "https://cloud.appwrite.io/v1", ProjectId = "p" }), Is.Null);
        }
    }
}
