// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Appwrite.Internal;

namespace Playloom.Appwrite.Ring
{
    /// <summary>A server the ring signs in to: the local emulator when the package has one, else the loopback fake.</summary>
    internal interface IAppwriteBackend : IDisposable
    {
        string Name { get; }

        string Endpoint { get; }

        string Project { get; }

        /// <summary>The code sent to <paramref name="phone"/> (a mock number's fixed code, or the outbox's latest).</summary>
        Task<string> ReadCodeAsync(string phone);
    }

    internal sealed class FakeBackend : IAppwriteBackend
    {
        public FakeBackend()
        {
            Server = new FakeAppwrite();
        }

        public FakeAppwrite Server { get; }

        public string Name => "loopback fake";

        public string Endpoint => Server.Endpoint;

        public string Project => FakeAppwrite.Project;

        public Task<string> ReadCodeAsync(string phone)
        {
            if (phone == FakeAppwrite.MockPhone) return Task.FromResult(FakeAppwrite.MockCode);
            var sent = Server.Outbox.LastOrDefault(m => m.To == phone);
            return Task.FromResult(sent.Secret ?? throw new InvalidOperationException("no SMS to " + phone));
        }

        public void Dispose() => Server.Dispose();
    }

    /// <summary>The local emulator (Tools~/emulator) as a child process on an OS-chosen port.</summary>
    internal sealed class EmulatorBackend : IAppwriteBackend
    {
        public const string MockPhone = "+15555550100";
        public const string MockCode = "123456";
        private static readonly HttpClient _http = new HttpClient();
        private readonly Process _process;

        private EmulatorBackend(Process process, string endpoint, string? dataDir)
        {
            _process = process;
            Endpoint = endpoint;
            DataDir = dataDir;
        }

        /// <summary>Where the emulator keeps its state between restarts (<c>--data</c>), or null when in memory.</summary>
        public string? DataDir { get; }

        /// <summary>The port it listens on.</summary>
        public int Port => new Uri(Endpoint).Port;

        public static string CliPath => Path.Combine(PackagePaths.Root, "Tools~", "emulator", "cli.mjs");

        public static bool Present => File.Exists(CliPath);

        public string Name => "local emulator";

        public string Endpoint { get; }

        public string Project => "demo-project";

        private string BaseUrl => Endpoint.EndsWith("/v1", StringComparison.Ordinal) ? Endpoint.Substring(0, Endpoint.Length - 3) : Endpoint;

        /// <summary>Starts the emulator; fails loudly when it is present but does not come up.</summary>
        /// <param name="port">0 for an OS-chosen port.</param>
        /// <param name="dataDir">A folder for <c>--data</c> (state that survives <see cref="Restart"/>), or null.</param>
        public static EmulatorBackend Start(int port = 0, string? dataDir = null)
        {
            var info = new ProcessStartInfo("node")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                CreateNoWindow = true,
                WorkingDirectory = PackagePaths.Root,
            };
            info.ArgumentList.Add(CliPath);
            info.ArgumentList.Add("--port");
            info.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (dataDir != null)
            {
                info.ArgumentList.Add("--data");
                info.ArgumentList.Add(dataDir);
            }
            // Tests sign in many times a minute; the limits themselves are the emulator's own tests' business.
            info.ArgumentList.Add("--no-rate-limit");
            info.ArgumentList.Add("--quiet");
            var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the emulator");
            var output = new List<string>();
            var url = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data == null)
                {
                    url.TrySetException(new InvalidOperationException("the emulator exited: " + string.Join("\n", output)));
                    return;
                }
                lock (output) output.Add(e.Data);
                var match = Regex.Match(e.Data, @"https?://[^\s'""]+");
                if (match.Success) url.TrySetResult(match.Value.TrimEnd('/', '.', ','));
            };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data != null) lock (output) output.Add(e.Data);
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!url.Task.Wait(TimeSpan.FromSeconds(30)))
            {
                try
                {
                    process.Kill(true);
                }
                catch (InvalidOperationException)
                {
                }
                throw new TimeoutException("The emulator printed no URL within 30 s: " + string.Join("\n", output));
            }
            var endpoint = url.Task.Result;
            if (!endpoint.EndsWith("/v1", StringComparison.Ordinal)) endpoint += "/v1";
            return new EmulatorBackend(process, endpoint, dataDir);
        }

        /// <summary>
        /// Kills the emulator (every socket drops at once, as in a crash or a network cut) and starts it again on the
        /// same port with the same <c>--data</c>, so sessions survive. The emulator has no "drop sockets" switch.
        /// </summary>
        public EmulatorBackend Restart()
        {
            var port = Port;
            Dispose();
            var clock = Stopwatch.StartNew();
            for (;;)
            {
                try
                {
                    return Start(port, DataDir);
                }
                catch (Exception e) when ((e is AggregateException || e is InvalidOperationException) && clock.ElapsedMilliseconds < 5000)
                {
                    // The port may still be held for a moment after the kill.
                    Thread.Sleep(100);
                }
            }
        }

        public async Task<string> ReadCodeAsync(string phone)
        {
            if (phone == MockPhone) return MockCode;
            var json = await _http.GetStringAsync(BaseUrl + "/_emulator/messages").ConfigureAwait(false);
            var messages = JsonReader.TryParseObject(json)?["messages"] as List<object?> ?? new List<object?>();
            var last = messages.OfType<Dictionary<string, object?>>().LastOrDefault(m => m.GetString("to") == phone && m.GetString("channel") == "sms");
            return last?.GetString("secret") ?? throw new InvalidOperationException("the emulator's outbox has no SMS to " + phone);
        }

        public void Dispose()
        {
            try
            {
                _process.Kill(true);
                _process.WaitForExit(5000);
            }
            catch (InvalidOperationException)
            {
            }
            _process.Dispose();
        }
    }
}
