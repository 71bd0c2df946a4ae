// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Diagnostics;
using System.Globalization;
using Appwrite.Internal;
using UnityEngine.Networking;

namespace Appwrite.Editor
{
    /// <summary>What "Test connection" found.</summary>
    internal sealed class ConnectionTestResult
    {
        public ConnectionTestResult(bool ok, long status, double milliseconds, string summary, string errorType = "")
        {
            Ok = ok;
            Status = status;
            Milliseconds = milliseconds;
            Summary = summary;
            ErrorType = errorType;
        }

        /// <summary>The server answered <c>Pong!</c>.</summary>
        public bool Ok { get; }

        /// <summary>The HTTP status, 0 when no response arrived.</summary>
        public long Status { get; }

        public double Milliseconds { get; }

        /// <summary>One line for people: the answer and latency, or the exact error and what to check.</summary>
        public string Summary { get; }

        /// <summary>The Appwrite error type when the server sent one (e.g. <c>project_not_found</c>).</summary>
        public string ErrorType { get; }
    }

    /// <summary>
    /// "Test connection" of the Project Settings page: <c>GET {endpoint}/ping</c> with <c>X-Appwrite-Project</c>, as
    /// <c>client.PingAsync()</c> sends it, over UnityWebRequest, so it works before Puerts is installed.
    /// </summary>
    internal sealed class ConnectionTest : IDisposable
    {
        private readonly UnityWebRequest _request;
        private readonly Stopwatch _clock;

        private ConnectionTest(UnityWebRequest request)
        {
            _request = request;
            _clock = Stopwatch.StartNew();
            _request.SendWebRequest();
        }

        /// <summary>The result once <see cref="Poll"/> returned true.</summary>
        public ConnectionTestResult? Result { get; private set; }

        /// <summary>The URL the test calls.</summary>
        public static string PingUrl(string endpoint) => endpoint.Trim().TrimEnd('/') + "/ping";

        /// <summary>Starts the request, or returns a finished test when the environment cannot be tested as it is.</summary>
        public static ConnectionTest Start(AppwriteEnvironment environment, int timeoutSeconds = 10)
        {
            var request = new UnityWebRequest(PingUrl(environment.Endpoint), UnityWebRequest.kHttpVerbGET, new DownloadHandlerBuffer(), null)
            {
                timeout = timeoutSeconds,
            };
            request.SetRequestHeader("X-Appwrite-Project", environment.ProjectId);
            return new ConnectionTest(request);
        }

        /// <summary>Checks before any request; null when the environment can be tested.</summary>
        public static ConnectionTestResult? Precheck(AppwriteEnvironment environment)
        {
            var problem = SettingsValidation.Endpoint(environment.Endpoint) ?? SettingsValidation.ProjectId(environment.ProjectId);
            if (problem != null && problem.Severity == ValidationSeverity.Error) return new ConnectionTestResult(false, 0, 0, $"Not tested: {problem.Field}: {problem.Text}");
            return null;
        }

        /// <summary>Call every editor update; true once the result is in.</summary>
        public bool Poll()
        {
            if (Result != null) return true;
            if (!_request.isDone) return false;
            var networkError = _request.result == UnityWebRequest.Result.ConnectionError ? _request.error ?? "connection failed" : null;
            Result = Interpret(_request.responseCode, _request.downloadHandler?.text ?? "", networkError, _clock.Elapsed.TotalMilliseconds, _request.url);
            _request.Dispose();
            return true;
        }

        public void Dispose()
        {
            _request.Dispose();
        }

        /// <summary>Turns what came back into a result: <c>Pong!</c>, an Appwrite error, another server's answer, or a network error.</summary>
        public static ConnectionTestResult Interpret(long status, string body, string? networkError, double milliseconds, string url)
        {
            var ms = milliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
            if (networkError != null)
            {
                var hint = url.IndexOf("127.0.0.1", StringComparison.Ordinal) >= 0 || url.IndexOf("localhost", StringComparison.OrdinalIgnoreCase) >= 0
                    ? " Is the local emulator running? Start it from Window > Appwrite > Setup."
                    : " Check the endpoint, your network and any proxy or firewall.";
                return new ConnectionTestResult(false, 0, milliseconds, $"No answer from {url} after {ms}: {networkError}.{hint}", AppwriteErrorType.NetworkError);
            }
            var text = (body ?? "").Trim();
            if (status >= 200 && status < 300)
            {
                if (text == "Pong!") return new ConnectionTestResult(true, status, milliseconds, $"Pong! (HTTP {status} in {ms})");
                return new ConnectionTestResult(false, status, milliseconds,
                    $"HTTP {status} in {ms}, but not Appwrite's answer (\"{Snippet(text)}\"): the endpoint probably lacks /v1 or points at another site.");
            }
            var error = JsonReader.TryParseObject(text);
            var message = error?.GetString("message");
            if (message != null)
            {
                var type = error!.GetString("type") ?? "";
                return new ConnectionTestResult(false, status, milliseconds, $"HTTP {status} {type} in {ms}: {message}{Hint(type)}", type);
            }
            return new ConnectionTestResult(false, status, milliseconds,
                $"HTTP {status} in {ms} without an Appwrite error body (\"{Snippet(text)}\"): a proxy, gateway or another server answered. Check the endpoint.", AppwriteErrorType.ErrorPage);
        }

        private static string Hint(string type)
        {
            switch (type)
            {
                case "project_not_found": return " Check the project ID (Console > Settings).";
                case "general_route_not_found": return " Check that the endpoint ends in /v1.";
                case "general_access_forbidden": return " The project may be paused or this platform not allowed.";
                default: return "";
            }
        }

        private static string Snippet(string text)
        {
            var line = text.Replace('\r', ' ').Replace('\n', ' ');
            return line.Length > 120 ? line.Substring(0, 120) + "…" : line;
        }
    }
}
