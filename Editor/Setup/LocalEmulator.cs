// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using Appwrite.Internal;

namespace Appwrite.Editor
{
    /// <summary>One message of the emulator's outbox (an OTP or an email link). Shown in the setup window, never logged.</summary>
    internal sealed class OutboxMessage
    {
        public string Channel { get; set; } = "";

        public string To { get; set; } = "";

        public string Type { get; set; } = "";

        public string UserId { get; set; } = "";

        /// <summary>The code (e.g. the 6-digit OTP), or "" for links.</summary>
        public string Secret { get; set; } = "";

        /// <summary>The link of magic URL, recovery and verification messages, or "".</summary>
        public string Url { get; set; } = "";

        public string CreatedAt { get; set; } = "";

        public string Project { get; set; } = "";

        /// <summary>Without the secret or link, for logs.</summary>
        public override string ToString() => $"{Channel} {Type} to {To}";
    }

    /// <summary>
    /// Running the package's emulator (<c>Tools~/emulator/cli.mjs</c>) from the setup assistant: finding Node.js,
    /// the command line, and reading the banner (its endpoint) and the outbox (<c>GET /_emulator/messages</c>).
    /// </summary>
    internal static class LocalEmulator
    {
        public const string CliRelativePath = "Tools~/emulator/cli.mjs";

        private static readonly Regex _endpointLine = new Regex(@"^\s*Endpoint\s+(https?://\S+)", RegexOptions.CultureInvariant);
        private static readonly Regex _anyUrl = new Regex(@"https?://[^\s'""]+", RegexOptions.CultureInvariant);

        /// <summary>
        /// Where <c>node</c> is: each PATH entry, then the usual install folders (a Unity started from the Dock or Hub on
        /// macOS does not see the shell's PATH). Null when not found.
        /// </summary>
        public static string? FindNode(string? pathVariable, bool windows, string? home, Func<string, bool> fileExists)
        {
            var names = windows ? new[] { "node.exe" } : new[] { "node" };
            var dirs = new List<string>();
            foreach (var dir in (pathVariable ?? "").Split(windows ? ';' : ':'))
            {
                var trimmed = dir.Trim().Trim('"');
                if (trimmed.Length > 0) dirs.Add(trimmed);
            }
            if (windows)
            {
                dirs.Add(@"C:\Program Files\nodejs");
                if (!string.IsNullOrEmpty(home)) dirs.Add(Path.Combine(home, "AppData", "Roaming", "nvm", "current"));
            }
            else
            {
                dirs.Add("/opt/homebrew/bin");
                dirs.Add("/usr/local/bin");
                dirs.Add("/usr/bin");
                if (!string.IsNullOrEmpty(home))
                {
                    dirs.Add(Path.Combine(home, ".volta", "bin"));
                    dirs.Add(Path.Combine(home, ".local", "bin"));
                }
            }
            foreach (var dir in dirs)
            {
                foreach (var name in names)
                {
                    var candidate = Path.Combine(dir, name);
                    if (fileExists(candidate)) return candidate;
                }
            }
            return null;
        }

        /// <summary><see cref="FindNode(string, bool, string, Func{string, bool})"/> on this machine.</summary>
        public static string? FindNode() => FindNode(
            Environment.GetEnvironmentVariable("PATH"),
            Path.DirectorySeparatorChar == '\\',
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
            File.Exists);

