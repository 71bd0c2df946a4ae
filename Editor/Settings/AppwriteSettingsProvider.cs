// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using UnityEditor;
using UnityEngine;

namespace Appwrite.Editor
{
    /// <summary>
    /// Edit > Project Settings > Appwrite: the environments of the settings asset (endpoint, project ID, locale, realtime
    /// endpoint) with inline validation, the active one, "Test connection", and this editor's dev key. It only draws;
    /// the rules are <see cref="SettingsValidation"/>, the edits <see cref="SettingsEditing"/>, the ping <see cref="ConnectionTest"/>.
    /// </summary>
    internal sealed class AppwriteSettingsProvider : SettingsProvider
    {
        public const string SettingsPath = "Project/Appwrite";

        private static readonly string[] _keywords = { "Appwrite", "endpoint", "project", "environment", "locale", "realtime", "dev key", "OAuth2", "emulator" };

        [NonSerialized] private int _selected = -1;
        [NonSerialized] private ConnectionTest? _test;
        [NonSerialized] private ConnectionTestResult? _testResult;
        [NonSerialized] private string _testedEnvironment = "";

        private AppwriteSettingsProvider() : base(SettingsPath, SettingsScope.Project, _keywords)
        {
        }

        [SettingsProvider]
        public static SettingsProvider Create() => new AppwriteSettingsProvider();

        public override void OnDeactivate()
        {
            StopTest();
            AssetDatabase.SaveAssets();
        }

        public override void OnGUI(string searchContext)
        {
            var settings = SettingsAssets.Find();
            if (settings == null)
            {
                EditorGUILayout.HelpBox($"This project has no Appwrite settings yet. Clients can still be configured in code (SetEndpoint, SetProject). The asset is created at {SettingsAssets.DefaultPath}, ships with the game, and holds no secret.", MessageType.Info);
                if (GUILayout.Button("Create settings (Local emulator + Production)")) SettingsAssets.Create();
                return;
            }
            var path = AssetDatabase.GetAssetPath(settings);
            if (!SettingsAssets.IsLoadablePath(path)) EditorGUILayout.HelpBox($"{path} is not directly in a Resources folder (or is under an Editor folder): builds will not load it. Move it to {SettingsAssets.DefaultPath}.", MessageType.Error);
            if (settings.Environments.Count == 0)
            {
                Change(settings, "Add Appwrite environments", () => SettingsEditing.AddDefaults(settings));
            }
            if (_selected < 0 || _selected >= settings.Environments.Count) _selected = Math.Max(0, Math.Min(settings.ActiveIndex, settings.Environments.Count - 1));

            DrawEnvironmentBar(settings);
            EditorGUILayout.Space();
            DrawEnvironment(settings, settings.Environments[_selected]);
            EditorGUILayout.Space();
            DrawDevKey(settings.Environments[_selected]);
            EditorGUILayout.Space();
            if (GUILayout.Button("Open the setup assistant (Window > Appwrite > Setup)")) AppwriteSetupWindow.Open();
        }

        private void DrawEnvironmentBar(AppwriteSettings settings)
        {
            var names = Names(settings);
            EditorGUI.BeginChangeCheck();
            var active = EditorGUILayout.Popup("Active environment", settings.ActiveIndex, names);
            if (EditorGUI.EndChangeCheck()) Change(settings, "Switch Appwrite environment", () => SettingsEditing.SetActive(settings, active));
            EditorGUILayout.LabelField("Clients in play mode and in builds use the active environment for whatever their setters do not set.", EditorStyles.wordWrappedLabel);
            _selected = EditorGUILayout.Popup("Edit environment", _selected, names);
            EditorGUILayout.BeginHorizontal();
            GUILayout.FlexibleSpace();
            if (GUILayout.Button("Add", GUILayout.Width(80))) Change(settings, "Add Appwrite environment", () => _selected = SettingsEditing.Add(settings));
            if (GUILayout.Button("Duplicate", GUILayout.Width(80))) Change(settings, "Duplicate Appwrite environment", () => _selected = SettingsEditing.Duplicate(settings, _selected));
            using (new EditorGUI.DisabledScope(settings.Environments.Count < 2))
            {
                if (GUILayout.Button("Remove", GUILayout.Width(80))) Change(settings, "Remove Appwrite environment", () => SettingsEditing.Remove(settings, _selected));
            }
            EditorGUILayout.EndHorizontal();
            if (_selected >= settings.Environments.Count) _selected = settings.Environments.Count - 1;
        }

