// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Appwrite;
using Appwrite.Internal;
using NUnit.Framework;

namespace Playloom.Appwrite.Ring.Reliability
{
    /// <summary>
    /// Account flows from C# (phone, email with verification, anonymous with push targets) through the fault proxy in
    /// front of the local emulator, seeded: the C# shell, the real bundle and the .NET HTTP bridge under refused,
    /// reset, stalled, cut, garbled, duplicated and reordered responses, 5xx bursts and 429s. Reports the figures of
    /// RELIABILITY.md for the .NET ring.
    /// </summary>
    public sealed class FaultFlowTests : RingTestBase
    {
        private const int Seed = 7;
        private const int TimeoutMs = 1500;
        private const int SlackMs = 1000;
        private const int Rounds = 4;
        private static readonly HttpClient _outbox = new HttpClient();
        private EmulatorBackend? _emulator;
        private FaultProxy? _proxy;

        [OneTimeSetUp]
        public void StartServers()
        {
            if (!EmulatorBackend.Present) Assert.Fail("Tools~/emulator is missing: the ring runs from the full repository, which has it.");
            _emulator = EmulatorBackend.Start();
            _proxy = FaultProxy.Start(EmulatorBase);
        }

        [OneTimeTearDown]
        public void StopServers()
        {
            _proxy?.Dispose();
            _emulator?.Dispose();
        }

        private string EmulatorBase => _emulator!.Endpoint.Substring(0, _emulator.Endpoint.Length - "/v1".Length);

