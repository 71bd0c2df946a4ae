// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System.Collections.Generic;
using System.Linq;
using Appwrite.Editor;
using NUnit.Framework;
using UnityEditor;
using UnityEngine;

namespace Appwrite.Tests
{
    /// <summary>The dev-key build rule as a function of the build options and where keys were found.</summary>
    public sealed class DevKeyBuildRuleTests
    {
        private const BuildOptions Release = BuildOptions.None;
        private const BuildOptions Development = BuildOptions.Development | BuildOptions.AllowDebugging;

        private static DevKeyFindings Found(int editorKeys = 0, DevKeyCarrier carriers = DevKeyCarrier.None, bool include = true)
        {
            var findings = new DevKeyFindings { EditorKeyCount = editorKeys, Carriers = carriers, IncludeInDevelopmentBuilds = include, SettingsAssetPath = "Assets/Appwrite/Resources/AppwriteSettings.asset", InjectedFilePath = DevKeyBuild.Folder };
            if ((carriers & DevKeyCarrier.ScriptingDefine) != 0) findings.Defines.Add("APPWRITE_DEV_KEY");
            return findings;
        }

        [Test]
        public void ReleaseBuild_KeyOnlyInEditorPrefs_ProceedsWithoutIt()
        {
            var decision = DevKeyBuildRule.Decide(Release, Found(editorKeys: 1));
            Assert.That(decision.Action, Is.EqualTo(DevKeyBuildAction.Proceed));
            Assert.That(decision.Message, Does.Contain("stays out of this release build"));
        }

        [Test]
        public void ReleaseBuild_NoKeyAnywhere_Proceeds()
        {
            Assert.That(DevKeyBuildRule.Decide(Release, Found()).Action, Is.EqualTo(DevKeyBuildAction.Proceed));
        }

        [TestCase("SettingsAsset", "settings asset Assets/Appwrite/Resources/AppwriteSettings.asset")]
        [TestCase("ScriptingDefine", "APPWRITE_DEV_KEY")]
        [TestCase("InjectedFile", "Assets/PlayloomAppwriteDevBuild")]
        public void ReleaseBuild_ThatWouldCarryAKey_Fails_SayingWhereAndHowToFix(string carrier, string where)
        {
            var decision = DevKeyBuildRule.Decide(Release, Found(editorKeys: 1, carriers: (DevKeyCarrier)System.Enum.Parse(typeof(DevKeyCarrier), carrier)));
            Assert.That(decision.Action, Is.EqualTo(DevKeyBuildAction.Fail));
            Assert.That(decision.Message, Does.Contain("must never reach players"));
            Assert.That(decision.Message, Does.Contain(where));
            Assert.That(decision.Message, Does.Contain("Project Settings > Appwrite > Dev key"), "names where the key belongs");
        }

        [Test]
        public void ReleaseBuild_SeveralCarriers_ListsEach()
        {
            var decision = DevKeyBuildRule.Decide(Release, Found(carriers: DevKeyCarrier.SettingsAsset | DevKeyCarrier.ScriptingDefine));
            Assert.That(decision.Message.Split('\n').Count(l => l.StartsWith("- ")), Is.EqualTo(2));
        }

        [Test]
        public void DevelopmentBuild_WithEditorKey_InjectsIt()
        {
            var decision = DevKeyBuildRule.Decide(Development, Found(editorKeys: 2));
            Assert.That(decision.Action, Is.EqualTo(DevKeyBuildAction.InjectKeys));
            Assert.That(decision.Message, Does.Contain("2 dev keys"));
            Assert.That(decision.Warnings, Is.Empty);
        }

        [Test]
        public void DevelopmentBuild_UserTurnedItOff_OrNoKey_Proceeds()
        {
            Assert.That(DevKeyBuildRule.Decide(Development, Found(editorKeys: 1, include: false)).Action, Is.EqualTo(DevKeyBuildAction.Proceed));
            Assert.That(DevKeyBuildRule.Decide(Development, Found()).Action, Is.EqualTo(DevKeyBuildAction.Proceed));
        }

        [Test]
        public void DevelopmentBuild_KeyInTheAsset_WarnsButBuilds()
        {
            var decision = DevKeyBuildRule.Decide(Development, Found(editorKeys: 1, carriers: DevKeyCarrier.SettingsAsset));
            Assert.That(decision.Action, Is.EqualTo(DevKeyBuildAction.InjectKeys));
            Assert.That(decision.Warnings.Single(), Does.Contain("release builds will fail"));
        }

        [Test]
        public void ReleaseBuild_ActiveEnvironmentOnThisComputer_Warns()
        {
            var settings = ScriptableObject.CreateInstance<AppwriteSettings>();
            SettingsEditing.AddDefaults(settings);
            Assert.That(DevKeyBuildRule.ActiveEnvironmentWarning(settings, Release), Does.Contain("\"Local emulator\" points at 127.0.0.1"));
            Assert.That(DevKeyBuildRule.ActiveEnvironmentWarning(settings, Development), Is.Null);
            SettingsEditing.SetActive(settings, "Production");
            Assert.That(DevKeyBuildRule.ActiveEnvironmentWarning(settings, Release), Is.Null);
            Assert.That(DevKeyBuildRule.ActiveEnvironmentWarning(null, Release), Is.Null);
        }

        [Test]
        public void DevKeyResource_RoundTrips_ByEnvironmentIdentity()
        {
            var local = new AppwriteEnvironment { Endpoint = "http://127.0.0.1:7080/v1/", ProjectId = "demo-project" };
            var prod = new AppwriteEnvironment { Endpoint = "https://Cloud.Appwrite.io/v1", ProjectId = "game" };
            var text = DevKeyResource.Write(new Dictionary<string, string> { [DevKeyResource.Identity(local)] = "key-local-0123456789", [DevKeyResource.Identity(prod)] = "key-prod-0123456789" });
            var keys = DevKeyResource.Read(text);
            Assert.That(keys[DevKeyResource.Identity(new AppwriteEnvironment { Endpoint = "http://127.0.0.1:7080/v1", ProjectId = "demo-project" })], Is.EqualTo("key-local-0123456789"), "a trailing / does not matter");
            Assert.That(keys[DevKeyResource.Identity(new AppwriteEnvironment { Endpoint = "https://cloud.appwrite.io/v1", ProjectId = "game" })], Is.EqualTo("key-prod-0123456789"));
            Assert.That(keys.ContainsKey(DevKeyResource.Identity(new AppwriteEnvironment { Endpoint = "https://cloud.appwrite.io/v1", ProjectId = "other" })), Is.False, "another project gets no key");
            Assert.That(DevKeyResource.Read("not json"), Is.Empty);
            Assert.That(DevKeyResource.Read(null), Is.Empty);
        }
    }
}
