// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Playloom.Appwrite.Ring
{
    /// <summary>A request as the fake server received it.</summary>
    internal sealed class ReceivedRequest
    {
        public string Method = "";
        public string Path = "";
        public string Query = "";
        public readonly Dictionary<string, string> Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        public string Body = "";

        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
    }

    /// <summary>What the fake server answers.</summary>
    internal sealed class FakeResponse
    {
        public int Status = 200;
        public string ContentType = "application/json";
        public string Body = "";
        public readonly List<KeyValuePair<string, string>> Headers = new List<KeyValuePair<string, string>>();
        /// <summary>Close the connection without answering (a network failure).</summary>
        public bool Drop = false;
        /// <summary>Wait this long before answering.</summary>
        public TimeSpan Delay = TimeSpan.Zero;

        public static FakeResponse Json(int status, string body) => new FakeResponse { Status = status, Body = body };

        public static FakeResponse Text(int status, string body, string contentType = "text/plain; charset=utf-8") =>
            new FakeResponse { Status = status, Body = body, ContentType = contentType };

        public static FakeResponse NoContent() => new FakeResponse { Status = 204, ContentType = "" };

        public static FakeResponse Error(int status, string type, string message) =>
            Json(status, "{\"message\":" + global::Appwrite.Internal.JsonWriter.Quote(message) + $",\"code\":{status},\"type\":\"{type}\",\"version\":\"1.9.6\"}}");

        public FakeResponse WithHeader(string name, string value)
        {
            Headers.Add(new KeyValuePair<string, string>(name, value));
            return this;
        }
    }

    /// <summary>
    /// A minimal HTTP/1.1 server on a loopback port chosen by the OS (keep-alive, Content-Length bodies). Routes are
    /// tried newest first; unmatched requests get 404 in Appwrite's error shape.
    /// </summary>
    internal class FakeHttpServer : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly List<(string Method, string Path, Func<ReceivedRequest, FakeResponse> Handler)> _routes = new List<(string, string, Func<ReceivedRequest, FakeResponse>)>();

        public FakeHttpServer()
        {
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _ = AcceptLoop();
        }

        public int Port { get; }

        public string BaseUrl => $"http://127.0.0.1:{Port}";

        public string Endpoint => BaseUrl + "/v1";

        public readonly ConcurrentQueue<ReceivedRequest> Requests = new ConcurrentQueue<ReceivedRequest>();

        /// <summary>Answers <paramref name="method"/> <paramref name="path"/> (path under the host, e.g. /v1/account).</summary>
        public void On(string method, string path, Func<ReceivedRequest, FakeResponse> handler)
        {
            lock (_routes) _routes.Insert(0, (method, path, handler));
        }

        protected virtual FakeResponse Fallback(ReceivedRequest request) =>
            FakeResponse.Error(404, "general_route_not_found", "The requested route was not found.");

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
        }

        private async Task AcceptLoop()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
                }
                catch (Exception)
                {
                    return;
                }
                _ = Serve(client);
            }
        }

        private async Task Serve(TcpClient client)
        {
            using (client)
            {
                client.NoDelay = true;
                var stream = client.GetStream();
                var buffer = new MemoryStream();
                var chunk = new byte[16 * 1024];
                try
                {
                    while (!_stop.IsCancellationRequested)
                    {
                        var request = await ReadRequest(stream, buffer, chunk).ConfigureAwait(false);
                        if (request == null) return;
                        Requests.Enqueue(request);
                        FakeResponse response;
                        try
                        {
                            response = Route(request);
                        }
                        catch (Exception e)
                        {
                            response = FakeResponse.Error(500, "general_unknown", "fake server: " + e.Message);
                        }
                        if (response.Delay > TimeSpan.Zero) await Task.Delay(response.Delay, _stop.Token).ConfigureAwait(false);
                        if (response.Drop) return;
                        var bytes = Serialize(response);
                        await stream.WriteAsync(bytes, 0, bytes.Length, _stop.Token).ConfigureAwait(false);
                    }
                }
                catch (Exception)
                {
                    // Client went away, or the server stopped.
                }
            }
        }

        private FakeResponse Route(ReceivedRequest request)
        {
            Func<ReceivedRequest, FakeResponse>? handler = null;
            lock (_routes)
            {
                foreach (var route in _routes)
                {
                    if (route.Method == request.Method && route.Path == request.Path)
                    {
                        handler = route.Handler;
                        break;
                    }
                }
            }
            // A handler may return null to let the default answer through (e.g. a fault switched off).
            return handler?.Invoke(request) ?? Fallback(request);
        }

        private static async Task<ReceivedRequest?> ReadRequest(NetworkStream stream, MemoryStream buffer, byte[] chunk)
        {
            int headerEnd;
            while ((headerEnd = IndexOfHeaderEnd(buffer)) < 0)
            {
                var read = await stream.ReadAsync(chunk, 0, chunk.Length).ConfigureAwait(false);
                if (read == 0) return null;
                buffer.Write(chunk, 0, read);
            }
            var data = buffer.ToArray();
            var head = Encoding.ASCII.GetString(data, 0, headerEnd);
            var lines = head.Split("\r\n");
            var start = lines[0].Split(' ');
            var request = new ReceivedRequest { Method = start[0] };
            var target = start.Length > 1 ? start[1] : "/";
            var q = target.IndexOf('?');
            request.Path = q < 0 ? target : target.Substring(0, q);
            request.Query = q < 0 ? "" : target.Substring(q + 1);
            for (var i = 1; i < lines.Length; i++)
            {
                var colon = lines[i].IndexOf(':');
                if (colon > 0) request.Headers[lines[i].Substring(0, colon).Trim()] = lines[i].Substring(colon + 1).Trim();
            }
            var length = int.TryParse(request.Header("Content-Length"), out var n) ? n : 0;
            var bodyStart = headerEnd + 4;
            while (data.Length - bodyStart < length)
            {
                var read = await stream.ReadAsync(chunk, 0, chunk.Length).ConfigureAwait(false);
                if (read == 0) return null;
                buffer.Write(chunk, 0, read);
                data = buffer.ToArray();
            }
            request.Body = Encoding.UTF8.GetString(data, bodyStart, length);
            // Keep what follows (a pipelined next request).
            var rest = data.Length - bodyStart - length;
            buffer.SetLength(0);
            if (rest > 0) buffer.Write(data, bodyStart + length, rest);
            return request;
        }

        private static int IndexOfHeaderEnd(MemoryStream buffer)
        {
            var data = buffer.GetBuffer();
            var length = (int)buffer.Length;
            for (var i = 0; i + 3 < length; i++)
            {
                if (data[i] == '\r' && data[i + 1] == '\n' && data[i + 2] == '\r' && data[i + 3] == '\n') return i;
            }
            return -1;
        }

        private static byte[] Serialize(FakeResponse response)
        {
            var body = Encoding.UTF8.GetBytes(response.Body);
            var head = new StringBuilder();
            head.Append("HTTP/1.1 ").Append(response.Status).Append(' ').Append(Reason(response.Status)).Append("\r\n");
            if (response.ContentType.Length > 0) head.Append("Content-Type: ").Append(response.ContentType).Append("\r\n");
            head.Append("Content-Length: ").Append(body.Length).Append("\r\n");
            foreach (var header in response.Headers) head.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
            head.Append("\r\n");
            var headBytes = Encoding.UTF8.GetBytes(head.ToString());
            var all = new byte[headBytes.Length + body.Length];
            headBytes.CopyTo(all, 0);
            body.CopyTo(all, headBytes.Length);
            return all;
        }

        private static string Reason(int status) => status switch
        {
            200 => "OK",
            201 => "Created",
            204 => "No Content",
            400 => "Bad Request",
            401 => "Unauthorized",
            404 => "Not Found",
            409 => "Conflict",
            429 => "Too Many Requests",
            500 => "Internal Server Error",
            502 => "Bad Gateway",
            503 => "Service Unavailable",
            _ => "Status",
        };
    }
}