        private void DrawEnvironment(AppwriteSettings settings, AppwriteEnvironment environment)
        {
            EditorGUILayout.LabelField(environment.Name + (settings.Active == environment ? " (active)" : ""), EditorStyles.boldLabel);
            Field(settings, "Name", environment.Name, value => environment.Name = value, SettingsValidation.Name(environment.Name) ?? DuplicateName(settings, environment));
            Field(settings, "Endpoint", environment.Endpoint, value => environment.Endpoint = value.Trim(), SettingsValidation.Endpoint(environment.Endpoint));
            Field(settings, "Project ID", environment.ProjectId, value => environment.ProjectId = value.Trim(), SettingsValidation.ProjectId(environment.ProjectId));
            Field(settings, "Locale", environment.Locale, value => environment.Locale = value.Trim(), SettingsValidation.Locale(environment.Locale));
            Field(settings, "Realtime endpoint", environment.EndpointRealtime, value => environment.EndpointRealtime = value.Trim(), SettingsValidation.EndpointRealtime(environment.EndpointRealtime, environment.Endpoint));
            if (environment.EndpointRealtime.Length == 0)
            {
                EditorGUILayout.LabelField("Empty: derived from the endpoint, " + SettingsValidation.DerivedRealtime(environment.Endpoint), EditorStyles.miniLabel);
            }
            if (SettingsValidation.ProjectIdRule.IsMatch(environment.ProjectId))
            {
                EditorGUILayout.LabelField($"OAuth2 callback scheme: {OAuth2.CallbackScheme(environment.ProjectId)}:// (registered in Android and iOS builds)", EditorStyles.miniLabel);
            }

            EditorGUILayout.BeginHorizontal();
            using (new EditorGUI.DisabledScope(_test != null))
            {
                if (GUILayout.Button(_test != null ? "Testing…" : "Test connection", GUILayout.Width(140))) StartTest(environment);
            }
            EditorGUILayout.LabelField("GET " + ConnectionTest.PingUrl(environment.Endpoint) + " with X-Appwrite-Project", EditorStyles.miniLabel);
            EditorGUILayout.EndHorizontal();
            if (_testResult != null && _testedEnvironment == environment.Name)
            {
                EditorGUILayout.HelpBox(_testResult.Summary, _testResult.Ok ? MessageType.Info : MessageType.Error);
            }
        }

        private static void DrawDevKey(AppwriteEnvironment environment)
        {
            EditorGUILayout.LabelField("Dev key (this editor only)", EditorStyles.boldLabel);
            var current = DevKeyStore.Get(environment) ?? "";
            EditorGUI.BeginChangeCheck();
            var value = EditorGUILayout.PasswordField("Dev key", current);
            if (EditorGUI.EndChangeCheck())
            {
                var problem = SettingsValidation.DevKey(value.Trim());
                if (problem == null) DevKeyStore.Set(environment, value);
                else Debug.LogWarning("Appwrite: the dev key was not saved. " + problem.Text);
            }
            EditorGUI.BeginChangeCheck();
            var include = EditorGUILayout.Toggle("Use in Development builds", DevKeyStore.IncludeInDevelopmentBuilds);
            if (EditorGUI.EndChangeCheck()) DevKeyStore.IncludeInDevelopmentBuilds = include;
            EditorGUILayout.HelpBox(
                "A dev key lifts Appwrite's rate limits while you develop (Console > Overview > Integrations > Dev keys). It is kept in this editor's preferences, never in the settings asset, " +
                "and is sent only in the Editor and in Development builds. A release build that would carry one fails. Appwrite says dev keys must never reach production.",
                MessageType.None);
        }

        private void Field(AppwriteSettings settings, string label, string value, Action<string> apply, ValidationMessage? problem)
        {
            EditorGUI.BeginChangeCheck();
            var edited = EditorGUILayout.TextField(label, value);
            if (EditorGUI.EndChangeCheck()) Change(settings, "Edit Appwrite " + label, () => apply(edited));
            if (problem != null) EditorGUILayout.HelpBox(problem.Text, problem.Severity == ValidationSeverity.Error ? MessageType.Error : MessageType.Warning);
        }

        private void StartTest(AppwriteEnvironment environment)
        {
            StopTest();
            _testedEnvironment = environment.Name;
            _testResult = ConnectionTest.Precheck(environment);
            if (_testResult != null) return;
            _test = ConnectionTest.Start(environment);
            EditorApplication.update += PollTest;
        }

        private void PollTest()
        {
            if (_test == null || !_test.Poll()) return;
            _testResult = _test.Result;
            StopTest();
            Repaint();
        }

        private void StopTest()
        {
            EditorApplication.update -= PollTest;
            _test?.Dispose();
            _test = null;
        }

        private static void Change(AppwriteSettings settings, string undoName, Action change)
        {
            Undo.RecordObject(settings, undoName);
            change();
            SettingsAssets.MarkChanged(settings);
        }

        private static ValidationMessage? DuplicateName(AppwriteSettings settings, AppwriteEnvironment environment)
        {
            foreach (var other in settings.Environments)
            {
                if (!ReferenceEquals(other, environment) && string.Equals(other.Name.Trim(), environment.Name.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    return new ValidationMessage("Name", ValidationSeverity.Error, $"Another environment is named \"{environment.Name.Trim()}\": give each a different name.");
                }
            }
            return null;
        }

        private static string[] Names(AppwriteSettings settings)
        {
            var names = new List<string>();
            for (var i = 0; i < settings.Environments.Count; i++)
            {
                var name = settings.Environments[i].Name;
                names.Add(string.IsNullOrWhiteSpace(name) ? $"Environment {i + 1}" : name);
            }
            return names.ToArray();
        }
    }
}