        [Test]
        public void AccountFlows_ThroughFaultProxy_SettleCleanlyKeepSessionsAndNeverSendTwice() => Run(async () =>
        {
            var proxy = _proxy!;
            var unobserved = new List<string>();
            EventHandler<UnobservedTaskExceptionEventArgs> onUnobserved = (_, e) => unobserved.Add(e.Exception.ToString());
            UnhandledExceptionEventHandler onUnhandled = (_, e) => unobserved.Add(e.ExceptionObject.ToString() ?? "unhandled");
            TaskScheduler.UnobservedTaskException += onUnobserved;
            AppDomain.CurrentDomain.UnhandledException += onUnhandled;
            var http = new TaggingHttpBridge(RingSetup.Http);
            HostDefaults.Http = http;
            var stats = new FlowStats();
            try
            {
                await proxy.SetOfflineAsync(false);
                await proxy.SetPlanAsync($"{{\"seed\":{Seed},\"rate\":0.3,\"exemptTag\":\"!clean\"}}");
                await proxy.ResetStatsAsync();
                var clock = Stopwatch.StartNew();
                for (var round = 1; round <= Rounds; round++)
                {
                    await RunFlow(stats, $"phone{round}", http, PhoneFlow);
                    await RunFlow(stats, $"email{round}", http, EmailFlow);
                    await RunFlow(stats, $"anonymous{round}", http, AnonymousFlow);
                }
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var json = await proxy.StatsAsync();
                int Figure(string name) => int.Parse(Regex.Match(json, $"\"{name}\":(\\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                var faults = Regex.Match(json, "\"faults\":(\\{[^}]*\\})").Groups[1].Value;
                TestContext.Progress.WriteLine(
                    $"[faults .NET] seed {Seed}, rate 0.3, timeout {TimeoutMs} ms + slack {SlackMs} ms: {stats.Passed}/{stats.Passed + stats.Failures.Count} flows, {stats.Calls} C# calls " +
                    $"({stats.FailedTransiently} failed transiently) in {clock.ElapsedMilliseconds} ms; {Figure("requests")} requests at the proxy, {Figure("forwarded")} forwarded; " +
                    $"faults injected {Figure("faultsTotal")} {faults}; not settled within timeout + slack: {stats.Hung.Count}; exceptions other than AppwriteException: {stats.Foreign.Count}; " +
                    $"unhandled/unobserved: {unobserved.Count}; non-idempotent requests forwarded twice: {Figure("nonIdempotentForwardedTwice")}; " +
                    $"sessions lost on a transient fault: {stats.SessionsLost.Count}; slowest call {stats.MaxMs} ms");
                Assert.That(stats.Failures, Is.Empty);
                Assert.That(stats.Hung, Is.Empty);
                Assert.That(stats.Foreign, Is.Empty);
                Assert.That(stats.SessionsLost, Is.Empty);
                Assert.That(unobserved, Is.Empty);
                Assert.That(Figure("nonIdempotentForwardedTwice"), Is.EqualTo(0), json);
                Assert.That(Figure("faultsTotal"), Is.GreaterThanOrEqualTo(15), "the run must have been hostile");
                Assert.That(stats.MaxMs, Is.LessThan(TimeoutMs + SlackMs));
            }
            finally
            {
                TaskScheduler.UnobservedTaskException -= onUnobserved;
                AppDomain.CurrentDomain.UnhandledException -= onUnhandled;
                await proxy.SetPlanAsync("{}");
            }
        }, 180000);

        private async Task RunFlow(FlowStats stats, string name, TaggingHttpBridge http, Func<Flow, Task> body)
        {
            var client = NewClient(_proxy!.Endpoint, "demo-project").SetRequestTimeout(TimeSpan.FromMilliseconds(TimeoutMs));
            var storage = new MemoryKeyValueStore();
            client.Storage = storage;
            var flow = new Flow(name, client, storage, http, stats);
            try
            {
                await body(flow);
                stats.Passed++;
            }
            catch (Exception e)
            {
                stats.Failures.Add($"{name}: {e.GetType().Name}: {e.Message}");
            }
            finally
            {
                UnityEngine.Object.DestroyImmediate(client.gameObject);
            }
        }

        private async Task PhoneFlow(Flow f)
        {
            var phone = "+1555" + (7000000 + (f.Name.GetHashCode() & 0xFFFFF)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await f.Attempt("login", async () =>
            {
                var token = await f.Call("createPhoneToken", () => f.Client.Account.CreatePhoneTokenAsync(ID.Unique(), phone));
                var code = await OutboxAsync(phone, "phone_otp");
                return await f.Call("createSession", () => f.Client.Account.CreateSessionAsync(token.UserId, code));
            });
            var user = await f.Attempt("get", () => f.Call("get", () => f.Client.Account.GetAsync()));
            Assert.That(user!.Phone, Is.EqualTo(phone));
            await f.Attempt("updateName", () => f.Call("updateName", () => f.Client.Account.UpdateNameAsync("Faulty " + f.Name)));
            await f.Attempt("updatePrefs", () => f.Call("updatePrefs", () => f.Client.Account.UpdatePrefsJsonAsync("{\"level\":7}")));
            var prefs = await f.Attempt("getPrefs", () => f.Call("getPrefs", () => f.Client.Account.GetPrefsJsonAsync()));
            Assert.That(prefs, Does.Contain("\"level\":7"));
            await f.Attempt("listSessions", () => f.Call("listSessions", () => f.Client.Account.ListSessionsAsync()));
            await f.Attempt("createJWT", () => f.Call("createJWT", () => f.Client.Account.CreateJWTAsync()));
            await f.Attempt("listLogs", () => f.Call("listLogs", () => f.Client.Account.ListLogsAsync()));
            await SignOut(f);
        }

        private async Task EmailFlow(Flow f)
        {
            var email = $"faulty.{f.Name}@example.com";
            const string password = "Fault-proof passw0rd";
            await f.Attempt("create", () => f.Call("create", () => f.Client.Account.CreateAsync(ID.Unique(), email, password)), e => e.Code == 409);
            await f.Attempt("signIn", () => f.Call("createEmailPasswordSession", () => f.Client.Account.CreateEmailPasswordSessionAsync(email, password)));
            await f.Attempt("verify", async () =>
            {
                await f.Call("createEmailVerification", () => f.Client.Account.CreateEmailVerificationAsync("https://example.com/verified"));
                var message = await OutboxMessageAsync(email, "email_verification");
                return await f.Call("updateEmailVerification", () => f.Client.Account.UpdateEmailVerificationAsync(message.UserId, message.Secret));
            }, e => e.Type == "user_email_already_verified");
            var user = await f.Attempt("get", () => f.Call("get", () => f.Client.Account.GetAsync()));
            Assert.That(user!.EmailVerification, Is.True);
            await f.Attempt("signOut", async () =>
            {
                await f.Call("deleteSessions", () => f.Client.Account.DeleteSessionsAsync());
                return true;
            }, e => e.Code == 401);
        }

        private async Task AnonymousFlow(Flow f)
        {
            await f.Attempt("anonymous", () => f.Call("createAnonymousSession", () => f.Client.Account.CreateAnonymousSessionAsync()));
            var targetId = "t" + f.Name;
            await f.Attempt("createPushTarget", () => f.Call("createPushTarget", () => f.Client.Account.CreatePushTargetAsync(targetId, "fcm-" + f.Name)), e => e.Code == 409);
            await f.Attempt("updatePushTarget", () => f.Call("updatePushTarget", () => f.Client.Account.UpdatePushTargetAsync(targetId, "fcm2-" + f.Name)));
            await f.Attempt("deletePushTarget", async () =>
            {
                await f.Call("deletePushTarget", () => f.Client.Account.DeletePushTargetAsync(targetId));
                return true;
            }, e => e.Code == 404);
            await SignOut(f);
        }

        private static async Task SignOut(Flow f)
        {
            await f.Attempt("signOut", async () =>
            {
                try
                {
                    await f.Call("deleteSession", () => f.Client.Account.DeleteSessionAsync("current"));
                }
                catch (AppwriteException e) when (e.Code == 401)
                {
                    // An earlier try ended the session but its answer was lost: restore finds that out (401) and clears it.
                    var state = await f.Call("restoreSession", () => f.Client.RestoreSessionAsync());
                    if (state == SessionState.Offline) throw new AppwriteException("restoreSession: offline", 0, "client_network_error");
                }
                return true;
            });
            Assert.That(f.HasSession(), Is.False, $"{f.Name}: signed out");
        }

        private async Task<string> OutboxAsync(string to, string type) => (await OutboxMessageAsync(to, type)).Secret;

        private async Task<(string UserId, string Secret)> OutboxMessageAsync(string to, string type)
        {
            var json = await _outbox.GetStringAsync(EmulatorBase + "/_emulator/messages").ConfigureAwait(false);
            var messages = JsonReader.TryParseObject(json)?["messages"] as List<object?> ?? new List<object?>();
            var last = messages.OfType<Dictionary<string, object?>>().LastOrDefault(m => m.GetString("to") == to && m.GetString("type") == type)
                ?? throw new InvalidOperationException($"no {type} message to {to}");
            return (last.GetString("userId") ?? "", last.GetString("secret") ?? "");
        }

        internal sealed class FlowStats
        {
            public readonly List<string> Failures = new List<string>();
            public readonly List<string> Hung = new List<string>();
            public readonly List<string> Foreign = new List<string>();
            public readonly List<string> SessionsLost = new List<string>();
            public int Passed;
            public int Calls;
            public int FailedTransiently;
            public long MaxMs;
        }

        /// <summary>One flow's calls: tagged for the proxy, timed, checked for session loss; actions retried like an app.</summary>
        internal sealed class Flow
        {
            private readonly MemoryKeyValueStore _storage;
            private readonly TaggingHttpBridge _http;
            private readonly FlowStats _stats;
            private string _prefix = "";
            private int _calls;
            private int _step;

            public Flow(string name, Client client, MemoryKeyValueStore storage, TaggingHttpBridge http, FlowStats stats)
            {
                Name = name;
                Client = client;
                _storage = storage;
                _http = http;
                _stats = stats;
            }

            public string Name { get; }

            public Client Client { get; }

            public bool HasSession() => _storage.Values.Values.Any(v => v.Contains("a_session_"));

            public async Task<T> Call<T>(string method, Func<Task<T>> call)
            {
                var tag = $"{_prefix}:{method}:{++_calls}";
                _http.Tag = tag;
                var had = HasSession();
                var clock = Stopwatch.StartNew();
                var task = call();
                var first = await Task.WhenAny(task, Task.Delay(TimeoutMs + SlackMs));
                _stats.MaxMs = Math.Max(_stats.MaxMs, clock.ElapsedMilliseconds);
                _stats.Calls++;
                if (first != task)
                {
                    _stats.Hung.Add(tag);
                    throw new TimeoutException($"{tag} did not settle within {TimeoutMs + SlackMs} ms");
                }
                try
                {
                    return await task;
                }
                catch (AppwriteException e)
                {
                    if (IsTransient(e))
                    {
                        _stats.FailedTransiently++;
                        if (had && !HasSession()) _stats.SessionsLost.Add($"{tag}: {e.Type}");
                    }
                    throw;
                }
                catch (Exception e)
                {
                    _stats.Foreign.Add($"{tag}: {e.GetType().Name}: {e.Message}");
                    throw;
                }
            }

            public Task<bool> Call(string method, Func<Task> call) => Call(method, async () =>
            {
                await call();
                return true;
            });

            public async Task<T?> Attempt<T>(string action, Func<Task<T>> body, Func<AppwriteException, bool>? accept = null)
            {
                var step = ++_step;
                for (var attempt = 1; ; attempt++)
                {
                    var clean = attempt == 4;
                    _prefix = $"{Name}.dotnet:{step}.{action}#{attempt}{(clean ? "!clean" : "")}";
                    _calls = 0;
                    try
                    {
                        return await body();
                    }
                    catch (AppwriteException e)
                    {
                        if (accept?.Invoke(e) == true) return default;
                        // A 4xx on a later try may follow from an earlier try the server did handle; on the first, a bug.
                        if (clean || (attempt == 1 && !IsTransient(e))) throw;
                    }
                }
            }

            private static bool IsTransient(AppwriteException e) =>
                e.Type == "client_network_error" || e.Type == "client_timeout" || e.Type == "client_malformed_response" || e.Type == "client_error_page" || e.Code >= 500 || e.Code == 429;
        }
    }

    /// <summary>The ring's HTTP bridge with each request labelled with the logical call, for the proxy's counters.</summary>
    internal sealed class TaggingHttpBridge : IHttpBridge
    {
        private readonly IHttpBridge _inner;

        public TaggingHttpBridge(IHttpBridge inner)
        {
            _inner = inner;
        }

        public string Tag { get; set; } = "";

        public void Send(HttpRequestData request, Action<HttpResponseData> done)
        {
            request.Headers.Add(new KeyValuePair<string, string>("x-fault-tag", Tag));
            _inner.Send(request, done);
        }

        public void Abort(string id) => _inner.Abort(id);
    }
}
