// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.Threading;
using Appwrite.Internal;

namespace Appwrite.Tests
{
    /// <summary>
    /// An in-process HTTP host service for play-mode tests: answers from scripted routes one frame later on the main
    /// thread (as UnityWebRequest would), or holds requests until released, and records aborts. No network involved.
    /// </summary>
    internal sealed class ScriptedHttp : IHttpBridge
    {
        private readonly Dictionary<string, Func<HttpRequestData, HttpResponseData>> _routes = new Dictionary<string, Func<HttpRequestData, HttpResponseData>>();
        private readonly Dictionary<string, Action<HttpResponseData>> _held = new Dictionary<string, Action<HttpResponseData>>();

        public readonly List<HttpRequestData> Requests = new List<HttpRequestData>();
        public readonly List<string> Aborted = new List<string>();

        /// <summary>Keep requests open until <see cref="ReleaseAll"/> (for cancellation tests).</summary>
        public bool Hold { get; set; }

        public int HeldCount => _held.Count;

        /// <summary>Answers requests whose URL path ends with <paramref name="pathSuffix"/> (e.g. "/ping").</summary>
        public void On(string method, string pathSuffix, Func<HttpRequestData, HttpResponseData> answer) => _routes[method + " " + pathSuffix] = answer;

        public static HttpResponseData Json(int status, string body, params (string Name, string Value)[] headers)
        {
            var response = new HttpResponseData { Status = status, Body = body };
            response.AddHeader("Content-Type", "application/json");
            foreach (var (name, value) in headers) response.AddHeader(name, value);
            return response;
        }

        public static HttpResponseData Text(int status, string body)
        {
            var response = new HttpResponseData { Status = status, Body = body };
            response.AddHeader("Content-Type", "text/plain");
            return response;
        }

        public void Send(HttpRequestData request, Action<HttpResponseData> done)
        {
            Requests.Add(request);
            if (Hold)
            {
                _held[request.Id] = done;
                return;
            }
            var path = new Uri(request.Url).AbsolutePath;
            HttpResponseData response = Json(404, "{\"message\":\"no scripted route\",\"code\":404,\"type\":\"general_route_not_found\"}");
            foreach (var route in _routes)
            {
                if (route.Key.StartsWith(request.Method + " ", StringComparison.Ordinal) && path.EndsWith(route.Key.Substring(request.Method.Length + 1), StringComparison.Ordinal))
                {
                    response = route.Value(request);
                    break;
                }
            }
            var context = SynchronizationContext.Current;
            if (context != null) context.Post(_ => done(response), null);
            else done(response);
        }

        public void Abort(string id)
        {
            Aborted.Add(id);
            if (_held.TryGetValue(id, out var done))
            {
                _held.Remove(id);
                done(HttpResponseData.Failure("aborted", "aborted"));
            }
        }

        public string? Header(HttpRequestData request, string name)
        {
            foreach (var header in request.Headers)
            {
                if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase)) return header.Value;
            }
            return null;
        }
    }
}
