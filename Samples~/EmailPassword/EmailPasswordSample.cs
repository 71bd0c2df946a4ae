// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Threading.Tasks;
using Appwrite;
using UnityEngine;

namespace Playloom.Appwrite.Samples.EmailPassword
{
    /// <summary>
    /// Draws <see cref="EmailPasswordFlow"/> with IMGUI. Works out of the box against the local emulator (<c>npm start</c>
    /// in the package folder), whose outbox holds the recovery emails.
    /// </summary>
    [AddComponentMenu("Appwrite Samples/Email and Password")]
    public sealed class EmailPasswordSample : MonoBehaviour
    {
        private static readonly string[] _modes = { "I have an account", "I'm new" };

        [Tooltip("The Appwrite endpoint. Local emulator: http://127.0.0.1:7080/v1 (from the Android emulator: http://10.0.2.2:7080/v1).")]
        [SerializeField] private string _endpoint = "http://127.0.0.1:7080/v1";

        [Tooltip("The project ID. The local emulator's default project is demo-project.")]
        [SerializeField] private string _projectId = "demo-project";

        [Tooltip("Use the active environment of Project Settings > Appwrite instead of the two fields above, when it has a project ID.")]
        [SerializeField] private bool _useProjectSettings = true;

        [Tooltip("The page the recovery email links to. On Appwrite its host must be a platform of the project.")]
        [SerializeField] private string _recoveryUrl = "http://localhost/recovery";

        [Tooltip("The address the form starts with.")]
        [SerializeField] private string _email = "player@example.com";

        private int _mode;

        /// <summary>The flow this component draws; null before <c>Start</c>.</summary>
        public EmailPasswordFlow? Flow { get; private set; }

        private void Start()
        {
            var client = gameObject.AddComponent<Client>();
            Flow = new EmailPasswordFlow(client.Account, _recoveryUrl) { Email = _email };
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
            GUILayout.Label("Appwrite email and password");
            GUI.enabled = !flow.Busy;
            switch (flow.Step)
            {
                case EmailPasswordStep.SignedOut:
                    _mode = GUILayout.Toolbar(_mode, _modes);
                    if (_mode == 1)
                    {
                        GUILayout.Label("Name (optional):");
                        flow.Name = GUILayout.TextField(flow.Name, 128);
                    }
                    GUILayout.Label("Email:");
                    flow.Email = GUILayout.TextField(flow.Email, 320);
                    GUILayout.Label("Password (at least 8 characters):");
                    flow.Password = GUILayout.PasswordField(flow.Password, '*');
                    if (_mode == 0)
                    {
                        if (GUILayout.Button("Sign in")) Run(flow.SignInAsync());
                        if (GUILayout.Button("Forgot password?")) Run(flow.SendRecoveryAsync());
                    }
                    else if (GUILayout.Button("Create account"))
                    {
                        Run(flow.SignUpAsync());
                    }
                    break;
                case EmailPasswordStep.ResetPassword:
                    GUILayout.Label($"Open the email sent to {flow.Email} and paste its link here.");
                    GUILayout.Label($"Local emulator: the email is in its outbox, {OutboxUrl()}");
                    flow.RecoveryLink = GUILayout.TextField(flow.RecoveryLink);
                    GUILayout.Label("New password:");
                    flow.NewPassword = GUILayout.PasswordField(flow.NewPassword, '*');
                    if (GUILayout.Button("Set new password")) Run(flow.ResetPasswordAsync());
                    if (GUILayout.Button("Back")) flow.CancelRecovery();
                    break;
                case EmailPasswordStep.SignedIn:
                    var user = flow.User;
                    if (user != null)
                    {
                        GUILayout.Label($"Signed in as {(user.Name.Length > 0 ? user.Name : user.Email)}");
                        GUILayout.Label($"User ID: {user.Id}");
                        GUILayout.Label($"Email: {user.Email} ({(user.EmailVerification ? "verified" : "not verified")})");
                    }
                    if (GUILayout.Button("Sign out")) Run(flow.SignOutAsync());
                    break;
            }
            GUI.enabled = true;
            if (flow.Busy) GUILayout.Label("Working...");
            if (flow.Notice.Length > 0) GUILayout.Label(flow.Notice);
            DrawError(flow.Error);
            GUILayout.EndArea();
        }

        // The emulator's outbox sits beside its API: http://host:port/_emulator/messages.
        private string OutboxUrl()
        {
            var root = _endpoint.EndsWith("/v1", StringComparison.Ordinal) ? _endpoint.Substring(0, _endpoint.Length - 3) : _endpoint;
            return root + "/_emulator/messages";
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
