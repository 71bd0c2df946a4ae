// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Globalization;
using System.Threading.Tasks;
using Appwrite;
using UnityEngine;

namespace Playloom.Appwrite.Samples.AnonymousUpgrade
{
    /// <summary>
    /// Draws <see cref="AnonymousUpgradeFlow"/> with IMGUI. Works out of the box against the local emulator
    /// (<c>npm start</c> in the package folder).
    /// </summary>
    [AddComponentMenu("Appwrite Samples/Anonymous Upgrade")]
    public sealed class AnonymousUpgradeSample : MonoBehaviour
    {
        [Tooltip("The Appwrite endpoint. Local emulator: http://127.0.0.1:7080/v1 (from the Android emulator: http://10.0.2.2:7080/v1).")]
        [SerializeField] private string _endpoint = "http://127.0.0.1:7080/v1";

        [Tooltip("The project ID. The local emulator's default project is demo-project.")]
        [SerializeField] private string _projectId = "demo-project";

        [Tooltip("Use the active environment of Project Settings > Appwrite instead of the two fields above, when it has a project ID.")]
        [SerializeField] private bool _useProjectSettings = true;

        /// <summary>The flow this component draws; null before <c>Start</c>.</summary>
        public AnonymousUpgradeFlow? Flow { get; private set; }

        private void Start()
        {
            var client = gameObject.AddComponent<Client>();
            Flow = new AnonymousUpgradeFlow(client.Account);
            // Project Settings > Appwrite, when it names a project, supplies endpoint and project by itself.
            var environment = _useProjectSettings ? AppwriteSettings.Load()?.Active : null;
            if (environment == null || environment.ProjectId.Length == 0) client.SetEndpoint(_endpoint).SetProject(_projectId);
            Run(Flow.RestoreAsync());
        }

        private void OnGUI()
        {
            var flow = Flow;
            if (flow == null) return;
            var scale = Screen.dpi > 160f ? Screen.dpi / 160f : 1f;
            GUIUtility.ScaleAroundPivot(new Vector2(scale, scale), Vector2.zero);
            GUILayout.BeginArea(new Rect(16f, 16f, Math.Min(420f, Screen.width / scale - 32f), Screen.height / scale - 32f));
            GUILayout.Label("Appwrite: play as a guest, register later");
            GUI.enabled = !flow.Busy;
            var user = flow.User;
            switch (flow.Step)
            {
                case AnonymousUpgradeStep.SignedOut:
                    if (GUILayout.Button("Play as guest")) Run(flow.PlayAsGuestAsync());
                    GUILayout.Label("Or sign in to an account you upgraded before:");
                    DrawCredentials(flow);
                    if (GUILayout.Button("Sign in")) Run(flow.SignInAsync());
                    break;
                case AnonymousUpgradeStep.Guest:
                    GUILayout.Label($"Playing as guest {user?.Id}");
                    DrawProgress(flow);
                    GUILayout.Label("Keep this account: add an email and a password.");
                    DrawCredentials(flow);
                    if (GUILayout.Button("Keep my progress")) Run(flow.UpgradeWithEmailAsync());
                    GUILayout.Label("Signing out now loses this guest account for good.");
                    if (GUILayout.Button("Sign out")) Run(flow.SignOutAsync());
                    break;
                case AnonymousUpgradeStep.Registered:
                    GUILayout.Label($"Registered as {user?.Email} (same user ID: {user?.Id})");
                    DrawProgress(flow);
                    GUILayout.Label(user != null && user.Phone.Length > 0 ? $"Phone: {user.Phone}" : "Add a phone number (optional, confirmed with the password):");
                    flow.Phone = GUILayout.TextField(flow.Phone, 16);
                    if (GUILayout.Button("Add phone")) Run(flow.AddPhoneAsync());
                    if (GUILayout.Button("Sign out")) Run(flow.SignOutAsync());
                    break;
            }
            GUI.enabled = true;
            if (flow.Busy) GUILayout.Label("Working...");
            DrawError(flow.Error);
            GUILayout.EndArea();
        }

        private static void DrawCredentials(AnonymousUpgradeFlow flow)
        {
            GUILayout.Label("Email:");
            flow.Email = GUILayout.TextField(flow.Email, 320);
            GUILayout.Label("Password (at least 8 characters):");
            flow.Password = GUILayout.PasswordField(flow.Password, '*');
        }

        private static void DrawProgress(AnonymousUpgradeFlow flow)
        {
            GUILayout.Label($"Points: {flow.Progress.points.ToString(CultureInfo.InvariantCulture)}");
            if (GUILayout.Button("Earn a point")) Run(flow.EarnPointAsync());
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
