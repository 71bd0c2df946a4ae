// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Appwrite;
using Appwrite.Internal;
using Appwrite.Models;
using NUnit.Framework;
using UnityEngine;
using UnityStubs;

namespace Playloom.Appwrite.Ring
{
    /// <summary>
    /// Time and managed allocations per <c>Account.GetAsync</c> against a loopback server, split into transport, the
    /// C# shell's own work (argument and host JSON, model deserialisation) and the script engine with its bridge, next
    /// to a baseline measured in the same run: a raw HttpClient GET plus JsonUtility parse of the same user.
    /// Run it with <c>node Tools~/bench/dotnet.mjs</c>; it asserts nothing about timings.
    /// </summary>
    [Explicit("benchmark: run with node Tools~/bench/dotnet.mjs")]
    [Category("Benchmark")]
    public sealed class GetAsyncBenchmark
    {
        private const int Warmup = 200;
        private const int Iterations = 2000;

        private static void Report(string line) => TestContext.Progress.WriteLine("[bench] " + line);

        private static long Allocated() => GC.GetTotalAllocatedBytes(precise: true);

        [Test]
        public void GetAsync_TimeAndAllocations()
        {
            using var server = new FakeHttpServer();
            server.On("GET", "/v1/account", _ => FakeResponse.Json(200, ModelBodies.User));
            var url = server.Endpoint + "/account";
            var http = new DotNetHttpBridge();
            var previousHttp = HostDefaults.Http;
            var previousStorage = HostDefaults.Storage;
            HostDefaults.Http = http;
            HostDefaults.Storage = new MemoryKeyValueStore();
            ScriptRuntimes.Override = RingSetup.Runtime;
            try
            {
                // Baseline: what any C# client must do at least, a GET and a JsonUtility parse of the result.
                string projection = "";
                PlayerLoop.Run(async () =>
                {
                    var client = new GameObject("bench").AddComponent<Client>().SetEndpoint(server.Endpoint).SetProject("bench");
                    projection = JsonUtility.ToJson(await client.Account.GetAsync());
                    UnityEngine.Object.DestroyImmediate(client.gameObject);
                });
                var (rawTime, rawBytes) = MeasureRawHttp(url);
                var (parseTime, parseBytes) = Measure(() => JsonUtility.FromJson<User>(projection));
                var (shellTime, shellBytes) = Measure(() => ShellWork(url, projection));

                // The SDK: Client → bundle (Node, over stdio) → HttpClient bridge → loopback → back, on the main thread.
                double totalMs = 0;
                long totalBytes = 0;
                TimeSpan transport = TimeSpan.Zero;
                PlayerLoop.Run(async () =>
                {
                    var client = new GameObject("bench").AddComponent<Client>().SetEndpoint(server.Endpoint).SetProject("bench");
                    for (var i = 0; i < Warmup; i++) await client.Account.GetAsync();
                    GC.Collect();
                    http.ResetCounters();
                    var bytes = Allocated();
                    var clock = Stopwatch.StartNew();
                    for (var i = 0; i < Iterations; i++) await client.Account.GetAsync();
                    totalMs = clock.Elapsed.TotalMilliseconds / Iterations;
                    totalBytes = (Allocated() - bytes) / Iterations;
                    transport = http.TransportTime;
                    UnityEngine.Object.DestroyImmediate(client.gameObject);
                }, 600000);
                var transportMs = transport.TotalMilliseconds / Iterations;

                Report($"Account.GetAsync over loopback, {Iterations} calls after {Warmup} warm-up, .NET {Environment.Version}, {Environment.ProcessorCount} cores");
                Report(Row("GetAsync, total", totalMs, totalBytes));
                Report(Row("  transport (HttpClient bridge: send to whole body)", transportMs, rawBytes, "bytes: the raw-GET baseline"));
                Report(Row("  bridge + deserialisation (total - transport)", totalMs - transportMs, totalBytes - rawBytes));
                Report(Row("    of which C# shell work (args, host JSON, JsonUtility)", shellTime, shellBytes));
                Report(Row("    of which script engine + stdio bridge (remainder)", totalMs - transportMs - shellTime, totalBytes - rawBytes - shellBytes));
                Report(Row("baseline: raw HttpClient GET", rawTime, rawBytes));
                Report(Row("baseline: JsonUtility parse of the projected user", parseTime, parseBytes));
                Report(Row("baseline: GET + parse", rawTime + parseTime, rawBytes + parseBytes));
                Report(string.Format(CultureInfo.InvariantCulture, "ratio GetAsync / baseline: time {0:0.00}x, bytes {1:0.00}x",
                    totalMs / (rawTime + parseTime), (double)totalBytes / Math.Max(1, rawBytes + parseBytes)));
                Report("note: the ring's engine is Node in another process, so 'script engine + stdio bridge' includes two pipe hops per");
                Report("      message; under Puerts the same calls are in-process. Allocation counts include every managed thread.");
                Assert.That(totalMs, Is.GreaterThan(0));
            }
            finally
            {
                HostDefaults.Http = previousHttp;
                HostDefaults.Storage = previousStorage;
            }
        }

        private static string Row(string what, double ms, long bytes, string note = "") =>
            string.Format(CultureInfo.InvariantCulture, "{0,-60} {1,9:0.000} ms {2,9:N0} B{3}", what, ms, bytes, note.Length > 0 ? "  (" + note + ")" : "");

        private static (double Ms, long Bytes) Measure(Action action)
        {
            for (var i = 0; i < Warmup; i++) action();
            GC.Collect();
            var bytes = Allocated();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < Iterations; i++) action();
            return (clock.Elapsed.TotalMilliseconds / Iterations, (Allocated() - bytes) / Iterations);
        }

        private static (double Ms, long Bytes) MeasureRawHttp(string url)
        {
            using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false });
            async Task Get()
            {
                using var response = await client.GetAsync(url).ConfigureAwait(false);
                await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            }
            for (var i = 0; i < Warmup; i++) Get().GetAwaiter().GetResult();
            GC.Collect();
            var bytes = Allocated();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < Iterations; i++) Get().GetAwaiter().GetResult();
            return (clock.Elapsed.TotalMilliseconds / Iterations, (Allocated() - bytes) / Iterations);
        }

        // What the C# shell itself does per GetAsync, whatever the engine: write argsJson, read the core's requestJson,
        // write the responseJson, read the error-free result into the model.
        private static void ShellWork(string url, string projection)
        {
            new BridgeArgs().Build();
            var request = HttpRequestData.Parse("{\"id\":\"r1\",\"method\":\"GET\",\"url\":\"" + url + "\",\"headers\":{\"x-sdk-name\":\"Playloom Unity\",\"x-sdk-platform\":\"client\",\"x-sdk-language\":\"unity\",\"x-sdk-version\":\"0.1.0\",\"X-Appwrite-Response-Format\":\"1.9.5\",\"X-Appwrite-Project\":\"bench\",\"accept\":\"application/json\"},\"timeoutMs\":15000}");
            var response = new HttpResponseData { Status = 200, Body = ModelBodies.User };
            response.AddHeader("Content-Type", "application/json");
            response.AddHeader("Content-Length", "1234");
            GC.KeepAlive(request);
            GC.KeepAlive(response.ToJson());
            GC.KeepAlive(JsonUtility.FromJson<User>(projection));
        }
    }
}
