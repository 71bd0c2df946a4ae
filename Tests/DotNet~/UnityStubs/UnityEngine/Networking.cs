// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace UnityEngine.Networking
{
    public class DownloadHandler : IDisposable
    {
        internal byte[] Received = Array.Empty<byte>();

        public byte[] data => Received;

        public string text => Encoding.UTF8.GetString(Received);

        public bool isDone { get; internal set; }

        public virtual void Dispose()
        {
        }
    }

    public sealed class DownloadHandlerBuffer : DownloadHandler
    {
    }

    public class UploadHandler : IDisposable
    {
        internal byte[] Payload = Array.Empty<byte>();

        public byte[] data => Payload;

        public string? contentType { get; set; }

        public virtual void Dispose()
        {
        }
    }

    public sealed class UploadHandlerRaw : UploadHandler
    {
        public UploadHandlerRaw(byte[] data)
        {
            Payload = data ?? Array.Empty<byte>();
        }
    }

    public class UnityWebRequestAsyncOperation : AsyncOperation
    {
        internal UnityWebRequestAsyncOperation(UnityWebRequest request)
        {
            webRequest = request;
        }

        public UnityWebRequest webRequest { get; }

        public override bool isDone
        {
            get => webRequest.isDone;
            protected set { }
        }
    }

    /// <summary>
    /// A working model of UnityWebRequest over HttpClient: the request runs in the background and <see cref="isDone"/>
    /// flips when it completes, so code must poll it from the main loop as it would in Unity.
    /// </summary>
    public class UnityWebRequest : IDisposable
    {
        public enum Result
        {
            InProgress = 0,
            Success = 1,
            ConnectionError = 2,
            ProtocolError = 3,
            DataProcessingError = 4,
        }

        public const string kHttpVerbGET = "GET";
        public const string kHttpVerbHEAD = "HEAD";
        public const string kHttpVerbPOST = "POST";
        public const string kHttpVerbPUT = "PUT";
        public const string kHttpVerbCREATE = "CREATE";
        public const string kHttpVerbDELETE = "DELETE";

        // Headers UnityWebRequest refuses to set (a subset of Unity's list).
        private static readonly HashSet<string> _forbidden = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "content-length", "host", "connection", "transfer-encoding", "keep-alive", "te", "trailer", "upgrade", "x-unity-version",
        };

        private static readonly HttpClient _http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };

        private readonly List<KeyValuePair<string, string>> _requestHeaders = new List<KeyValuePair<string, string>>();
        private readonly CancellationTokenSource _abort = new CancellationTokenSource();
        private Dictionary<string, string>? _responseHeaders;
        private volatile bool _done;
        private bool _aborted;

        public UnityWebRequest() : this("", kHttpVerbGET)
        {
        }

        public UnityWebRequest(string url) : this(url, kHttpVerbGET)
        {
        }

        public UnityWebRequest(string url, string method) : this(url, method, null, null)
        {
        }

        public UnityWebRequest(string url, string method, DownloadHandler? downloadHandler, UploadHandler? uploadHandler)
        {
            this.url = url;
            this.method = method;
            this.downloadHandler = downloadHandler;
            this.uploadHandler = uploadHandler;
        }

        /// <summary>Requests started since the process began (for tests).</summary>
        public static int StartedCount;

        public string url { get; set; }

        public string method { get; set; }

        public DownloadHandler? downloadHandler { get; set; }

        public UploadHandler? uploadHandler { get; set; }

        public bool disposeDownloadHandlerOnDispose { get; set; } = true;

        public bool disposeUploadHandlerOnDispose { get; set; } = true;

        public int timeout { get; set; }

        public long responseCode { get; private set; }

        public Result result { get; private set; } = Result.InProgress;

        public string? error { get; private set; }

        public bool isDone => _done;

        public void SetRequestHeader(string name, string value)
        {
            if (string.IsNullOrEmpty(name)) throw new ArgumentException("Cannot set a Request Header with a null or empty name");
            if (_forbidden.Contains(name)) throw new InvalidOperationException("Cannot override system-specified headers");
            _requestHeaders.RemoveAll(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
            _requestHeaders.Add(new KeyValuePair<string, string>(name, value));
        }

        public string? GetRequestHeader(string name) =>
            _requestHeaders.Find(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

        public Dictionary<string, string>? GetResponseHeaders() => _responseHeaders;

        public string? GetResponseHeader(string name)
        {
            if (_responseHeaders == null) return null;
            foreach (var pair in _responseHeaders)
            {
                if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase)) return pair.Value;
            }
            return null;
        }

        public UnityWebRequestAsyncOperation SendWebRequest()
        {
            Interlocked.Increment(ref StartedCount);
            var operation = new UnityWebRequestAsyncOperation(this);
            _ = RunAsync();
            return operation;
        }

        public void Abort()
        {
            if (_done) return;
            _aborted = true;
            _abort.Cancel();
        }

        public void Dispose()
        {
            Abort();
            if (disposeDownloadHandlerOnDispose) downloadHandler?.Dispose();
            if (disposeUploadHandlerOnDispose) uploadHandler?.Dispose();
        }

        private async Task RunAsync()
        {
            using var deadline = timeout > 0 ? new CancellationTokenSource(TimeSpan.FromSeconds(timeout)) : new CancellationTokenSource();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(_abort.Token, deadline.Token);
            try
            {
                using var message = new HttpRequestMessage(new HttpMethod(method), url);
                if (uploadHandler != null)
                {
                    message.Content = new ByteArrayContent(uploadHandler.Payload);
                    if (uploadHandler.contentType != null) message.Content.Headers.TryAddWithoutValidation("Content-Type", uploadHandler.contentType);
                }
                foreach (var header in _requestHeaders)
                {
                    if (string.Equals(header.Key, "content-type", StringComparison.OrdinalIgnoreCase))
                    {
                        if (message.Content != null)
                        {
                            message.Content.Headers.Remove("Content-Type");
                            message.Content.Headers.TryAddWithoutValidation("Content-Type", header.Value);
                        }
                        continue;
                    }
                    message.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
                using var response = await _http.SendAsync(message, linked.Token).ConfigureAwait(false);
                var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var header in response.Headers) headers[header.Key] = string.Join(", ", header.Value);
                foreach (var header in response.Content.Headers) headers[header.Key] = string.Join(", ", header.Value);
                _responseHeaders = headers;
                responseCode = (long)response.StatusCode;
                if (downloadHandler != null)
                {
                    downloadHandler.Received = body;
                    downloadHandler.isDone = true;
                }
                if (responseCode >= 400)
                {
                    result = Result.ProtocolError;
                    error = $"HTTP/1.1 {responseCode} {response.ReasonPhrase}";
                }
                else
                {
                    result = Result.Success;
                }
            }
            catch (OperationCanceledException)
            {
                result = Result.ConnectionError;
                error = _aborted ? "Request aborted" : "Request timeout";
            }
            catch (HttpRequestException e)
            {
                result = Result.ConnectionError;
                error = e.InnerException?.Message ?? e.Message;
            }
            catch (Exception e)
            {
                result = Result.ConnectionError;
                error = e.Message;
            }
            finally
            {
                _done = true;
            }
        }
    }
}
