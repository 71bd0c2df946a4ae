// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Globalization;
using System.Threading.Tasks;
using Appwrite;
using UnityEngine;

namespace Playloom.Appwrite.Samples.AccountPanel
{
    /// <summary>
    /// Draws <see cref="AccountPanelFlow"/> with IMGUI. Uses the session another sample left (all samples share the
    /// stored session of the same endpoint and project), or signs in with the local emulator's mock number.
    /// </summary>
    [AddComponentMenu("Appwrite Samples/Account Panel")]
    public sealed class AccountPanelSample : MonoBehaviour
    {
        [Tooltip("The Appwrite endpoint. Local emulator: http://127.0.0.1:7080/v1 (from the Android emulator: http://10.0.2.2:7080/v1).")]
        [SerializeField] private string _endpoint = "http://127.0.0.1:7080/v1";

        [Tooltip("The project ID. The local emulator's default project is demo-project.")]
        [SerializeField] private string _projectId = "demo-project";

        [Tooltip("Use the active environment of Project Settings > Appwrite instead of the two fields above, when it has a project ID.")]
        [SerializeField] private bool _useProjectSettings = true;

        [Tooltip("A mock phone number (fixed code, no SMS) for the quick sign-in. The local emulator has +15555550100.")]
        [SerializeField] private string _mockPhone = "+15555550100";

        [Tooltip("The mock number's code. The local emulator's is 123456.")]
        [SerializeField] private string _mockCode = "123456";

        private Vector2 _scroll;

        /// <summary>The flow this component draws; null before <c>Start</c>.</summary>
        public AccountPanelFlow? Flow { get; private set; }

        private void Start()
        {
            var client = gameObject.AddComponent<Client>();
            Flow = new AccountPanelFlow(client.Account);
            // Project Settings > Appwrite, when it names a project, supplies endpoint and project by itself.
            var environment = _useProjectSettings ? AppwriteSettings.Load()?.Active : null;
            if (environment == null || environment.ProjectId.Length == 0) client.SetEndpoint(_endpoint).SetProject(_projectId);
            Run(Flow.RefreshAsync());
        }

        private void OnGUI()
        {
            var flow = Flow;
            if (flow == null) return;
            var scale = Screen.dpi > 160f ? Screen.dpi / 160f : 1f;
            GUIUtility.ScaleAroundPivot(new Vector2(scale, scale), Vector2.zero);
            GUILayout.BeginArea(new Rect(16f, 16f, Math.Min(520f, Screen.width / scale - 32f), Screen.height / scale - 32f));
            _scroll = GUILayout.BeginScrollView(_scroll);
            GUILayout.Label("Appwrite account panel");
            GUI.enabled = !flow.Busy;
            var user = flow.User;
            if (user == null)
            {
                GUILayout.Label($"Not signed in. Sign in with another sample, or with the mock number {_mockPhone}:");
                if (GUILayout.Button("Sign in with the mock number")) Run(flow.SignInWithMockPhoneAsync(_mockPhone, _mockCode));
            }
            else
            {
                GUILayout.Label($"User {user.Id} {user.Phone} {user.Email}");
                GUILayout.Label(flow.LastEvent.Length > 0 ? $"Live: {flow.LastEvent}" : "Live: waiting for account events");
                if (GUILayout.Button("Refresh")) Run(flow.RefreshAsync());
                DrawSessions(flow);
                DrawPreferences(flow);
                DrawAuthenticator(flow);
                GUILayout.Space(8f);
                if (GUILayout.Button("Sign out")) Run(flow.SignOutAsync());
            }
            GUI.enabled = true;
            if (flow.Busy) GUILayout.Label("Working...");
            if (flow.Notice.Length > 0) GUILayout.Label(flow.Notice);
            DrawError(flow.Error);
            GUILayout.EndScrollView();
            GUILayout.EndArea();
        }

        private static void DrawSessions(AccountPanelFlow flow)
        {
            GUILayout.Space(8f);
            GUILayout.Label($"Sessions ({flow.Sessions.Count.ToString(CultureInfo.InvariantCulture)})");
            foreach (var session in flow.Sessions)
            {
                GUILayout.BeginHorizontal();
                GUILayout.Label($"{session.ClientName} on {session.OsName}, {session.Provider}, since {session.CreatedAt}{(session.Current ? " (this device)" : "")}");
                if (GUILayout.Button(session.Current ? "Sign out here" : "End session", GUILayout.Width(110f))) Run(flow.DeleteSessionAsync(session.Id));
                GUILayout.EndHorizontal();
            }
        }

        private static void DrawPreferences(AccountPanelFlow flow)
        {
            var preferences = flow.Preferences;
            GUILayout.Space(8f);
            GUILayout.Label("Preferences (saved to the account)");
            GUILayout.Label("Theme:");
            preferences.theme = GUILayout.TextField(preferences.theme, 32);
            GUILayout.Label($"Music volume: {Math.Round(preferences.musicVolume * 100).ToString(CultureInfo.InvariantCulture)} %");
            preferences.musicVolume = GUILayout.HorizontalSlider(preferences.musicVolume, 0f, 1f);
            preferences.subtitles = GUILayout.Toggle(preferences.subtitles, "Subtitles");
            if (GUILayout.Button("Save preferences")) Run(flow.SavePreferencesAsync());
        }

        private static void DrawAuthenticator(AccountPanelFlow flow)
        {
            GUILayout.Space(8f);
            GUILayout.Label("Authenticator app (MFA)");
            var pending = flow.PendingAuthenticator;
            if (flow.AuthenticatorEnabled)
            {
                GUILayout.Label("An authenticator app is set up. To remove it, enter the code it shows:");
                flow.AuthenticatorCode = GUILayout.TextField(flow.AuthenticatorCode, 6);
                if (GUILayout.Button("Remove authenticator")) Run(flow.RemoveAuthenticatorAsync());
            }
            else if (pending != null)
            {
                GUILayout.Label("Add this account to the app: open the URI on the phone (or show it as a QR code), or type the secret.");
                GUILayout.TextField(pending.Uri);
                if (GUILayout.Button("Copy URI")) GUIUtility.systemCopyBuffer = pending.Uri;
                GUILayout.Label("Secret:");
                GUILayout.TextField(pending.Secret);
                GUILayout.Label("The 6-digit code the app shows:");
                flow.AuthenticatorCode = GUILayout.TextField(flow.AuthenticatorCode, 6);
                if (GUILayout.Button("Verify code")) Run(flow.VerifyAuthenticatorAsync());
                if (GUILayout.Button("Cancel setup")) flow.CancelAuthenticatorSetup();
            }
            else if (GUILayout.Button("Set up an authenticator app"))
            {
                Run(flow.AddAuthenticatorAsync());
            }
        }

        private static void DrawError(AppwriteException? error)
        {
            if (error == null) return;
            GUILayout.Label($"Error: {error.Message}");
            GUILayout.Label($"(type {error.Type}, code {error.Code})");
            if (error.Type == AppwriteErrorType.NetworkError) GUILayout.Label("Is the server running? For the local emulator, run npm start in the package folder.");
        }

        // Runs a flow action started from OnGUI. A cancelled call (the component is being destroyed) is not an error.
        private static async void Run(Task action)
        {
            try
            {
                await action;
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
