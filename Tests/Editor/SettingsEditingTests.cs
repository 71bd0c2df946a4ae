// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System.Linq;
using Appwrite.Editor;
using NUnit.Framework;
using UnityEngine;

namespace Appwrite.Tests
{
    /// <summary>Environments: the defaults of a new asset, and switching, adding, duplicating and removing them.</summary>
    public sealed class SettingsEditingTests
    {
        private static AppwriteSettings NewSettings()
        {
            var settings = ScriptableObject.CreateInstance<AppwriteSettings>();
            SettingsEditing.AddDefaults(settings);
            return settings;
        }

        private static string[] Names(AppwriteSettings settings) => settings.Environments.Select(e => e.Name).ToArray();

        [Test]
        public void AddDefaults_LocalEmulatorActive_AndProduction()
        {
            var settings = NewSettings();
            Assert.That(Names(settings), Is.EqualTo(new[] { "Local emulator", "Production" }));
            Assert.That(settings.Active!.Endpoint, Is.EqualTo("http://127.0.0.1:7080/v1"), "the emulator's default port");
            Assert.That(settings.Active.ProjectId, Is.EqualTo("demo-project"), "the emulator's default project");
            Assert.That(settings.Environments[1].Endpoint, Is.EqualTo("https://cloud.appwrite.io/v1"));
            Assert.That(settings.Environments[1].ProjectId, Is.Empty);
            SettingsEditing.AddDefaults(settings);
            Assert.That(settings.Environments.Count, Is.EqualTo(2), "defaults are added to an empty asset only");
        }

        [Test]
        public void SetActive_ByIndexAndName_AndRefusesUnknownOnes()
        {
            var settings = NewSettings();
            Assert.That(SettingsEditing.SetActive(settings, "production"), Is.True);
            Assert.That(settings.Active!.Name, Is.EqualTo("Production"));
            Assert.That(SettingsEditing.SetActive(settings, 0), Is.True);
            Assert.That(settings.Active.Name, Is.EqualTo("Local emulator"));
            Assert.That(SettingsEditing.SetActive(settings, 2), Is.False);
            Assert.That(SettingsEditing.SetActive(settings, "Staging"), Is.False);
            Assert.That(settings.ActiveIndex, Is.EqualTo(0));
        }

        [Test]
        public void Add_And_Duplicate_GiveUniqueNames()
        {
            var settings = NewSettings();
            Assert.That(SettingsEditing.Add(settings), Is.EqualTo(2));
            Assert.That(SettingsEditing.Add(settings), Is.EqualTo(3));
            var copy = SettingsEditing.Duplicate(settings, 1);
            Assert.That(Names(settings), Is.EqualTo(new[] { "Local emulator", "Production", "New environment", "New environment 2", "Production copy" }));
            Assert.That(settings.Environments[copy].Endpoint, Is.EqualTo(settings.Environments[1].Endpoint));
            Assert.That(settings.Environments[copy], Is.Not.SameAs(settings.Environments[1]));
            Assert.That(SettingsEditing.Duplicate(settings, 9), Is.EqualTo(-1));
        }

        [Test]
        public void Remove_KeepsTheActiveEnvironment_AndNeverEmptiesTheList()
        {
            var settings = NewSettings();
            SettingsEditing.Add(settings, null, "Staging");
            SettingsEditing.SetActive(settings, "Staging");
            Assert.That(SettingsEditing.Remove(settings, 0), Is.True);
            Assert.That(settings.Active!.Name, Is.EqualTo("Staging"), "removing one before the active shifts the index");
            Assert.That(SettingsEditing.Remove(settings, 1), Is.True);
            Assert.That(settings.Active!.Name, Is.EqualTo("Production"), "removing the active one activates a neighbour");
            Assert.That(SettingsEditing.Remove(settings, 0), Is.False, "the last environment stays");
            Assert.That(SettingsEditing.Remove(settings, 4), Is.False);
            Assert.That(Names(settings), Is.EqualTo(new[] { "Production" }));
        }

        [Test]
        public void Rename_KeepsNamesUnique()
        {
            var settings = NewSettings();
            Assert.That(SettingsEditing.Rename(settings, 1, "  Local emulator "), Is.EqualTo("Local emulator 2"));
            Assert.That(SettingsEditing.Rename(settings, 1, "Live"), Is.EqualTo("Live"));
            Assert.That(SettingsEditing.Rename(settings, 1, ""), Is.EqualTo("Environment"));
        }

        [Test]
        public void UseEmulator_SetsTheLocalEnvironment_OrCreatesIt()
        {
            var settings = NewSettings();
            settings.Environments[0].ProjectId = "my-local";
            Assert.That(SettingsEditing.UseEmulator(settings, "http://127.0.0.1:50123/v1"), Is.EqualTo(0));
            Assert.That(settings.Environments[0].Endpoint, Is.EqualTo("http://127.0.0.1:50123/v1"));
            Assert.That(settings.Environments[0].ProjectId, Is.EqualTo("my-local"), "a project ID already set is kept");
            SettingsEditing.Remove(settings, 0);
            var index = SettingsEditing.UseEmulator(settings, "http://127.0.0.1:50124/v1");
            Assert.That(settings.Environments[index].Name, Is.EqualTo("Local emulator"));
            Assert.That(settings.Environments[index].ProjectId, Is.EqualTo("demo-project"));
        }

        [Test]
        public void SettingsAssetPath_MustBeDirectlyInAResourcesFolderOutsideEditor()
        {
            Assert.That(SettingsAssets.IsLoadablePath(SettingsAssets.DefaultPath), Is.True);
            Assert.That(SettingsAssets.DefaultPath, Is.EqualTo("Assets/Appwrite/Resources/AppwriteSettings.asset"));
            Assert.That(SettingsAssets.IsLoadablePath("Assets/Resources/AppwriteSettings.asset"), Is.True);
            Assert.That(SettingsAssets.IsLoadablePath("Assets/Resources/Config/AppwriteSettings.asset"), Is.False);
            Assert.That(SettingsAssets.IsLoadablePath("Assets/Editor/Resources/AppwriteSettings.asset"), Is.False);
            Assert.That(SettingsAssets.IsLoadablePath("Assets/Appwrite/AppwriteSettings.asset"), Is.False);
            Assert.That(SettingsAssets.IsLoadablePath("Assets/Resources/Settings.asset"), Is.False);
            Assert.That(SettingsAssets.IsLoadablePath(""), Is.False);
        }
    }
}
