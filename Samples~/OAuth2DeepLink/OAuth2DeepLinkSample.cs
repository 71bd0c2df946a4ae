// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Threading.Tasks;
using Appwrite;
using Appwrite.Enums;
using UnityEngine;

namespace Playloom.Appwrite.Samples.OAuth2DeepLink
{
    /// <summary>
    /// Draws <see cref="OAuth2Flow"/> with IMGUI. On Android and iOS the provider's page opens in the browser and a deep
    /// link brings the player back. In the Editor, where no deep link comes back, the local emulator's test user signs
    /// in without a browser (<see cref="EmulatorTestUser"/>), so the sample works out of the box with <c>npm start</c>.
    /// </summary>
    [AddComponentMenu("Appwrite Samples/OAuth2 Deep Link")]
    public sealed class OAuth2DeepLinkSample : MonoBehaviour
    {
        private static readonly OAuthProvider[] _providers = { OAuthProvider.Github, OAuthProvider.Google, OAuthProvider.Apple, OAuthProvider.Discord };
        private static readonly string[] _providerNames = { "GitHub", "Google", "Apple", "Discord" };

        [Tooltip("The Appwrite endpoint. Local emulator: http://127.0.0.1:7080/v1 (from the Android emulator: http://10.0.2.2:7080/v1).")]
        [SerializeField] private string _endpoint = "http://127.0.0.1:7080/v1";

        [Tooltip("The project ID. The local emulator's default project is demo-project. The callback scheme is appwrite-callback-<project ID>.")]
        [SerializeField] private string _projectId = "demo-project";

        [Tooltip("Use the active environment of Project Settings > Appwrite instead of the two fields above, when it has a project ID.")]
        [SerializeField] private bool _useProjectSettings = true;

        [Tooltip("In the Editor, let the local emulator's test user sign in without a browser (no deep link can come back to the Editor).")]
        [SerializeField] private bool _emulatorTestUserInEditor = true;

        private int _provider;
        private Action<string>? _openUrl;

        /// <summary>The flow this component draws; null before <c>Start</c>.</summary>
        public OAuth2Flow? Flow { get; private set; }

        private void Start()
        {
            var client = gameObject.AddComponent<Client>();
            Flow = new OAuth2Flow(client.Account) { Provider = _providers[_provider] };
            // Project Settings > Appwrite, when it names a project, supplies endpoint and project by itself.
            var environment = _useProjectSettings ? AppwriteSettings.Load()?.Active : null;
            if (environment == null || environment.ProjectId.Length == 0) client.SetEndpoint(_endpoint).SetProject(_projectId);
            if (_emulatorTestUserInEditor && Application.isEditor)
            {
                #region editor-open-url
                // The SDK opens sign-in pages through OAuth2.OpenUrl when it is set; deep links go to OAuth2.HandleDeepLink.
                _openUrl = OpenWithEmulatorTestUser;
                OAuth2.OpenUrl = _openUrl;
                #endregion
            }
            Run(Flow.RestoreAsync());
        }

        private void OnDestroy()
        {
            if (_openUrl != null && OAuth2.OpenUrl == _openUrl) OAuth2.OpenUrl = null;
        }

        private void OnGUI()
        {
            var flow = Flow;
            if (flow == null) return;
            var scale = Screen.dpi > 160f ? Screen.dpi / 160f : 1f;
            GUIUtility.ScaleAroundPivot(new Vector2(scale, scale), Vector2.zero);
            GUILayout.BeginArea(new Rect(16f, 16f, Math.Min(420f, Screen.width / scale - 32f), Screen.height / scale - 32f));
            GUILayout.Label("Appwrite OAuth2 sign-in");
            switch (flow.Step)
            {
                case OAuth2Step.SignedOut:
                    GUI.enabled = !flow.Busy;
                    _provider = GUILayout.Toolbar(_provider, _providerNames);
                    flow.Provider = _providers[_provider];
                    if (GUILayout.Button("Sign in")) Run(flow.SignInAsync());
                    GUI.enabled = true;
                    if (_openUrl != null) GUILayout.Label("Editor: the local emulator's test user signs in without a browser.");
                    break;
                case OAuth2Step.Waiting:
                    GUILayout.Label($"Sign in with {_providerNames[_provider]} in the browser, then come back to the game.");
                    if (GUILayout.Button("Cancel")) flow.Cancel();
                    break;
                case OAuth2Step.SignedIn:
                    var user = flow.User;
                    if (user != null)
                    {
                        GUILayout.Label($"Signed in as {user.Name}");
                        GUILayout.Label($"Email: {user.Email}");
                        GUILayout.Label($"User ID: {user.Id}");
                    }
                    if (flow.Session != null) GUILayout.Label($"Provider: {flow.Session.Provider}");
                    GUI.enabled = !flow.Busy;
                    if (GUILayout.Button("Sign out")) Run(flow.SignOutAsync());
                    GUI.enabled = true;
                    break;
            }
            if (flow.Busy && flow.Step != OAuth2Step.Waiting) GUILayout.Label("Working...");
            if (flow.Notice.Length > 0) GUILayout.Label(flow.Notice);
            DrawError(flow.Error);
            GUILayout.EndArea();
        }

        // OAuth2.OpenUrl in the Editor: the emulator's test user, else (a real provider) the browser.
        private async void OpenWithEmulatorTestUser(string url)
        {
            string? link = null;
            try
            {
                link = await EmulatorTestUser.FollowAsync(url);
            }
            catch (Exception e)
            {
                Debug.LogWarning($"The emulator's test user could not sign in ({e.Message}); opening the browser instead.");
            }
            if (link != null) OAuth2.HandleDeepLink(link);
            else Application.OpenURL(url);
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
