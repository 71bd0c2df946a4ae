// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Appwrite.Internal;

namespace Appwrite.Editor
{
    /// <summary>How bad a settings problem is: errors stop clients (and the setup check), warnings are advice.</summary>
    internal enum ValidationSeverity
    {
        Info,
        Warning,
        Error,
    }

    /// <summary>One finding about a setting: which field, how bad, and what to do.</summary>
    internal sealed class ValidationMessage
    {
        public ValidationMessage(string field, ValidationSeverity severity, string text)
        {
            Field = field;
            Severity = severity;
            Text = text;
        }

        /// <summary>The field, e.g. <c>Endpoint</c>; for settings-wide findings, <c>Environments</c>.</summary>
        public string Field { get; }

        public ValidationSeverity Severity { get; }

        /// <summary>What is wrong and how to fix it, for people.</summary>
        public string Text { get; }

        public override string ToString() => $"{Severity} {Field}: {Text}";
    }

    /// <summary>
    /// The rules of the Project Settings page, the same the core applies when a client starts (endpoint and realtime
    /// URL shapes) plus the server's own rule for project IDs, and advice that only an editor can give (plain HTTP to a
    /// remote host, a project ID that cannot be a URL scheme for OAuth2 deep links).
    /// </summary>
    internal static class SettingsValidation
    {
        /// <summary>The server's Key rule for project IDs, as the core checks it (generated: CoreRules).</summary>
        public static Regex ProjectIdRule => CoreRules.Key;
        private static readonly Regex _locale = new Regex(@"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$", RegexOptions.CultureInvariant);

        /// <summary>Findings for one environment; empty when it is fine.</summary>
        public static List<ValidationMessage> Environment(AppwriteEnvironment environment)
        {
            var messages = new List<ValidationMessage>();
            Add(messages, Name(environment.Name));
            Add(messages, Endpoint(environment.Endpoint));
            Add(messages, ProjectId(environment.ProjectId));
            Add(messages, Locale(environment.Locale));
            Add(messages, EndpointRealtime(environment.EndpointRealtime, environment.Endpoint));
            return messages;
        }

        /// <summary>Findings for the whole asset: each environment (prefixed with its name), then names and the active index.</summary>
        public static List<ValidationMessage> Settings(AppwriteSettings settings)
        {
            var messages = new List<ValidationMessage>();
            var environments = settings.Environments;
            if (environments.Count == 0)
            {
                messages.Add(new ValidationMessage("Environments", ValidationSeverity.Error, "There is no environment: add one (for example \"Local emulator\" or \"Production\") in Project Settings > Appwrite."));
                return messages;
            }
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var environment in environments)
            {
                foreach (var message in Environment(environment))
                {
                    messages.Add(new ValidationMessage($"{Label(environment)} > {message.Field}", message.Severity, message.Text));
                }
                var name = (environment.Name ?? "").Trim();
                if (name.Length > 0 && !seen.Add(name))
                {
                    messages.Add(new ValidationMessage($"{Label(environment)} > Name", ValidationSeverity.Error, $"Two environments are named \"{name}\": give each a different name, so the active one is clear."));
                }
            }
            if (settings.Active == null)
            {
                messages.Add(new ValidationMessage("Active environment", ValidationSeverity.Error, $"The active environment index {settings.ActiveIndex} is out of range (0 to {environments.Count - 1}): pick the active environment again."));
            }
            return messages;
        }

        /// <summary>Whether any finding is an error.</summary>
        public static bool HasErrors(IEnumerable<ValidationMessage> messages)
        {
            foreach (var message in messages)
            {
                if (message.Severity == ValidationSeverity.Error) return true;
            }
            return false;
        }

        public static ValidationMessage? Name(string? name) =>
            string.IsNullOrWhiteSpace(name) ? Error("Name", "Give the environment a name, e.g. \"Local emulator\" or \"Production\".") : null;

