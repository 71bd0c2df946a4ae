// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Appwrite.Internal;

namespace Playloom.Appwrite.Ring
{
    /// <summary>
    /// The ring's HTTP host service: the same <see cref="IHttpBridge"/> contract as the UnityWebRequest bridge, over
    /// HttpClient. Completes on a pool thread; <see cref="BridgeHost"/> moves the result to the main thread.
    /// </summary>
    internal sealed class DotNetHttpBridge : IHttpBridge
    {
        private static readonly HttpClient _http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };

        private readonly ConcurrentDictionary<string, Flight> _inFlight = new ConcurrentDictionary<string, Flight>();
        private long _transportTicks;
        private long _sent;

        /// <summary>Requests started.</summary>
        public long Sent => Interlocked.Read(ref _sent);

        /// <summary>Time spent between sending a request and having its whole response, summed.</summary>
        public TimeSpan TransportTime => TimeSpan.FromTicks(Interlocked.Read(ref _transportTicks) * TimeSpan.TicksPerSecond / Stopwatch.Frequency);

        /// <summary>IDs aborted through <see cref="Abort"/>.</summary>
        public readonly ConcurrentQueue<string> Aborted = new ConcurrentQueue<string>();

        public void ResetCounters()
        {
            Interlocked.Exchange(ref _transportTicks, 0);
            Interlocked.Exchange(ref _sent, 0);
        }

        public void Send(HttpRequestData request, Action<HttpResponseData> done)
        {
            Interlocked.Increment(ref _sent);
            var flight = new Flight();
            if (request.TimeoutMs > 0) flight.Cancel.CancelAfter(request.TimeoutMs + 2000);
            _inFlight[request.Id] = flight;
            _ = RunAsync(request, flight, done);
        }

        public void Abort(string id)
        {
            if (!_inFlight.TryRemove(id, out var flight)) return;
            Aborted.Enqueue(id);
            flight.Aborted = true;
            flight.Cancel.Cancel();
        }

        private async Task RunAsync(HttpRequestData request, Flight flight, Action<HttpResponseData> done)
        {
            var started = Stopwatch.GetTimestamp();
            HttpResponseData result;
            try
            {
                using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
                if (request.Body != null) message.Content = new StringContent(request.Body);
                foreach (var header in request.Headers)
                {
                    if (string.Equals(header.Key, "content-type", StringComparison.OrdinalIgnoreCase))
                    {
                        if (message.Content == null) continue;
                        message.Content.Headers.Remove("Content-Type");
                        message.Content.Headers.TryAddWithoutValidation("Content-Type", header.Value);
                    }
                    else
                    {
                        message.Headers.TryAddWithoutValidation(header.Key, header.Value);
                    }
                }
                using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, flight.Cancel.Token).ConfigureAwait(false);
                result = new HttpResponseData { Status = (int)response.StatusCode, Body = await response.Content.ReadAsStringAsync(flight.Cancel.Token).ConfigureAwait(false) };
                foreach (var header in response.Headers) result.AddHeader(header.Key, string.Join(", ", header.Value));
                foreach (var header in response.Content.Headers) result.AddHeader(header.Key, string.Join(", ", header.Value));
            }
            catch (OperationCanceledException)
            {
                result = flight.Aborted ? HttpResponseData.Failure("aborted", "aborted") : HttpResponseData.Failure("timeout", "the host's safety timeout passed");
            }
            catch (HttpRequestException e)
            {
                result = HttpResponseData.Failure("network", e.InnerException?.Message ?? e.Message);
            }
            finally
            {
                Interlocked.Add(ref _transportTicks, Stopwatch.GetTimestamp() - started);
                _inFlight.TryRemove(request.Id, out _);
                flight.Cancel.Dispose();
            }
            done(result);
        }

        private sealed class Flight
        {
            public readonly CancellationTokenSource Cancel = new CancellationTokenSource();
            public volatile bool Aborted;
        }
    }

    /// <summary>In-memory session storage (thread-safe), with a count of reads and writes.</summary>
    internal sealed class MemoryKeyValueStore : global::Appwrite.IKeyValueStore
    {
        private readonly ConcurrentDictionary<string, string> _values = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);

        public int Reads;
        public int Writes;
        public readonly ConcurrentQueue<int> ThreadIds = new ConcurrentQueue<int>();

        public IReadOnlyDictionary<string, string> Values => _values;

        public string? Get(string key)
        {
            Interlocked.Increment(ref Reads);
            ThreadIds.Enqueue(Thread.CurrentThread.ManagedThreadId);
            return _values.TryGetValue(key, out var value) ? value : null;
        }

        public void Set(string key, string? value)
        {
            Interlocked.Increment(ref Writes);
            ThreadIds.Enqueue(Thread.CurrentThread.ManagedThreadId);
            if (string.IsNullOrEmpty(value)) _values.TryRemove(key, out _);
            else _values[key] = value!;
        }
    }

    /// <summary>Session storage in a JSON file: survives a new runtime and a new client, like PlayerPrefs across launches.</summary>
    internal sealed class FileKeyValueStore : global::Appwrite.IKeyValueStore
    {
        private readonly string _path;

        public FileKeyValueStore(string path)
        {
            _path = path;
        }

        public string? Get(string key) => Load().TryGetValue(key, out var value) ? value : null;

        public void Set(string key, string? value)
        {
            var values = Load();
            if (string.IsNullOrEmpty(value)) values.Remove(key);
            else values[key] = value!;
            var json = new JsonWriter().BeginObject();
            foreach (var pair in values) json.Name(pair.Key).String(pair.Value);
            System.IO.File.WriteAllText(_path, json.EndObject().ToString());
        }

        private Dictionary<string, string> Load()
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!System.IO.File.Exists(_path)) return values;
            if (JsonReader.Parse(System.IO.File.ReadAllText(_path)) is Dictionary<string, object?> map)
            {
                foreach (var pair in map)
                {
                    if (pair.Value is string s) values[pair.Key] = s;
                }
            }
            return values;
        }
    }
}
