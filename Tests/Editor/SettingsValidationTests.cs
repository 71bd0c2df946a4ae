// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System.Linq;
using Appwrite.Editor;
using NUnit.Framework;
using UnityEngine;

namespace Appwrite.Tests
{
    /// <summary>The Project Settings page's rules, field by field, and for the whole asset.</summary>
    public sealed class SettingsValidationTests
    {
        [TestCase("https://cloud.appwrite.io/v1")]
        [TestCase("https://fra.cloud.appwrite.io/v1")]
        [TestCase("http://127.0.0.1:7080/v1")]
        [TestCase("http://10.0.2.2:7080/v1/")]
        [TestCase("https://example.com/appwrite/v1")]
        public void Endpoint_Valid_HasNoFinding(string endpoint)
        {
            Assert.That(SettingsValidation.Endpoint(endpoint), Is.Null);
        }

        [TestCase("", "required")]
        [TestCase("cloud.appwrite.io/v1", "not an http:// or https:// URL")]
        [TestCase("ftp://cloud.appwrite.io/v1", "not an http:// or https:// URL")]
        [TestCase("https:///v1", "not an http:// or https:// URL")]
        [TestCase(" https://cloud.appwrite.io/v1", "spaces")]
        [TestCase("https://cloud.appwrite.io/v1?project=x", "query")]
        public void Endpoint_Invalid_IsAnErrorNamingTheFix(string endpoint, string expected)
        {
            var finding = SettingsValidation.Endpoint(endpoint)!;
            Assert.That(finding.Severity, Is.EqualTo(ValidationSeverity.Error));
            Assert.That(finding.Field, Is.EqualTo("Endpoint"));
            Assert.That(finding.Text, Does.Contain(expected));
        }

        [Test]
        public void Endpoint_WithoutV1_Warns()
        {
            var finding = SettingsValidation.Endpoint("https://cloud.appwrite.io")!;
            Assert.That(finding.Severity, Is.EqualTo(ValidationSeverity.Warning));
            Assert.That(finding.Text, Does.Contain("/v1"));
        }

        [TestCase("http://appwrite.example.com/v1", "Warning")]
        [TestCase("http://192.168.1.20/v1", null)]
        [TestCase("http://localhost:7080/v1", null)]
        public void Endpoint_PlainHttp_WarnsOnlyForRemoteHosts(string endpoint, string? expected)
        {
            Assert.That(SettingsValidation.Endpoint(endpoint)?.Severity.ToString(), Is.EqualTo(expected));
        }

        [TestCase("demo-project")]
        [TestCase("6712a5f0c1d2e3f4a5b6")]
        [TestCase("a")]
        [TestCase("A.b-c")]
        [TestCase("123456789012345678901234567890123456")]
        public void ProjectId_ServerRule_Accepts(string projectId)
        {
            Assert.That(SettingsValidation.ProjectId(projectId), Is.Null);
        }

        [TestCase("")]
        [TestCase("-starts-with-dash")]
        [TestCase(".dot")]
        [TestCase("_underscore")]
        [TestCase("has space")]
        [TestCase("1234567890123456789012345678901234567")]
        [TestCase("émoji")]
        public void ProjectId_ServerRule_Rejects(string projectId)
        {
            var finding = SettingsValidation.ProjectId(projectId)!;
            Assert.That(finding.Severity, Is.EqualTo(ValidationSeverity.Error));
            Assert.That(finding.Text, Does.Contain("Console"));
        }

        [Test]
        public void ProjectId_WithUnderscore_WarnsAboutTheOAuthScheme()
        {
            var finding = SettingsValidation.ProjectId("my_game")!;
            Assert.That(finding.Severity, Is.EqualTo(ValidationSeverity.Warning));
            Assert.That(finding.Text, Does.Contain("appwrite-callback-my_game"));
        }

        [TestCase("", true)]
        [TestCase("en", true)]
        [TestCase("fr-FR", true)]
        [TestCase("pt-br", true)]
        [TestCase("zh-Hans", true)]
        [TestCase("english", false)]
        [TestCase("e", false)]
        [TestCase("en US", false)]
        public void Locale_Shape(string locale, bool valid)
        {
            var finding = SettingsValidation.Locale(locale);
            Assert.That(finding == null, Is.EqualTo(valid), finding?.Text);
            if (finding != null) Assert.That(finding.Text, Does.Contain("pt-BR"));
        }

        [TestCase("", "https://cloud.appwrite.io/v1", null)]
        [TestCase("wss://cloud.appwrite.io/v1", "https://cloud.appwrite.io/v1", null)]
        [TestCase("ws://127.0.0.1:7080/v1", "http://127.0.0.1:7080/v1", null)]
        [TestCase("https://cloud.appwrite.io/v1", "https://cloud.appwrite.io/v1", "Error")]
        [TestCase("ws://cloud.appwrite.io/v1", "https://cloud.appwrite.io/v1", "Warning")]
        public void EndpointRealtime_WsOrEmpty(string realtime, string endpoint, string? expected)
        {
            Assert.That(SettingsValidation.EndpointRealtime(realtime, endpoint)?.Severity.ToString(), Is.EqualTo(expected));
        }

        [Test]
        public void EndpointRealtime_Invalid_ShowsTheDerivedOne()
        {
            var finding = SettingsValidation.EndpointRealtime("http://x/v1", "https://cloud.appwrite.io/v1")!;
            Assert.That(finding.Text, Does.Contain("wss://cloud.appwrite.io/v1"));
            Assert.That(SettingsValidation.DerivedRealtime("http://127.0.0.1:7080/v1/"), Is.EqualTo("ws://127.0.0.1:7080/v1"));
            Assert.That(SettingsValidation.DerivedRealtime("nonsense"), Is.EqualTo(""));
        }

        [TestCase("0123456789abcdef", true)]
        [TestCase("", true)]
        [TestCase("abc def", false)]
        [TestCase("abc\ndef", false)]
        public void DevKey_MustFitInAHeader(string key, bool valid)
        {
            Assert.That(SettingsValidation.DevKey(key) == null, Is.EqualTo(valid));
        }

        [Test]
        public void Settings_ValidDefaults_HaveOnlyTheEmptyProductionProjectAsError()
        {
            var settings = ScriptableObject.CreateInstance<AppwriteSettings>();
            SettingsEditing.AddDefaults(settings);
            var findings = SettingsValidation.Settings(settings);
            Assert.That(findings.Select(f => f.Field), Is.EqualTo(new[] { "Production > Project ID" }), "Production needs its project ID before it is used");
            settings.Environments[1].ProjectId = "my-game";
            Assert.That(SettingsValidation.Settings(settings), Is.Empty);
        }

        [Test]
        public void Settings_NoEnvironment_DuplicateNames_AndBadActiveIndex_AreErrors()
        {
            var settings = ScriptableObject.CreateInstance<AppwriteSettings>();
            Assert.That(SettingsValidation.Settings(settings).Single().Text, Does.Contain("no environment"));
            settings.Environments.Add(new AppwriteEnvironment { Name = "Prod", ProjectId = "p" });
            settings.Environments.Add(new AppwriteEnvironment { Name = "prod ", ProjectId = "q" });
            settings.ActiveIndex = 5;
            var findings = SettingsValidation.Settings(settings);
            Assert.That(SettingsValidation.HasErrors(findings), Is.True);
            Assert.That(findings.Any(f => f.Text.Contains("Two environments are named")), Is.True);
            Assert.That(findings.Any(f => f.Field == "Active environment" && f.Text.Contains("out of range")), Is.True);
        }
    }
}