        /// <summary>
        /// The command: <c>node Tools~/emulator/cli.mjs [--port N] --quiet</c> in the package folder. Without a port the
        /// emulator takes 7080, the "Local emulator" environment's default, or a free one when 7080 is taken; 0 always
        /// picks a free one. <c>--quiet</c> keeps OTPs off stdout: the window reads them from the outbox.
        /// </summary>
        public static ProcessStartInfo Command(string node, string packageRoot, int? port = null) => new ProcessStartInfo(node)
        {
            Arguments = Quote(CliRelativePath) + (port == null ? "" : " --port " + port.Value.ToString(CultureInfo.InvariantCulture)) + " --quiet",
            WorkingDirectory = packageRoot,
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        /// <summary>The API endpoint from a banner line (<c>  Endpoint     http://127.0.0.1:PORT/v1</c>), else null.</summary>
        public static string? ParseEndpoint(string? line)
        {
            if (line == null) return null;
            var match = _endpointLine.Match(line);
            if (!match.Success) return null;
            var url = match.Groups[1].Value.TrimEnd('/', '.', ',');
            return url.EndsWith("/v1", StringComparison.Ordinal) ? url : url + "/v1";
        }

        /// <summary>The first URL in a line, for banners without an Endpoint line; null when none.</summary>
        public static string? FirstUrl(string? line)
        {
            var match = _anyUrl.Match(line ?? "");
            return match.Success ? match.Value.TrimEnd('/', '.', ',') : null;
        }

        /// <summary><c>{base}/_emulator/messages</c> for an endpoint <c>{base}/v1</c>.</summary>
        public static string OutboxUrl(string endpoint)
        {
            var trimmed = endpoint.TrimEnd('/');
            if (trimmed.EndsWith("/v1", StringComparison.Ordinal)) trimmed = trimmed.Substring(0, trimmed.Length - 3);
            return trimmed + "/_emulator/messages";
        }

        /// <summary>Reads <c>{"messages":[…]}</c>, newest first; an unreadable body gives an empty list.</summary>
        public static List<OutboxMessage> ParseOutbox(string? json)
        {
            var messages = new List<OutboxMessage>();
            if (!(JsonReader.TryParseObject(json)?["messages"] is List<object?> list)) return messages;
            foreach (var item in list)
            {
                if (!(item is Dictionary<string, object?> m)) continue;
                messages.Add(new OutboxMessage
                {
                    Channel = m.GetString("channel") ?? "",
                    To = m.GetString("to") ?? "",
                    Type = m.GetString("type") ?? "",
                    UserId = m.GetString("userId") ?? "",
                    Secret = m.GetString("secret") ?? "",
                    Url = m.GetString("url") ?? "",
                    CreatedAt = m.GetString("createdAt") ?? "",
                    Project = m.GetString("project") ?? "",
                });
            }
            messages.Reverse();
            return messages;
        }

        private static string Quote(string argument) => "\"" + argument.Replace("\"", "\\\"") + "\"";
    }

    /// <summary>
    /// The emulator as a child process of the editor: started with <see cref="LocalEmulator.Command"/>, its output read on
    /// background threads and handed to the main thread by <see cref="Poll"/>. Dispose stops it.
    /// </summary>
    internal sealed class EmulatorProcess : IDisposable
    {
        private readonly Process _process;
        private readonly Queue<string> _incoming = new Queue<string>();
        private readonly List<string> _output = new List<string>();
        private bool _exited;

        private EmulatorProcess(Process process)
        {
            _process = process;
        }

        /// <summary>The API endpoint from the banner, once printed.</summary>
        public string? Endpoint { get; private set; }

        /// <summary>Whether the process has ended (by itself or through Dispose).</summary>
        public bool HasExited => _exited;

        /// <summary>The last lines it printed (banner, errors), for the window.</summary>
        public IReadOnlyList<string> Output => _output;

        /// <exception cref="InvalidOperationException">Node could not be started.</exception>
        public static EmulatorProcess Start(string node, string packageRoot, int? port = null)
        {
            var info = LocalEmulator.Command(node, packageRoot, port);
            Process process;
            try
            {
                process = Process.Start(info) ?? throw new InvalidOperationException("Process.Start returned no process.");
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception || e is IOException)
            {
                throw new InvalidOperationException($"Could not run {node}: {e.Message}", e);
            }
            var emulator = new EmulatorProcess(process);
            process.OutputDataReceived += (_, e) => emulator.Receive(e.Data);
            process.ErrorDataReceived += (_, e) => emulator.Receive(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return emulator;
        }

        /// <summary>Call from the main thread (editor update): takes in new output; returns whether anything changed.</summary>
        public bool Poll()
        {
            var changed = false;
            lock (_incoming)
            {
                while (_incoming.Count > 0)
                {
                    var line = _incoming.Dequeue();
                    _output.Add(line);
                    if (_output.Count > 200) _output.RemoveAt(0);
                    Endpoint ??= LocalEmulator.ParseEndpoint(line);
                    changed = true;
                }
            }
            if (!_exited && HasProcessExited())
            {
                _exited = true;
                changed = true;
            }
            return changed;
        }

        public void Dispose()
        {
            _exited = true;
            try
            {
                if (!_process.HasExited) _process.Kill();
                _process.WaitForExit(3000);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Exiting as we tried to stop it.
            }
            _process.Dispose();
        }

        private bool HasProcessExited()
        {
            try
            {
                return _process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }

        private void Receive(string? line)
        {
            if (line == null) return;
            lock (_incoming) _incoming.Enqueue(line);
        }
    }
}
