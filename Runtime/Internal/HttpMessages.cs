// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;

namespace Appwrite.Internal
{
    /// <summary>Performs the core's HTTP requests. Implementations call <c>done</c> exactly once (after an abort, possibly never).</summary>
    internal interface IHttpBridge
    {
        void Send(HttpRequestData request, Action<HttpResponseData> done);

        void Abort(string id);
    }

    /// <summary>A request as the core describes it (<c>requestJson</c> of the bridge contract).</summary>
    internal sealed class HttpRequestData
    {
        public string Id = "";
        public string Method = "GET";
        public string Url = "";
        public readonly List<KeyValuePair<string, string>> Headers = new List<KeyValuePair<string, string>>();
        public string? Body;
        /// <summary>Time left until the core's deadline; 0 when not given.</summary>
        public int TimeoutMs;

        /// <exception cref="FormatException">The JSON does not describe a request.</exception>
        public static HttpRequestData Parse(string requestJson)
        {
            var map = JsonReader.Parse(requestJson) as Dictionary<string, object?> ?? throw new FormatException("requestJson is not a JSON object.");
            var request = new HttpRequestData
            {
                Id = map.GetString("id") ?? "",
                Method = map.GetString("method") ?? "GET",
                Url = map.GetString("url") ?? throw new FormatException("requestJson has no url."),
                Body = map.GetString("body"),
                TimeoutMs = (int)Math.Min(int.MaxValue, Math.Max(0, map.GetNumber("timeoutMs") ?? 0)),
            };
            if (map.GetObject("headers") is Dictionary<string, object?> headers)
            {
                foreach (var pair in headers)
                {
                    if (pair.Value is string value) request.Headers.Add(new KeyValuePair<string, string>(pair.Key, value));
                }
            }
            return request;
        }
    }

    /// <summary>What a request produced: a status with headers and body, or a failure (<c>responseJson</c>).</summary>
    internal sealed class HttpResponseData
    {
        public int Status;
        /// <summary>Header names in lower case.</summary>
        public readonly Dictionary<string, string> Headers = new Dictionary<string, string>(StringComparer.Ordinal);
        public string Body = "";
        /// <summary>Null for a response; <c>network</c>, <c>timeout</c> or <c>aborted</c> for a failure.</summary>
        public string? ErrorKind;
        public string ErrorMessage = "";

        public static HttpResponseData Failure(string kind, string message) =>
            new HttpResponseData { ErrorKind = kind, ErrorMessage = message };

        public void AddHeader(string name, string value)
        {
            var key = name.ToLowerInvariant();
            // Repeated headers fold into one comma-separated value, as fetch does.
            Headers[key] = Headers.TryGetValue(key, out var existing) ? existing + ", " + value : value;
        }

        public string ToJson()
        {
            var json = new JsonWriter(Body.Length + 256).BeginObject();
            if (ErrorKind != null)
            {
                return json.Name("error").BeginObject().Name("kind").String(ErrorKind).Name("message").String(ErrorMessage).EndObject().EndObject().ToString();
            }
            json.Name("status").Number(Status).Name("headers").BeginObject();
            foreach (var pair in Headers) json.Name(pair.Key).String(pair.Value);
            return json.EndObject().Name("body").String(Body).EndObject().ToString();
        }
    }
}
