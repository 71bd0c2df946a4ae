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
    /// Window > Appwrite > Setup: the setup checks with their fixes, the local emulator (start, stop, use its endpoint,
    /// read its outbox) and, while an OAuth2 sign-in waits in the Editor, a field to hand it the callback link. It only
    /// draws; the checks are <see cref="SetupChecks"/>, the emulator <see cref="EmulatorProcess"/> and <see cref="OutboxPoller"/>.
    /// </summary>
    internal sealed class AppwriteSetupWindow : EditorWindow
    {
        // Nothing here is serialised: the outbox holds OTPs, and a pasted callback link holds a secret.
        [NonSerialized] private List<SetupCheck> _checks = new List<SetupCheck>();
        [NonSerialized] private SetupFacts? _facts;
        [NonSerialized] private EmulatorProcess? _emulator;
        [NonSerialized] private OutboxPoller? _outbox;
        [NonSerialized] private string _emulatorError = "";
        [NonSerialized] private string _callbackLink = "";
        [NonSerialized] private Vector2 _scroll;

        [MenuItem("Window/Appwrite/Setup", false, 1000)]
        public static void Open()
        {
            var window = GetWindow<AppwriteSetupWindow>("Appwrite Setup");
            window.minSize = new Vector2(420, 360);
            window.Show();
        }

        [MenuItem("Window/Appwrite/Project Settings", false, 1001)]
        public static void OpenSettings() => SettingsService.OpenProjectSettings(AppwriteSettingsProvider.SettingsPath);

        private void OnEnable()
        {
            titleContent = new GUIContent("Appwrite Setup");
            Recheck();
            EditorApplication.update += OnEditorUpdate;
            AssemblyReloadEvents.beforeAssemblyReload += StopEmulator;
            EditorApplication.quitting += StopEmulator;
        }

        private void OnDisable()
        {
            EditorApplication.update -= OnEditorUpdate;
            AssemblyReloadEvents.beforeAssemblyReload -= StopEmulator;
            EditorApplication.quitting -= StopEmulator;
            StopEmulator();
        }

        private void Recheck()
        {
            _facts = SetupFactsCollector.Collect();
            _checks = SetupChecks.Evaluate(_facts);
        }

        private void OnEditorUpdate()
        {
            var changed = false;
            if (_emulator != null)
            {
                changed |= _emulator.Poll();
                if (_outbox == null && _emulator.Endpoint != null) _outbox = new OutboxPoller(_emulator.Endpoint);
                if (_emulator.HasExited && _outbox != null)
                {
                    _outbox.Dispose();
                    _outbox = null;
                }
            }
            if (_outbox != null) changed |= _outbox.Poll(EditorApplication.timeSinceStartup);
            if (changed || OAuth2.IsWaiting) Repaint();
        }

        private void OnGUI()
        {
            _scroll = EditorGUILayout.BeginScrollView(_scroll);
            EditorGUILayout.BeginHorizontal();
            EditorGUILayout.LabelField("Appwrite for Unity: setup", EditorStyles.boldLabel);
            if (GUILayout.Button("Check again", GUILayout.Width(110))) Recheck();
            EditorGUILayout.EndHorizontal();
            foreach (var check in _checks) DrawCheck(check);
            EditorGUILayout.Space();
            DrawEmulator();
            if (OAuth2.IsWaiting) DrawOAuthCallback();
            EditorGUILayout.EndScrollView();
        }

        private void DrawCheck(SetupCheck check)
        {
            var type = check.Status == CheckStatus.Ok ? MessageType.Info : check.Status == CheckStatus.Warning ? MessageType.Warning : MessageType.Error;
            var mark = check.Status == CheckStatus.Ok ? "OK" : check.Status == CheckStatus.Warning ? "Check" : "Missing";
            EditorGUILayout.HelpBox($"{check.Title}: {mark}\n{check.Detail}", type);
            if (check.Fix == SetupFix.None) return;
            EditorGUILayout.BeginHorizontal();
            GUILayout.FlexibleSpace();
            if (GUILayout.Button(check.FixLabel, GUILayout.Width(180))) RunFix(check);
            EditorGUILayout.EndHorizontal();
        }

        private void RunFix(SetupCheck check)
        {
            switch (check.Fix)
            {
                case SetupFix.OpenUrl:
                    Application.OpenURL(check.FixArgument);
                    break;
                case SetupFix.CreateSettings:
                    SettingsAssets.Create();
                    Recheck();
                    OpenSettings();
                    break;
                case SetupFix.OpenSettings:
                    OpenSettings();
                    break;
                case SetupFix.RevealFolder:
                    if (check.FixArgument.Length > 0) EditorUtility.RevealInFinder(check.FixArgument);
                    break;
            }
        }

        private void DrawEmulator()
        {
            EditorGUILayout.LabelField("Local emulator", EditorStyles.boldLabel);
            EditorGUILayout.LabelField("The Appwrite Account API on this computer: OTPs and email links go to the outbox below instead of phones and inboxes. The mock number +15555550100 always accepts 123456.", EditorStyles.wordWrappedLabel);
            if (_emulator == null || _emulator.HasExited)
            {
                var facts = _facts;
                var ready = facts != null && facts.NodePath != null && facts.EmulatorPresent && facts.EmulatorDependenciesPresent;
                using (new EditorGUI.DisabledScope(!ready))
                {
                    if (GUILayout.Button("Start local emulator")) StartEmulator();
                }
                if (!ready) EditorGUILayout.HelpBox("See \"Local emulator\" above for what is missing.", MessageType.None);
                if (_emulator != null && _emulator.HasExited) EditorGUILayout.HelpBox("The emulator stopped:\n" + LastLines(_emulator.Output, 8), MessageType.Warning);
                if (_emulatorError.Length > 0) EditorGUILayout.HelpBox(_emulatorError, MessageType.Error);
                return;
            }
            if (_emulator.Endpoint == null)
            {
                EditorGUILayout.HelpBox("Starting…\n" + LastLines(_emulator.Output, 8), MessageType.Info);
            }
            else
            {
                EditorGUILayout.BeginHorizontal();
                EditorGUILayout.SelectableLabel("Running at " + _emulator.Endpoint + " (project demo-project)", GUILayout.Height(18));
                if (!UsesEndpoint(_facts?.Settings, _emulator.Endpoint) && GUILayout.Button("Use in \"Local emulator\"", GUILayout.Width(170))) UseEmulatorEndpoint(_emulator.Endpoint);
                EditorGUILayout.EndHorizontal();
            }
            if (GUILayout.Button("Stop emulator")) StopEmulator();
            DrawOutbox();
        }

        private void DrawOutbox()
        {
            if (_outbox == null) return;
            EditorGUILayout.LabelField("Outbox (newest first)", EditorStyles.boldLabel);
            if (_outbox.Error != null) EditorGUILayout.HelpBox("Could not read the outbox: " + _outbox.Error, MessageType.Warning);
            if (_outbox.Messages.Count == 0) EditorGUILayout.LabelField("No messages yet. Request a phone or email code from the game.", EditorStyles.miniLabel);
            foreach (var message in _outbox.Messages)
            {
                var value = message.Secret.Length > 0 ? message.Secret : message.Url;
                EditorGUILayout.BeginHorizontal();
                EditorGUILayout.SelectableLabel($"{message.CreatedAt}  {message.Type} to {message.To}: {value}", GUILayout.Height(18));
                if (GUILayout.Button("Copy", GUILayout.Width(50))) GUIUtility.systemCopyBuffer = value;
                EditorGUILayout.EndHorizontal();
            }
        }

        private void DrawOAuthCallback()
        {
            EditorGUILayout.Space();
            EditorGUILayout.LabelField("OAuth2 sign-in waiting", EditorStyles.boldLabel);
            EditorGUILayout.LabelField("In the Editor no app receives appwrite-callback-… links. Copy the link the browser could not open and deliver it here.", EditorStyles.wordWrappedLabel);
            _callbackLink = EditorGUILayout.PasswordField("Callback link", _callbackLink);
            if (GUILayout.Button("Deliver to the waiting sign-in"))
            {
                if (!OAuth2.HandleDeepLink(_callbackLink)) ShowNotification(new GUIContent("Not an OAuth2 callback link"));
                _callbackLink = "";
            }
        }

        private void StartEmulator()
        {
            StopEmulator();
            _emulatorError = "";
            var facts = _facts ?? SetupFactsCollector.Collect();
            if (facts.NodePath == null || facts.PackageRoot.Length == 0) return;
            try
            {
                _emulator = EmulatorProcess.Start(facts.NodePath, facts.PackageRoot);
            }
            catch (InvalidOperationException e)
            {
                _emulatorError = e.Message;
            }
        }

        private void StopEmulator()
        {
            _outbox?.Dispose();
            _outbox = null;
            _emulator?.Dispose();
            _emulator = null;
        }

        private void UseEmulatorEndpoint(string endpoint)
        {
            var settings = SettingsAssets.Find() ?? SettingsAssets.Create();
            Undo.RecordObject(settings, "Use local emulator");
            SettingsEditing.UseEmulator(settings, endpoint);
            SettingsAssets.MarkChanged(settings);
            AssetDatabase.SaveAssets();
            Recheck();
        }

        private static bool UsesEndpoint(AppwriteSettings? settings, string endpoint)
        {
            if (settings == null) return false;
            var index = SettingsEditing.IndexOf(settings, SettingsEditing.LocalEmulatorName);
            return index >= 0 && string.Equals(settings.Environments[index].Endpoint.TrimEnd('/'), endpoint.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
        }

        private static string LastLines(IReadOnlyList<string> lines, int count)
        {
            var start = Math.Max(0, lines.Count - count);
            var text = new System.Text.StringBuilder();
            for (var i = start; i < lines.Count; i++) text.Append(lines[i]).Append('\n');
            return text.ToString().TrimEnd();
        }
    }
}
