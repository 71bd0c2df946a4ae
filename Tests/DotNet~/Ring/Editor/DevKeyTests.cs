// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Appwrite;
using Appwrite.Editor;
using Appwrite.Internal;
using NUnit.Framework;
using UnityEditor;
using UnityEditor.Build;
using UnityEditor.Build.Reporting;
using UnityEngine;
using UnityStubs;

namespace Playloom.Appwrite.Ring
{
    /// <summary>
    /// Dev keys: kept in EditorPrefs only, sent by Editor clients, written into Development builds and removed after
    /// them, and a release build that would carry one fails, through Unity's build callbacks.
    /// </summary>
    public sealed class DevKeyTests : RingTestBase
    {
        private const string DevKey = "devkey-0123456789abcdef0123456789abcdef";
        private string _project = "";
        private AppwriteSettings _settings = null!;

        [SetUp]
        public void SetUpProject()
        {
            _project = Path.Combine(Path.GetTempPath(), "playloom-project-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(_project, "Assets"));
            DevKeyBuildProcessor.ProjectRootProvider = () => _project;
            EditorPrefs.ClearForTests();
            AssetDatabase.ResetForTests();
            _settings = ScriptableObject.CreateInstance<AppwriteSettings>();
            SettingsEditing.AddDefaults(_settings);
            _settings.Environments[0].Endpoint = Server.Endpoint;
            _settings.Environments[1].ProjectId = "my-game";
            AssetDatabase.RegisterForTests(SettingsAssets.DefaultPath, _settings);
            var assetFile = Path.Combine(_project, SettingsAssets.DefaultPath);
            Directory.CreateDirectory(Path.GetDirectoryName(assetFile)!);
            File.WriteAllText(assetFile, "%YAML 1.1\n--- !u!114 &11400000\nMonoBehaviour:\n  _environments:\n  - _name: Local emulator\n");
            PlayerSettings.SetScriptingDefineSymbols(NamedBuildTarget.Android, "");
        }

        [TearDown]
        public void TearDownProject()
        {
            // Runs a pending after-build cleanup while the test project is still the project.
            EditorApplication.RunUpdateForTests();
            DevKeyBuildProcessor.ProjectRootProvider = Directory.GetCurrentDirectory;
            AppwriteSettings.DevKeyProvider = null;
            StubResources.Unregister(DevKeyResource.ResourcePath);
            StubResources.Unregister(AppwriteSettings.ResourcePath);
            EditorPrefs.ClearForTests();
            AssetDatabase.ResetForTests();
            if (Directory.Exists(_project)) Directory.Delete(_project, true);
        }

        private static BuildReport Build(BuildOptions options) => BuildReport.ForTests(BuildTarget.Android, options, "Builds/game.apk");

        private string KeysFile => Path.Combine(_project, DevKeyBuild.FileAssetPath);

        [Test]
        public void Store_KeepsKeysInEditorPrefs_PerEnvironment_UnderHashedNames()
        {
            DevKeyStore.Set(_settings.Environments[0], "  " + DevKey + "\n");
            Assert.That(DevKeyStore.Get(_settings.Environments[0]), Is.EqualTo(DevKey), "pasted whitespace is dropped");
            Assert.That(DevKeyStore.Get(_settings.Environments[1]), Is.Null, "per environment");
            var stored = EditorPrefs.AllForTests;
            Assert.That(stored.Values.OfType<string>(), Does.Contain(DevKey));
            Assert.That(stored.Keys.Any(k => k.Contains("127.0.0.1") || k.Contains("demo-project")), Is.False, "no endpoint or project in the key names");
            _settings.Environments[0].ProjectId = "another-project";
            Assert.That(DevKeyStore.Get(_settings.Environments[0]), Is.Null, "a key does not follow a project ID change");
            _settings.Environments[0].ProjectId = "demo-project";
            DevKeyStore.Set(_settings.Environments[0], "");
            Assert.That(DevKeyStore.Get(_settings.Environments[0]), Is.Null);
            Assert.That(EditorPrefs.AllForTests.Values.OfType<string>(), Does.Not.Contain(DevKey));
        }

        [Test]
        public void Store_IsPerUnityProject()
        {
            DevKeyStore.Set(_settings.Environments[0], DevKey);
            var original = DevKeyStore.ProjectIdentity;
            try
            {
                DevKeyStore.ProjectIdentity = () => "another-unity-project";
                Assert.That(DevKeyStore.Get(_settings.Environments[0]), Is.Null);
            }
            finally
            {
                DevKeyStore.ProjectIdentity = original;
            }
        }

        [Test]
        public void EditorClient_SendsTheStoredKey() => Run(async () =>
        {
            StubResources.Register(AppwriteSettings.ResourcePath, _settings);
            DevKeyStore.Set(_settings.Environments[0], DevKey);
            DevKeyStore.InstallEditorProvider();
            var client = new GameObject("c").AddComponent<Client>();
            await client.PingAsync();
            Assert.That(Server.Requests.Single().Header("X-Appwrite-Dev-Key"), Is.EqualTo(DevKey));
        });

        [Test]
        public void ReleaseBuild_KeyOnlyInTheEditor_BuildsWithoutIt()
        {
            DevKeyStore.Set(_settings.Environments[0], DevKey);
            new DevKeyBuildProcessor().OnPreprocessBuild(Build(BuildOptions.None));
            Assert.That(Directory.Exists(Path.Combine(_project, DevKeyBuild.Folder)), Is.False);
            Assert.That(Directory.EnumerateFiles(_project, "*", SearchOption.AllDirectories).Any(f => File.ReadAllText(f).Contains(DevKey)), Is.False);
        }

        [Test]
        public void ReleaseBuild_KeyPastedIntoTheSettings_Fails()
        {
            DevKeyStore.Set(_settings.Environments[0], DevKey);
            _settings.Environments[0].Locale = DevKey;
            var error = Assert.Throws<BuildFailedException>(() => new DevKeyBuildProcessor().OnPreprocessBuild(Build(BuildOptions.None)))!;
            Assert.That(error.Message, Does.Contain(SettingsAssets.DefaultPath));
            Assert.That(error.Message, Does.Not.Contain(DevKey), "the error names the place, never the key");
        }

        [Test]
        public void ReleaseBuild_KeyInTheSavedAssetFile_Fails()
        {
            DevKeyStore.Set(_settings.Environments[0], DevKey);
            File.AppendAllText(Path.Combine(_project, SettingsAssets.DefaultPath), "    _locale: " + DevKey + "\n");
            Assert.Throws<BuildFailedException>(() => new DevKeyBuildProcessor().OnPreprocessBuild(Build(BuildOptions.None)));
        }

        [Test]
        public void ReleaseBuild_DevKeyDefine_Fails_DevelopmentBuildWarns()
        {
            PlayerSettings.SetScriptingDefineSymbols(NamedBuildTarget.Android, "USE_THING;APPWRITE_DEV_KEY");
            var error = Assert.Throws<BuildFailedException>(() => new DevKeyBuildProcessor().OnPreprocessBuild(Build(BuildOptions.None)))!;
            Assert.That(error.Message, Does.Contain("APPWRITE_DEV_KEY"));
            UnityStubs.Console.Clear();
            new DevKeyBuildProcessor().OnPreprocessBuild(Build(BuildOptions.Development));
            Assert.That(UnityStubs.Console.Lines.Any(l => l.Type == LogType.Warning && l.Message.Contains("APPWRITE_DEV_KEY")), Is.True);
        }

        [Test]
        public void DevelopmentBuild_CarriesTheKeys_UntilTheBuildEnds() => Run(async () =>
        {
            DevKeyStore.Set(_settings.Environments[0], DevKey);
            var processor = new DevKeyBuildProcessor();
            processor.OnPreprocessBuild(Build(BuildOptions.Development));
            Assert.That(File.Exists(KeysFile), Is.True);
            Assert.That(AssetDatabase.ImportedForTests, Does.Contain(DevKeyBuild.Folder), "imported so the build includes it");
            Assert.That(File.ReadAllText(Path.Combine(_project, DevKeyBuild.Folder, ".gitignore")), Does.Contain("*"));

            // What the Development player does at startup with the file in its Resources.
            StubResources.Register(DevKeyResource.ResourcePath, new TextAsset(File.ReadAllText(KeysFile)));
            StubResources.Register(AppwriteSettings.ResourcePath, _settings);
            AppwriteSettings.DevKeyProvider = null;
            Assert.That(DevKeyResource.InstallFromBuild(), Is.True);
            var client = new GameObject("player").AddComponent<Client>();
            await client.PingAsync();
            Assert.That(Server.Requests.Single().Header("X-Appwrite-Dev-Key"), Is.EqualTo(DevKey));

            processor.OnPostprocessBuild(Build(BuildOptions.Development));
            Assert.That(Directory.Exists(Path.Combine(_project, DevKeyBuild.Folder)), Is.False);
            Assert.That(File.Exists(Path.Combine(_project, DevKeyBuild.Folder + ".meta")), Is.False);
        });

        [Test]
        public void DevelopmentBuild_ThatFails_IsCleanedUpAtTheNextEditorUpdate()
        {
            DevKeyStore.Set(_settings.Environments[0], DevKey);
            BuildPipeline.isBuildingPlayer = true;
            try
            {
                new DevKeyBuildProcessor().OnPreprocessBuild(Build(BuildOptions.Development));
                EditorApplication.RunUpdateForTests();
                Assert.That(File.Exists(KeysFile), Is.True, "not while the build runs");
            }
            finally
            {
                BuildPipeline.isBuildingPlayer = false;
            }
            // Unity skips post-process callbacks of a failed build; the editor's next update removes the file.
            EditorApplication.RunUpdateForTests();
            Assert.That(Directory.Exists(Path.Combine(_project, DevKeyBuild.Folder)), Is.False);
        }

        [Test]
        public void DevelopmentBuild_UserOptedOut_CarriesNothing()
        {
            DevKeyStore.Set(_settings.Environments[0], DevKey);
            DevKeyStore.IncludeInDevelopmentBuilds = false;
            new DevKeyBuildProcessor().OnPreprocessBuild(Build(BuildOptions.Development));
            Assert.That(File.Exists(KeysFile), Is.False);
        }

        [Test]
        public void ReleaseBuild_AfterACrashedDevelopmentBuild_RemovesTheLeftoverFirst()
        {
            DevKeyStore.Set(_settings.Environments[0], DevKey);
            DevKeyBuild.WriteKeys(_project, DevKeyStore.All(_settings));
            File.WriteAllText(Path.Combine(_project, DevKeyBuild.Folder + ".meta"), "guid: 0\n");
            UnityStubs.Console.Clear();
            new DevKeyBuildProcessor().OnPreprocessBuild(Build(BuildOptions.None));
            Assert.That(Directory.Exists(Path.Combine(_project, DevKeyBuild.Folder)), Is.False);
            Assert.That(File.Exists(Path.Combine(_project, DevKeyBuild.Folder + ".meta")), Is.False);
            Assert.That(UnityStubs.Console.Lines.Any(l => l.Message.Contains("left by an interrupted Development build")), Is.True);
        }

        [Test]
        public void Scan_FindsALeftoverThatCouldNotBeRemoved()
        {
            DevKeyBuild.WriteKeys(_project, new Dictionary<string, string> { ["x|y"] = DevKey });
            var findings = DevKeyBuild.Scan(_project, _settings, SettingsAssets.DefaultPath, new Dictionary<string, string>(), true, "");
            Assert.That(findings.Carriers, Is.EqualTo(DevKeyCarrier.InjectedFile));
            Assert.That(DevKeyBuildRule.Decide(BuildOptions.None, findings).Action, Is.EqualTo(DevKeyBuildAction.Fail));
        }

        [Test]
        public void ReleaseBuild_ActiveEnvironmentOnThisComputer_Warns()
        {
            _settings.Environments[0].Endpoint = "http://127.0.0.1:7080/v1";
            UnityStubs.Console.Clear();
            new DevKeyBuildProcessor().OnPreprocessBuild(Build(BuildOptions.None));
            Assert.That(UnityStubs.Console.Lines.Any(l => l.Type == LogType.Warning && l.Message.Contains("players of this release build cannot reach")), Is.True);
        }
    }
}
