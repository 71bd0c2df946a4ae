// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Globalization;
using Appwrite.Internal;
using NUnit.Framework;

namespace Appwrite.Tests
{
    /// <summary>ID, Query, AppwriteException, the redactor and the HTTP message shapes.</summary>
    public sealed class HelpersTests
    {
        [Test]
        public void IdUnique_IsHexWithTheTimeFirst()
        {
            var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var id = ID.Unique();
            Assert.That(id, Does.Match("^[0-9a-f]{20}$"));
            var seconds = long.Parse(id.Substring(0, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            Assert.That(seconds, Is.InRange(before - 1, before + 5));
            Assert.That(ID.Unique(padding: 0), Has.Length.EqualTo(13));
            Assert.That(ID.Unique(), Is.Not.EqualTo(ID.Unique()));
            Assert.That(ID.Custom("player-1"), Is.EqualTo("player-1"));
        }

        [Test]
        public void Query_WritesTheSameJsonAsTheOfficialSdks()
        {
            Assert.That(Query.Limit(10), Is.EqualTo("{\"method\":\"limit\",\"values\":[10]}"));
            Assert.That(Query.Offset(0), Is.EqualTo("{\"method\":\"offset\",\"values\":[0]}"));
            Assert.That(Query.Equal("provider", "github"), Is.EqualTo("{\"method\":\"equal\",\"attribute\":\"provider\",\"values\":[\"github\"]}"));
            Assert.That(Query.Equal("provider", new[] { "github", "google" }), Is.EqualTo("{\"method\":\"equal\",\"attribute\":\"provider\",\"values\":[\"github\",\"google\"]}"));
            Assert.That(Query.OrderDesc("$createdAt"), Is.EqualTo("{\"method\":\"orderDesc\",\"attribute\":\"$createdAt\"}"));
            Assert.That(Query.Between("n", 1, 2.5), Is.EqualTo("{\"method\":\"between\",\"attribute\":\"n\",\"values\":[1,2.5]}"));
            Assert.That(Query.IsNull("x"), Is.EqualTo("{\"method\":\"isNull\",\"attribute\":\"x\"}"));
            Assert.That(Query.Or(new[] { Query.Equal("a", true), Query.Limit(1) }),
                Is.EqualTo("{\"method\":\"or\",\"values\":[{\"method\":\"equal\",\"attribute\":\"a\",\"values\":[true]},{\"method\":\"limit\",\"values\":[1]}]}"));
            Assert.That(Query.CreatedAfter("2026-01-01"), Is.EqualTo("{\"method\":\"greaterThan\",\"attribute\":\"$createdAt\",\"values\":[\"2026-01-01\"]}"));
        }

        [Test]
        public void Query_VectorsAndGeometries_MatchTheCoreOutput()
        {
            // Expected strings are the TypeScript core's Query output for the same arguments (the builders are generated
            // from its queryShapes table).
            Assert.That(Query.VectorDot("v", new object[] { 1, 2 }), Is.EqualTo("{\"method\":\"vectorDot\",\"attribute\":\"v\",\"values\":[[1,2]]}"));
            Assert.That(Query.DistanceEqual("loc", new object[] { 1, 2 }, 100), Is.EqualTo("{\"method\":\"distanceEqual\",\"attribute\":\"loc\",\"values\":[[[1,2],100,true]]}"));
            Assert.That(Query.Intersects("g", new object[] { new[] { 1, 2 }, new[] { 3, 4 } }), Is.EqualTo("{\"method\":\"intersects\",\"attribute\":\"g\",\"values\":[[[1,2],[3,4]]]}"));
        }

        [Test]
        public void Query_NestingSomethingElse_NamesTheParameter()
        {
            var error = Assert.Throws<AppwriteException>(() => Query.And(new[] { "not json" }))!;
            Assert.That(error.Type, Is.EqualTo(AppwriteErrorType.ArgumentInvalid));
            Assert.That(error.Message, Does.Contain("\"queries\""));
        }

        [Test]
        public void AppwriteException_ReadsTheBridgesErrorJson()
        {
            var error = AppwriteException.FromJson("{\"name\":\"AppwriteException\",\"message\":\"Rate limit\",\"code\":429,\"type\":\"general_rate_limit_exceeded\",\"response\":\"{}\",\"rateLimit\":{\"limit\":10,\"remaining\":0,\"resetAt\":1767225600000}}");
            Assert.That(error.Message, Is.EqualTo("Rate limit"));
            Assert.That(error.Code, Is.EqualTo(429));
            Assert.That(error.Type, Is.EqualTo("general_rate_limit_exceeded"));
            Assert.That(error.Response, Is.EqualTo("{}"));
            Assert.That(error.RateLimit!.Limit, Is.EqualTo(10));
            Assert.That(error.RateLimit.ResetAt, Is.EqualTo(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
            var garbage = AppwriteException.FromJson("<html>");
            Assert.That(garbage.Type, Is.EqualTo(AppwriteErrorType.BridgeError));
            Assert.That(AppwriteException.FromJson("{\"message\":\"m\"}").RateLimit, Is.Null);
        }

        [Test]
        public void Redactor_MasksKnownSecretsJwtsAndSecretFields()
        {
            Redactor.AddSecret("my-session-secret-value");
            var text = Redactor.Redact("sent my-session-secret-value and eyJhbGciOiJIUzI1NiJ9.eyJ1c2VySWQiOiJ4In0.c2ln with {\"secret\":\"123456\",\"password\":\"hunter22\",\"name\":\"Ada\"} X-Appwrite-Dev-Key: abcdef");
            Assert.That(text, Does.Not.Contain("my-session-secret-value"));
            Assert.That(text, Does.Not.Contain("eyJhbGciOiJIUzI1NiJ9"));
            Assert.That(text, Does.Not.Contain("123456"));
            Assert.That(text, Does.Not.Contain("hunter22"));
            Assert.That(text, Does.Not.Contain("abcdef"));
            Assert.That(text, Does.Contain("\"name\":\"Ada\""));
            Redactor.AddSecret("short");
            Assert.That(Redactor.Redact("a short word"), Is.EqualTo("a short word"), "short values are not treated as secrets");
        }

        [Test]
        public void HttpRequest_ParsesTheCoresRequestJson()
        {
            var request = HttpRequestData.Parse("{\"id\":\"r7\",\"method\":\"PATCH\",\"url\":\"https://x/v1/account/prefs\",\"headers\":{\"content-type\":\"application/json\",\"X-Appwrite-Project\":\"p\"},\"body\":\"{\\\"prefs\\\":{}}\",\"timeoutMs\":1500}");
            Assert.That(request.Id, Is.EqualTo("r7"));
            Assert.That(request.Method, Is.EqualTo("PATCH"));
            Assert.That(request.Body, Is.EqualTo("{\"prefs\":{}}"));
            Assert.That(request.TimeoutMs, Is.EqualTo(1500));
            Assert.That(request.Headers, Has.Count.EqualTo(2));
            Assert.Throws<FormatException>(() => HttpRequestData.Parse("{\"id\":\"r1\"}"));
            Assert.That(HttpRequestData.Parse("{\"url\":\"u\"}").Body, Is.Null, "GET has no body");
        }

        [Test]
        public void HttpResponse_WritesTheHostsResponseJson()
        {
            var response = new HttpResponseData { Status = 201, Body = "{\"a\":\"\\\"\"}" };
            response.AddHeader("X-Fallback-Cookies", "{\"a_session_p\":\"x\"}");
            response.AddHeader("Set-Cookie", "a=1");
            response.AddHeader("set-cookie", "b=2");
            Assert.That(response.ToJson(), Is.EqualTo("{\"status\":201,\"headers\":{\"x-fallback-cookies\":\"{\\\"a_session_p\\\":\\\"x\\\"}\",\"set-cookie\":\"a=1, b=2\"},\"body\":\"{\\\"a\\\":\\\"\\\\\\\"\\\"}\"}"));
            Assert.That(HttpResponseData.Failure("timeout", "late").ToJson(), Is.EqualTo("{\"error\":{\"kind\":\"timeout\",\"message\":\"late\"}}"));
        }
    }
}
