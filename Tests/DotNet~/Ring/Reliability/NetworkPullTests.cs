// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Appwrite;
using Appwrite.Internal;
using NUnit.Framework;

namespace Playloom.Appwrite.Ring.Reliability
{
    /// <summary>
    /// Pulling the network in the middle of a login, from C#: the local emulator behind the fault proxy
    /// (Tools~/faults/proxy.mjs), the real bundle, the .NET HTTP bridge. The call must end in a clean
    /// <see cref="AppwriteException"/> and the stored session must stay exactly as it was, and work again once the
    /// network is back.
    /// </summary>
    public sealed class NetworkPullTests : RingTestBase
    {
        private EmulatorBackend? _emulator;
        private FaultProxy? _proxy;

        [OneTimeSetUp]
        public void StartServers()
        {
            if (!EmulatorBackend.Present) Assert.Fail("Tools~/emulator is missing: the ring runs from the full repository, which has it.");
            _emulator = EmulatorBackend.Start();
            _proxy = FaultProxy.Start(_emulator.Endpoint.Substring(0, _emulator.Endpoint.Length - "/v1".Length));
        }

        [OneTimeTearDown]
        public void StopServers()
        {
            _proxy?.Dispose();
            _emulator?.Dispose();
        }

        [Test]
        public void CreateSession_NetworkPulledMidLogin_ThrowsNetworkErrorAndKeepsStoredSession() => Run(async () =>
        {
            var proxy = _proxy!;
            await proxy.SetOfflineAsync(false);
            var client = NewClient(proxy.Endpoint, "demo-project");
            var first = await client.Account.CreatePhoneTokenAsync(ID.Unique(), EmulatorBackend.MockPhone);
            await client.Account.CreateSessionAsync(first.UserId, EmulatorBackend.MockCode);
            var before = Snapshot();
            Assert.That(before.Values.Any(v => v.Contains("a_session_")), Is.True, "the first login stored a session");

            // Log in again; the session request goes out, then the network goes while it is on the way.
            await proxy.SetPlanAsync("{\"rules\":[{\"path\":\"^/v1/account/sessions/token$\",\"fault\":\"blackhole\",\"times\":1}]}");
            var second = await client.Account.CreatePhoneTokenAsync(ID.Unique(), EmulatorBackend.MockPhone);
            var pending = client.Account.CreateSessionAsync(second.UserId, EmulatorBackend.MockCode);
            await proxy.WaitForPendingAsync();
            await proxy.SetOfflineAsync(true);

            var error = await Throws(pending);
            Assert.That(error.Code, Is.EqualTo(0), "no HTTP response was involved");
            Assert.That(error.Type, Is.EqualTo("client_network_error"));
            Assert.That(error.Message, Does.Contain("createSession"));
            Assert.That(error.Message, Does.Not.Contain(EmulatorBackend.MockCode));
            Assert.That(Snapshot(), Is.EqualTo(before), "the stored session is untouched");

            // Still offline: calls fail cleanly and the session stays.
            var offline = await Throws(client.Account.GetAsync());
            Assert.That(offline.Type, Is.EqualTo("client_network_error"));
            Assert.That(Snapshot(), Is.EqualTo(before));

            // Network back: the kept session signs the player in again.
            await proxy.SetOfflineAsync(false);
            var user = await client.Account.GetAsync();
            Assert.That(user.Id, Is.EqualTo(first.UserId));
            Assert.That(Snapshot(), Is.EqualTo(before));
        });

        [Test]
        public void CreatePhoneToken_NetworkPulledOnAFreshDevice_ThrowsNetworkErrorAndStoresNothing() => Run(async () =>
        {
            var proxy = _proxy!;
            await proxy.SetOfflineAsync(false);
            var client = NewClient(proxy.Endpoint, "demo-project");
            await proxy.SetPlanAsync("{\"rules\":[{\"path\":\"^/v1/account/tokens/phone$\",\"fault\":\"blackhole\",\"times\":1}]}");
            var pending = client.Account.CreatePhoneTokenAsync(ID.Unique(), EmulatorBackend.MockPhone);
            await proxy.WaitForPendingAsync();
            await proxy.SetOfflineAsync(true);
            var error = await Throws(pending);
            Assert.That(error.Type, Is.EqualTo("client_network_error"));
            Assert.That(Snapshot().Values.Any(v => v.Contains("a_session_")), Is.False);

            await proxy.SetOfflineAsync(false);
            var token = await client.Account.CreatePhoneTokenAsync(ID.Unique(), EmulatorBackend.MockPhone);
            var session = await client.Account.CreateSessionAsync(token.UserId, EmulatorBackend.MockCode);
            Assert.That(session.UserId, Is.EqualTo(token.UserId), "the login completes once the network is back");
        });

        private Dictionary<string, string> Snapshot() => Storage.Values.ToDictionary(kv => kv.Key, kv => kv.Value);
    }

    /// <summary>The fault proxy (Tools~/faults/proxy.mjs) as a child process, driven over its control endpoints.</summary>
    internal sealed class FaultProxy : IDisposable
    {
        private static readonly HttpClient _http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        private readonly Process _process;

        private FaultProxy(Process process, string url)
        {
            _process = process;
            Url = url;
        }

        public string Url { get; }

        public string Endpoint => Url + "/v1";

        public static FaultProxy Start(string upstream)
        {
            var info = new ProcessStartInfo("node")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                CreateNoWindow = true,
                WorkingDirectory = PackagePaths.Root,
            };
            info.ArgumentList.Add(Path.Combine(PackagePaths.Root, "Tools~", "faults", "proxy.mjs"));
            info.ArgumentList.Add("--upstream");
            info.ArgumentList.Add(upstream);
            var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the fault proxy");
            var line = process.StandardOutput.ReadLineAsync();
            if (!line.Wait(TimeSpan.FromSeconds(20)) || line.Result == null)
            {
                process.Kill(true);
                throw new TimeoutException("the fault proxy printed no URL: " + process.StandardError.ReadToEnd());
            }
            var match = Regex.Match(line.Result, "\"url\":\"(http://127\\.0\\.0\\.1:\\d+)\"");
            if (!match.Success) throw new InvalidOperationException("unexpected fault proxy output: " + line.Result);
            return new FaultProxy(process, match.Groups[1].Value);
        }

        public Task SetPlanAsync(string planJson) => PostAsync("/_faults/plan", planJson);

        public Task SetOfflineAsync(bool offline) => PostAsync("/_faults/offline?mode=" + (offline ? "reset" : "off"), "");

        public Task ResetStatsAsync() => PostAsync("/_faults/reset-stats", "");

        /// <summary>The proxy's counters as JSON (requests, forwarded, faultsTotal, faults, nonIdempotentForwardedTwice…).</summary>
        public Task<string> StatsAsync() => _http.GetStringAsync(Url + "/_faults/stats");

        /// <summary>Waits until a request is held at the proxy (sent by the SDK, not answered).</summary>
        public async Task WaitForPendingAsync()
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < deadline)
            {
                var stats = await _http.GetStringAsync(Url + "/_faults/stats").ConfigureAwait(false);
                if (!Regex.IsMatch(stats, "\"pending\":0[,}]")) return;
                await Task.Delay(10).ConfigureAwait(false);
            }
            throw new TimeoutException("no request reached the fault proxy");
        }

        private async Task PostAsync(string path, string body)
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync(Url + path, content).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
        }

        public void Dispose()
        {
            try
            {
                _process.StandardInput.Close();
                if (!_process.WaitForExit(5000)) _process.Kill(true);
            }
            catch (InvalidOperationException)
            {
            }
            _process.Dispose();
        }
    }
}
