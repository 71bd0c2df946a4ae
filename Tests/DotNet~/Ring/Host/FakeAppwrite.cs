// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Appwrite.Internal;

namespace Playloom.Appwrite.Ring
{
    /// <summary>
    /// The loopback fake of the Appwrite Account API used when the local emulator is not available: phone tokens,
    /// sessions over <c>X-Fallback-Cookies</c>, get, prefs, sign-out and ping, with the 1.9.6 wire shapes. Mock number
    /// +15555550100 uses code 123456; other numbers get a random code readable from <see cref="Outbox"/>.
    /// </summary>
    internal sealed class FakeAppwrite : FakeHttpServer
    {
        public const string Project = "demo-project";
        public const string MockPhone = "+15555550100";
        public const string MockCode = "123456";

        private readonly object _lock = new object();
        private readonly Dictionary<string, FakeUser> _usersByPhone = new Dictionary<string, FakeUser>(StringComparer.Ordinal);
        private readonly Dictionary<string, FakeUser> _usersById = new Dictionary<string, FakeUser>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _pendingCodes = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly Dictionary<string, (string UserId, string SessionId)> _sessions = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        private readonly Random _random = new Random(1234);
        private int _ids;

        /// <summary>SMS sent: (to, userId, code).</summary>
        public readonly ConcurrentQueue<(string To, string UserId, string Secret)> Outbox = new ConcurrentQueue<(string, string, string)>();

        public FakeAppwrite()
        {
            On("GET", "/v1/ping", _ => FakeResponse.Text(200, "Pong!"));
        }

        private sealed class FakeUser
        {
            public string Id = "";
            public string Phone = "";
            public string CreatedAt = "";
            public string Prefs = "{}";
        }

        protected override FakeResponse Fallback(ReceivedRequest request)
        {
            if (request.Header("X-Appwrite-Project") != Project)
            {
                return FakeResponse.Error(404, "project_not_found", "Project with the requested ID could not be found.");
            }
            var body = JsonReader.TryParseObject(request.Body) ?? new Dictionary<string, object?>();
            lock (_lock)
            {
                switch (request.Method + " " + request.Path)
                {
                    case "POST /v1/account/tokens/phone": return PhoneToken(body);
                    case "POST /v1/account/sessions/token": return CreateSession(body);
                    case "GET /v1/account": return WithUser(request, user => FakeResponse.Json(200, UserJson(user)));
                    case "GET /v1/account/prefs": return WithUser(request, user => FakeResponse.Json(200, user.Prefs));
                    case "PATCH /v1/account/prefs":
                        return WithUser(request, user =>
                        {
                            var prefs = body.GetObject("prefs");
                            if (prefs == null) return FakeResponse.Error(400, "general_argument_invalid", "Invalid `prefs` param: Value must be a valid object.");
                            user.Prefs = new JsonWriter().Value(prefs).ToString();
                            return FakeResponse.Json(200, UserJson(user));
                        });
                    case "GET /v1/account/sessions/current":
                        return WithSession(request, (user, sessionId) => FakeResponse.Json(200, SessionJson(user, sessionId)));
                    case "DELETE /v1/account/sessions/current":
                        return WithSession(request, (user, sessionId) =>
                        {
                            _sessions.Remove(SecretOf(request) ?? "");
                            return FakeResponse.NoContent().WithHeader("X-Fallback-Cookies", "[]");
                        });
                }
            }
            return base.Fallback(request);
        }

        private FakeResponse PhoneToken(Dictionary<string, object?> body)
        {
            var phone = body.GetString("phone") ?? "";
            var userId = body.GetString("userId") ?? "";
            if (!_usersByPhone.TryGetValue(phone, out var user))
            {
                user = new FakeUser { Id = userId == "unique()" ? NewId() : userId, Phone = phone, CreatedAt = Now() };
                if (_usersById.ContainsKey(user.Id)) return FakeResponse.Error(409, "user_already_exists", "A user with the same id, email, or phone already exists in this project.");
                _usersByPhone[phone] = user;
                _usersById[user.Id] = user;
            }
            var code = phone == MockPhone ? MockCode : _random.Next(0, 1000000).ToString("D6", CultureInfo.InvariantCulture);
            _pendingCodes[user.Id] = code;
            if (phone != MockPhone) Outbox.Enqueue((phone, user.Id, code));
            return FakeResponse.Json(201, $"{{\"$id\":\"{NewId()}\",\"$createdAt\":\"{Now()}\",\"userId\":\"{user.Id}\",\"secret\":\"\",\"expire\":\"{Now(15)}\",\"phrase\":\"\"}}");
        }

