// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using UnityEngine.Networking;

namespace Appwrite.Internal
{
    /// <summary>
    /// The core's HTTP over <see cref="UnityWebRequest"/>: Unity's TLS stack and proxies on every platform. Requests are
    /// polled from <see cref="MainLoop"/>, so <c>done</c> always runs on the main thread.
    /// </summary>
    internal sealed class UnityHttpBridge : IHttpBridge
    {
        private sealed class Active
        {
            public UnityWebRequest Request = null!;
            public UnityWebRequestAsyncOperation Operation = null!;
            public Action<HttpResponseData> Done = null!;
            public Stopwatch Clock = null!;
            public int TimeoutMs;
        }

        private readonly Dictionary<string, Active> _active = new Dictionary<string, Active>(StringComparer.Ordinal);
        private readonly List<string> _finished = new List<string>();
        private readonly Action _poll;

        public UnityHttpBridge()
        {
            _poll = Poll;
        }

        /// <summary>Requests in flight (for tests and diagnostics).</summary>
        public int ActiveCount => _active.Count;

        public void Send(HttpRequestData request, Action<HttpResponseData> done)
        {
            UnityWebRequest web;
            try
            {
                var upload = request.Body == null ? null : new UploadHandlerRaw(Encoding.UTF8.GetBytes(request.Body));
                web = new UnityWebRequest(request.Url, request.Method, new DownloadHandlerBuffer(), upload)
                {
                    disposeUploadHandlerOnDispose = true,
                    disposeDownloadHandlerOnDispose = true,
                };
                foreach (var header in request.Headers)
                {
                    if (upload != null && string.Equals(header.Key, "content-type", StringComparison.OrdinalIgnoreCase)) upload.contentType = header.Value;
                    web.SetRequestHeader(header.Key, header.Value);
                }
                // The core keeps the real deadline (retries included); this is only a safety net a little behind it.
                if (request.TimeoutMs > 0) web.timeout = request.TimeoutMs / 1000 + 2;
            }
            catch (Exception e) when (e is ArgumentException || e is InvalidOperationException)
            {
                // UnityWebRequest refuses some URLs and headers outright; report it like any other network failure.
                done(HttpResponseData.Failure("network", "UnityWebRequest refused the request: " + e.Message));
                return;
            }
            var active = new Active
            {
                Request = web,
                Done = done,
                Clock = Stopwatch.StartNew(),
                TimeoutMs = request.TimeoutMs,
            };
            active.Operation = web.SendWebRequest();
            _active[request.Id] = active;
            MainLoop.Add(_poll);
        }

        public void Abort(string id)
        {
            if (!_active.TryGetValue(id, out var active)) return;
            _active.Remove(id);
            active.Request.Abort();
            active.Request.Dispose();
            active.Done(HttpResponseData.Failure("aborted", "aborted"));
        }

        /// <summary>Completes finished requests; called every frame while any is in flight.</summary>
        public void Poll()
        {
            if (_active.Count == 0)
            {
                MainLoop.Remove(_poll);
                return;
            }
            _finished.Clear();
            foreach (var pair in _active)
            {
                if (pair.Value.Operation.isDone) _finished.Add(pair.Key);
            }
            foreach (var id in _finished)
            {
                if (!_active.TryGetValue(id, out var active)) continue;
                _active.Remove(id);
                HttpResponseData response;
                try
                {
                    response = Read(active);
                }
                finally
                {
                    active.Request.Dispose();
                }
                active.Done(response);
            }
        }

        private static HttpResponseData Read(Active active)
        {
            var web = active.Request;
            // ProtocolError is an HTTP error status: a normal response for the core, which reads Appwrite's error body.
            if (web.result == UnityWebRequest.Result.Success || web.result == UnityWebRequest.Result.ProtocolError)
            {
                var response = new HttpResponseData { Status = (int)web.responseCode, Body = web.downloadHandler?.text ?? "" };
                var headers = web.GetResponseHeaders();
                if (headers != null)
                {
                    foreach (var header in headers) response.AddHeader(header.Key, header.Value);
                }
                return response;
            }
            var timedOut = active.TimeoutMs > 0 && active.Clock.ElapsedMilliseconds >= active.TimeoutMs;
            return HttpResponseData.Failure(timedOut ? "timeout" : "network", web.error ?? web.result.ToString());
        }
    }
}
