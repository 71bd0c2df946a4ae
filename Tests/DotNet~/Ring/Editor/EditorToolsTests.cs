// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Appwrite;
using Appwrite.Editor;
using NUnit.Framework;
using UnityEditor;
using UnityEditor.Build.Reporting;
using UnityEngine;
using UnityStubs;

namespace Playloom.Appwrite.Ring
{
    /// <summary>
    /// The editor tools against real servers and files: "Test connection", the local emulator started the way the setup
    /// assistant starts it (with its outbox), the mobile build steps, and the settings page and window drawing.
    /// </summary>
    public sealed class EditorToolsTests : RingTestBase
    {
        [TearDown]
        public void ResetEditor()
        {
            AssetDatabase.ResetForTests();
            EditorPrefs.ClearForTests();
        }

        private static async Task<ConnectionTestResult> TestConnection(AppwriteEnvironment environment)
        {
            using var test = ConnectionTest.Start(environment, timeoutSeconds: 5);
            var clock = Stopwatch.StartNew();
            while (!test.Poll())
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(10)) Assert.Fail("Test connection never finished");
                await Task.Delay(5);
            }
            return test.Result!;
        }

        [Test]
        public void TestConnection_Pong_WithLatency() => Run(async () =>
        {
            var result = await TestConnection(new AppwriteEnvironment { Endpoint = Server.Endpoint, ProjectId = FakeAppwrite.Project });
            Assert.That(result.Ok, Is.True, result.Summary);
            Assert.That(result.Summary, Does.Match(@"^Pong! \(HTTP 200 in \d+ ms\)$"));
            var request = Server.Requests.Single();
            Assert.That(request.Path, Is.EqualTo("/v1/ping"));
            Assert.That(request.Header("X-Appwrite-Project"), Is.EqualTo(FakeAppwrite.Project));
        });

        [Test]
        public void TestConnection_NothingListening_ShowsTheNetworkError() => Run(async () =>
        {
            var port = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            port.Start();
            var free = ((System.Net.IPEndPoint)port.LocalEndpoint).Port;
            port.Stop();
            var result = await TestConnection(new AppwriteEnvironment { Endpoint = $"http://127.0.0.1:{free}/v1", ProjectId = "demo-project" });
            Assert.That(result.Ok, Is.False);
            Assert.That(result.Status, Is.EqualTo(0));
            Assert.That(result.ErrorType, Is.EqualTo(AppwriteErrorType.NetworkError));
            Assert.That(result.Summary, Does.StartWith($"No answer from http://127.0.0.1:{free}/v1/ping after"));
            Assert.That(result.Summary, Does.Contain("local emulator"));
        });

        [Test]
        public void Emulator_StartedLikeTheSetupWindow_PrintsItsEndpoint_AndServesTheOutbox() => Run(async () =>
        {
            if (!EmulatorBackend.Present) Assert.Fail("Tools~/emulator is missing: the ring runs from the full repository, which has it.");
            var node = LocalEmulator.FindNode();
            Assert.That(node, Is.Not.Null, "the ring runs where Node is installed");
            using var emulator = EmulatorProcess.Start(node!, PackagePaths.Root, port: 0);
            var clock = Stopwatch.StartNew();
            while (emulator.Endpoint == null)
            {
                emulator.Poll();
                Assert.That(emulator.HasExited, Is.False, "the emulator stopped: " + string.Join("\n", emulator.Output));
                if (clock.Elapsed > TimeSpan.FromSeconds(30)) Assert.Fail("no endpoint printed: " + string.Join("\n", emulator.Output));
                await Task.Delay(20);
            }
            Assert.That(emulator.Endpoint, Does.Match(@"^http://127\.0\.0\.1:\d+/v1$"));

            // "Test connection" against it: Pong for its project, the server's error for another.
            Assert.That((await TestConnection(new AppwriteEnvironment { Endpoint = emulator.Endpoint!, ProjectId = "demo-project" })).Ok, Is.True);
            var unknown = await TestConnection(new AppwriteEnvironment { Endpoint = emulator.Endpoint!, ProjectId = "no-such-project" });
            Assert.That(unknown.ErrorType, Is.EqualTo("project_not_found"), unknown.Summary);
            Assert.That(unknown.Summary, Does.Contain("HTTP 404"));

            // A phone code sent by the game shows up in the outbox the window polls.
            using var http = new HttpClient();
            var phone = "+1415555" + new Random().Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            using var body = new StringContent("{\"userId\":\"unique()\",\"phone\":\"" + phone + "\"}", Encoding.UTF8, "application/json");
            body.Headers.Add("X-Appwrite-Project", "demo-project");
            var sent = await http.PostAsync(emulator.Endpoint + "/account/tokens/phone", body);
            Assert.That((int)sent.StatusCode, Is.EqualTo(201));
            using var outbox = new OutboxPoller(emulator.Endpoint!, intervalSeconds: 0.05);
            clock.Restart();
            while (outbox.Messages.All(m => m.To != phone))
            {
                outbox.Poll(clock.Elapsed.TotalSeconds);
                if (clock.Elapsed > TimeSpan.FromSeconds(10)) Assert.Fail("the OTP never reached the outbox: " + outbox.Error);
                await Task.Delay(10);
            }
            var otp = outbox.Messages.First(m => m.To == phone);
            Assert.That(otp.Secret, Does.Match(@"^\d{6}$"));
            Assert.That(otp.Type, Is.EqualTo("phone_otp"));
            emulator.Poll();
            Assert.That(emulator.Output.Any(l => l.Contains(otp.Secret)), Is.False, "--quiet: the OTP is not printed, only shown from the outbox");
        });

        [Test]
        public void BuildSteps_RegisterTheSchemesOfEveryEnvironment()
        {
            var settings = ScriptableObject.CreateInstance<AppwriteSettings>();
            SettingsEditing.AddDefaults(settings);
            settings.Environments[1].ProjectId = "MyGame";
            var root = Path.Combine(Path.GetTempPath(), "playloom-build-" + Guid.NewGuid().ToString("N"));
            try
            {
                var manifest = Path.Combine(root, "unityLibrary", "src", "main", "AndroidManifest.xml");
                Directory.CreateDirectory(Path.GetDirectoryName(manifest)!);
                File.WriteAllText(manifest, "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\"><application><activity android:name=\"com.unity3d.player.UnityPlayerActivity\"><meta-data android:name=\"unityplayer.UnityActivity\" android:value=\"true\" /></activity></application></manifest>");
                Assert.That(DeepLinkBuildSteps.RegisterAndroid(Path.Combine(root, "unityLibrary"), settings),
                    Is.EqualTo(new[] { "appwrite-callback-demo-project", "appwrite-callback-MyGame", "appwrite-callback-mygame" }));

                var xcode = Path.Combine(root, "ios");
                Directory.CreateDirectory(xcode);
                File.WriteAllText(Path.Combine(xcode, "Info.plist"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\">\n<dict>\n\t<key>CFBundleName</key>\n\t<string>Game</string>\n</dict>\n</plist>\n");
                AssetDatabase.RegisterForTests(SettingsAssets.DefaultPath, settings);
                new DeepLinkBuildSteps().OnPostprocessBuild(BuildReport.ForTests(BuildTarget.iOS, BuildOptions.None, xcode));
                var plist = File.ReadAllText(Path.Combine(xcode, "Info.plist"));
                Assert.That(plist, Does.Contain("<string>appwrite-callback-demo-project</string>"));
                Assert.That(plist, Does.Contain("<string>appwrite-callback-MyGame</string>"));

                // A build whose manifest cannot be edited goes on, with a warning that says what to do.
                UnityStubs.Console.Clear();
                Assert.That(DeepLinkBuildSteps.RegisterAndroid(Path.Combine(root, "missing"), settings), Is.Empty);
                Assert.That(UnityStubs.Console.Lines.Any(l => l.Type == LogType.Warning && l.Message.Contains("README")), Is.True);
            }
            finally
            {
                if (Directory.Exists(root)) Directory.Delete(root, true);
            }
        }

        [Test]
        public void SettingsPage_And_SetupWindow_Draw_WithAndWithoutSettings()
        {
            var provider = AppwriteSettingsProvider.Create();
            Assert.That(provider.settingsPath, Is.EqualTo("Project/Appwrite"));
            Assert.That(provider.scope, Is.EqualTo(SettingsScope.Project));
            Assert.That(provider.keywords, Does.Contain("dev key"));
            provider.OnGUI("");
            var created = SettingsAssets.Create();
            Assert.That(AssetDatabase.GetAssetPath(created), Is.EqualTo("Assets/Appwrite/Resources/AppwriteSettings.asset"));
            Assert.That(created.Environments.Select(e => e.Name), Is.EqualTo(new[] { "Local emulator", "Production" }));
            Assert.That(SettingsAssets.Create(), Is.SameAs(created), "created once");
            Assert.That(SettingsAssets.Find(), Is.SameAs(created));
            provider.OnGUI("");
            provider.OnDeactivate();

            var window = ScriptableObject.CreateInstance<AppwriteSetupWindow>();
            PlayerLoop.SendMessage(window, "OnEnable");
            PlayerLoop.SendMessage(window, "OnGUI");
            PlayerLoop.SendMessage(window, "OnDisable");
            Assert.That(PlayerLoop.Errors, Is.Empty, string.Join("\n", PlayerLoop.Errors));
        }
    }
}