        private FakeResponse CreateSession(Dictionary<string, object?> body)
        {
            var userId = body.GetString("userId") ?? "";
            var secret = body.GetString("secret") ?? "";
            if (!_usersById.TryGetValue(userId, out var user) || !_pendingCodes.TryGetValue(userId, out var code) || code != secret)
            {
                return FakeResponse.Error(401, "user_invalid_token", "Invalid token passed in the request.");
            }
            _pendingCodes.Remove(userId);
            var sessionId = NewId();
            var sessionSecret = "s" + NewId() + NewId();
            _sessions[sessionSecret] = (user.Id, sessionId);
            var cookie = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"id\":\"{user.Id}\",\"secret\":\"{sessionSecret}\"}}"));
            return FakeResponse.Json(201, SessionJson(user, sessionId))
                .WithHeader("X-Fallback-Cookies", $"{{\"a_session_{Project}\":\"{cookie}\"}}");
        }

        private FakeResponse WithUser(ReceivedRequest request, Func<FakeUser, FakeResponse> answer) =>
            WithSession(request, (user, _) => answer(user));

        private FakeResponse WithSession(ReceivedRequest request, Func<FakeUser, string, FakeResponse> answer)
        {
            var secret = SecretOf(request);
            if (secret == null || !_sessions.TryGetValue(secret, out var session) || !_usersById.TryGetValue(session.UserId, out var user))
            {
                return FakeResponse.Error(401, "general_unauthorized_scope", "User (role: guests) missing scopes ([\"account\"])");
            }
            return answer(user, session.SessionId);
        }

        // The session secret from X-Appwrite-Session or the a_session_<project> cookie in X-Fallback-Cookies.
        private static string? SecretOf(ReceivedRequest request)
        {
            var cookie = request.Header("X-Appwrite-Session");
            if (cookie == null && JsonReader.TryParseObject(request.Header("X-Fallback-Cookies")) is Dictionary<string, object?> cookies)
            {
                cookie = cookies.GetString("a_session_" + Project);
            }
            if (cookie == null) return null;
            try
            {
                return JsonReader.TryParseObject(Encoding.UTF8.GetString(Convert.FromBase64String(cookie)))?.GetString("secret");
            }
            catch (FormatException)
            {
                return null;
            }
        }

        private static string UserJson(FakeUser user) =>
            $"{{\"$id\":\"{user.Id}\",\"$createdAt\":\"{user.CreatedAt}\",\"$updatedAt\":\"{user.CreatedAt}\",\"name\":\"\",\"registration\":\"{user.CreatedAt}\"," +
            $"\"status\":true,\"labels\":[],\"passwordUpdate\":\"\",\"email\":\"\",\"phone\":\"{user.Phone}\",\"emailVerification\":false," +
            "\"emailCanonical\":null,\"emailIsFree\":null,\"emailIsDisposable\":null,\"emailIsCorporate\":null,\"emailIsCanonical\":null," +
            $"\"phoneVerification\":true,\"mfa\":false,\"prefs\":{user.Prefs},\"targets\":[],\"accessedAt\":\"{user.CreatedAt}\",\"impersonator\":false,\"impersonatorUserId\":null}}";

        private static string SessionJson(FakeUser user, string sessionId) =>
            $"{{\"$id\":\"{sessionId}\",\"$createdAt\":\"{Now()}\",\"$updatedAt\":\"{Now()}\",\"userId\":\"{user.Id}\",\"expire\":\"{Now(525600)}\"," +
            $"\"provider\":\"phone\",\"providerUid\":\"{user.Phone}\",\"providerAccessToken\":\"\",\"providerAccessTokenExpiry\":\"\",\"providerRefreshToken\":\"\"," +
            "\"ip\":\"127.0.0.1\",\"osCode\":\"\",\"osName\":\"\",\"osVersion\":\"\",\"clientType\":\"\",\"clientCode\":\"\",\"clientName\":\"\",\"clientVersion\":\"\"," +
            "\"clientEngine\":\"\",\"clientEngineVersion\":\"\",\"deviceName\":\"\",\"deviceBrand\":\"\",\"deviceModel\":\"\",\"countryCode\":\"--\",\"countryName\":\"Unknown\"," +
            "\"current\":true,\"factors\":[\"phone\"],\"secret\":\"\",\"mfaUpdatedAt\":\"\"}";

        private string NewId() => (0x6712a5f0 + ++_ids).ToString("x8", CultureInfo.InvariantCulture) + _random.Next().ToString("x8", CultureInfo.InvariantCulture) + "abcd";

        private static string Now(int minutes = 0) =>
            DateTimeOffset.UtcNow.AddMinutes(minutes).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+00:00'", CultureInfo.InvariantCulture);
    }
}
