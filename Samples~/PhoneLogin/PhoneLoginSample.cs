// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Globalization;
using System.Threading.Tasks;
using Appwrite;
using UnityEngine;

namespace Playloom.Appwrite.Samples.PhoneLogin
{
    /// <summary>
    /// Draws <see cref="PhoneLoginFlow"/> with IMGUI. Works out of the box against the local emulator (<c>npm start</c>
    /// in the package folder) with its mock number, which always takes the code <c>123456</c>.
    /// </summary>
    [AddComponentMenu("Appwrite Samples/Phone Login")]
    public sealed class PhoneLoginSample : MonoBehaviour
    {
        private const string EmulatorMockPhone = "+15555550100";
        private const string EmulatorMockCode = "123456";

        [Tooltip("The Appwrite endpoint. Local emulator: http://127.0.0.1:7080/v1 (from the Android emulator: http://10.0.2.2:7080/v1).")]
        [SerializeField] private string _endpoint = "http://127.0.0.1:7080/v1";

        [Tooltip("The project ID. The local emulator's default project is demo-project.")]
        [SerializeField] private string _projectId = "demo-project";

        [Tooltip("Use the active environment of Project Settings > Appwrite instead of the two fields above, when it has a project ID.")]
        [SerializeField] private bool _useProjectSettings = true;

        [Tooltip("The number the form starts with.")]
        [SerializeField] private string _phone = EmulatorMockPhone;

        /// <summary>The flow this component draws; null before <c>Start</c>.</summary>
        public PhoneLoginFlow? Flow { get; private set; }

        private void Start()
        {
            var client = gameObject.AddComponent<Client>();
            #region session-events
            // Raised on the main thread, before the awaited call returns: sign-in and sign-out calls, and the server
            // setting or clearing the session.
            client.SignedIn += e => Debug.Log($"Appwrite: signed in as {e.UserId} ({e.Provider})");
            client.SignedOut += e => Debug.Log($"Appwrite: signed out {e.UserId} ({e.Reason})");
            #endregion
            Flow = new PhoneLoginFlow(client.Account) { Phone = _phone };
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
            GUILayout.Label("Appwrite phone login");
            switch (flow.Step)
            {
                case PhoneLoginStep.EnterPhone:
                    GUILayout.Label("Phone number, with + and the country code:");
                    flow.Phone = GUILayout.TextField(flow.Phone, 16);
                    if (flow.Phone.Trim() == EmulatorMockPhone) GUILayout.Label($"Local emulator: this mock number gets no SMS; its code is {EmulatorMockCode}.");
                    GUI.enabled = flow.CanSendCode;
                    if (GUILayout.Button("Send code")) Run(flow.SendCodeAsync());
                    GUI.enabled = true;
                    DrawCooldown(flow);
                    break;
                case PhoneLoginStep.EnterCode:
                    GUILayout.Label($"Enter the code sent to {flow.Phone}:");
                    flow.Code = GUILayout.TextField(flow.Code, 6);
                    GUI.enabled = flow.CanVerifyCode;
                    if (GUILayout.Button("Sign in")) Run(flow.VerifyCodeAsync());
                    GUI.enabled = flow.CanSendCode;
                    if (GUILayout.Button("Resend code")) Run(flow.SendCodeAsync());
                    GUI.enabled = !flow.Busy;
                    if (GUILayout.Button("Change number")) flow.ChangeNumber();
                    GUI.enabled = true;
                    DrawCooldown(flow);
                    break;
                case PhoneLoginStep.SignedIn:
                    var user = flow.User;
                    GUILayout.Label("Signed in.");
                    if (user != null)
                    {
                        GUILayout.Label($"User ID: {user.Id}");
                        GUILayout.Label($"Phone: {user.Phone} ({(user.PhoneVerification ? "verified" : "not verified")})");
                        GUILayout.Label($"Registered: {user.Registration}");
                    }
                    GUI.enabled = !flow.Busy;
                    if (GUILayout.Button("Sign out")) Run(flow.SignOutAsync());
                    GUI.enabled = true;
                    break;
                case PhoneLoginStep.Offline:
                    GUILayout.Label("The server cannot be reached. A stored session is kept until it can be checked.");
                    GUI.enabled = !flow.Busy;
                    if (GUILayout.Button("Retry")) Run(flow.RestoreAsync());
                    GUI.enabled = true;
                    break;
            }
            if (flow.Busy) GUILayout.Label("Working...");
            DrawError(flow.Error);
            GUILayout.EndArea();
        }

        private static void DrawCooldown(PhoneLoginFlow flow)
        {
            var wait = flow.ResendWait;
            if (wait > TimeSpan.Zero) GUILayout.Label($"You can ask for another code in {Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s.");
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