        public static ValidationMessage? Endpoint(string? endpoint)
        {
            const string field = "Endpoint";
            var value = endpoint ?? "";
            if (value.Trim().Length == 0) return Error(field, "The endpoint is required: your server's API URL, e.g. https://<REGION>.cloud.appwrite.io/v1 (Console > Settings), or http://127.0.0.1:7080/v1 for the local emulator.");
            if (value != value.Trim()) return Error(field, "The endpoint has spaces at the start or end: remove them.");
            if (!CoreRules.HttpEndpoint.IsMatch(value) || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            {
                return Error(field, $"\"{value}\" is not an http:// or https:// URL with a host: use e.g. https://<REGION>.cloud.appwrite.io/v1.");
            }
            if (uri.Query.Length > 0 || uri.Fragment.Length > 0) return Error(field, "The endpoint must not have a query (?…) or fragment (#…): use the API base URL, e.g. https://<REGION>.cloud.appwrite.io/v1.");
            if (!uri.AbsolutePath.TrimEnd('/').EndsWith("/v1", StringComparison.Ordinal))
            {
                return Warning(field, "Appwrite endpoints end in /v1 (e.g. https://<REGION>.cloud.appwrite.io/v1); without it every call reaches the wrong path.");
            }
            if (uri.Scheme == "http" && !IsLocal(uri.Host))
            {
                return Warning(field, "Plain http:// to a remote host sends sessions unencrypted, and Android and iOS block it by default: use https://.");
            }
            return null;
        }

        public static ValidationMessage? ProjectId(string? projectId)
        {
            const string field = "Project ID";
            var value = projectId ?? "";
            if (value.Length == 0) return Error(field, "The project ID is required: copy it from the Appwrite Console (Settings > Project ID); the local emulator's is demo-project.");
            if (!ProjectIdRule.IsMatch(value))
            {
                return Error(field, $"\"{value}\" is not a project ID: up to 36 characters from a-z, A-Z, 0-9, '.', '-' and '_', not starting with '.', '-' or '_'. Copy it again from Console > Settings.");
            }
            if (value.IndexOf('_') >= 0)
            {
                return Warning(field, $"URL schemes cannot contain '_', so OAuth2 deep links to {OAuth2.CallbackScheme(value)}:// may not reach the game. Phone, email and anonymous sign-in are not affected.");
            }
            return null;
        }

        public static ValidationMessage? Locale(string? locale)
        {
            var value = locale ?? "";
            if (value.Length == 0 || _locale.IsMatch(value)) return null;
            return Error("Locale", $"\"{value}\" is not a locale code: use a language code such as en, fr or pt-BR, or leave it empty for the server's default.");
        }

        public static ValidationMessage? EndpointRealtime(string? endpointRealtime, string? endpoint)
        {
            const string field = "Realtime endpoint";
            var value = endpointRealtime ?? "";
            if (value.Length == 0) return null;
            if (!CoreRules.RealtimeEndpoint.IsMatch(value) || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            {
                return Error(field, $"\"{value}\" is not a ws:// or wss:// URL: use e.g. wss://<REGION>.cloud.appwrite.io/v1, or leave it empty to derive it from the endpoint ({DerivedRealtime(endpoint)}).");
            }
            if (uri.Scheme == "ws" && (endpoint ?? "").StartsWith("https:", StringComparison.OrdinalIgnoreCase))
            {
                return Warning(field, "The endpoint is https:// but the realtime endpoint is plain ws://: use wss://.");
            }
            return null;
        }

        /// <summary>What the core derives when the realtime endpoint is empty (<c>http</c> → <c>ws</c>).</summary>
        public static string DerivedRealtime(string? endpoint)
        {
            var value = (endpoint ?? "").Trim().TrimEnd('/');
            return CoreRules.HttpEndpoint.IsMatch(value) ? "ws" + value.Substring(4) : "";
        }

        /// <summary>A dev key as pasted: null when acceptable (or empty), else what is wrong.</summary>
        public static ValidationMessage? DevKey(string? devKey)
        {
            var value = devKey ?? "";
            foreach (var c in value)
            {
                if (c <= ' ' || c > '~')
                {
                    return Error("Dev key", "The dev key contains spaces, line breaks or other characters a header cannot carry: copy it again from the Appwrite Console.");
                }
            }
            return null;
        }

        /// <summary>Hosts for which plain http is expected: this computer, the Android emulator's view of it, private LANs.</summary>
        public static bool IsLocal(string host)
        {
            var h = host.ToLowerInvariant();
            if (h == "localhost" || h.EndsWith(".localhost", StringComparison.Ordinal) || h == "[::1]" || h == "::1" || h.EndsWith(".local", StringComparison.Ordinal)) return true;
            var parts = h.Split('.');
            if (parts.Length != 4) return false;
            var bytes = new int[4];
            for (var i = 0; i < 4; i++)
            {
                if (!int.TryParse(parts[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out bytes[i]) || bytes[i] > 255) return false;
            }
            return bytes[0] == 127 || bytes[0] == 10 || (bytes[0] == 192 && bytes[1] == 168) || (bytes[0] == 172 && bytes[1] >= 16 && bytes[1] <= 31);
        }

        private static string Label(AppwriteEnvironment environment) =>
            string.IsNullOrWhiteSpace(environment.Name) ? "(unnamed environment)" : environment.Name.Trim();

        private static void Add(List<ValidationMessage> messages, ValidationMessage? message)
        {
            if (message != null) messages.Add(message);
        }

        private static ValidationMessage Error(string field, string text) => new ValidationMessage(field, ValidationSeverity.Error, text);

        private static ValidationMessage Warning(string field, string text) => new ValidationMessage(field, ValidationSeverity.Warning, text);
    }
}
