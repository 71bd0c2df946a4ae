// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Linq;
using System.Threading.Tasks;
using Appwrite.Enums;
using Appwrite.Models;
using NUnit.Framework;

namespace Playloom.Appwrite.Ring
{
    /// <summary>
    /// Every Account model from a realistic 1.9.6 body, through the whole path: HTTP → bundle (projection) → C#
    /// (JsonUtility) → typed properties.
    /// </summary>
    public sealed class ModelTests : RingTestBase
    {
        private T Call<T>(string method, string path, string body, Func<global::Appwrite.Client, Task<T>> call)
        {
            Server.On(method, path, _ => FakeResponse.Json(200, body));
            T result = default!;
            Run(async () => result = await call(NewClient()));
            return result;
        }

        [Test]
        public void User_FromRealisticBody_HasEveryField()
        {
            var user = Call("GET", "/v1/account", ModelBodies.User, c => c.Account.GetAsync());
            Assert.That(user.Id, Is.EqualTo("6712a5f0c1d2e3f4a5b6"));
            Assert.That(user.CreatedAt, Is.EqualTo("2026-01-10T09:15:22.123+00:00"));
            Assert.That(user.UpdatedAt, Is.EqualTo("2026-01-12T18:02:11.456+00:00"));
            Assert.That(user.Name, Is.EqualTo("Ada Lovelace"));
            Assert.That(user.Registration, Is.EqualTo("2026-01-10T09:15:22.120+00:00"));
            Assert.That(user.Status, Is.True);
            Assert.That(user.Labels, Is.EqualTo(new[] { "beta", "vip" }));
            Assert.That(user.PasswordUpdate, Is.Empty);
            Assert.That(user.Email, Is.EqualTo("ada@example.com"));
            Assert.That(user.Phone, Is.EqualTo("+15555550100"));
            Assert.That(user.EmailVerification, Is.False);
            Assert.That(user.EmailCanonical, Is.Null);
            Assert.That(user.EmailIsFree, Is.True);
            Assert.That(user.EmailIsDisposable, Is.False);
            Assert.That(user.EmailIsCorporate, Is.Null);
            Assert.That(user.EmailIsCanonical, Is.Null);
            Assert.That(user.PhoneVerification, Is.True);
            Assert.That(user.Mfa, Is.False);
            Assert.That(user.AccessedAt, Is.EqualTo("2026-01-12T18:02:11.456+00:00"));
            Assert.That(user.Impersonator, Is.False);
            Assert.That(user.ImpersonatorUserId, Is.Null);
            var target = user.Targets.Single();
            Assert.That(target.ProviderType, Is.EqualTo("sms"));
            Assert.That(target.ProviderId, Is.Null);
            Assert.That(target.Identifier, Is.EqualTo("+15555550100"));
            var prefs = user.GetPrefs<GamePrefs>();
            Assert.That(prefs.theme, Is.EqualTo("dark"));
            Assert.That(prefs.volume, Is.EqualTo(7));
            Assert.That(prefs.tags, Is.EqualTo(new[] { "a", "b" }));
        }

        [Test]
        public void Session_FromRealisticBody_HasEveryField()
        {
            var session = Call("GET", "/v1/account/sessions/current", ModelBodies.Session, c => c.Account.GetSessionAsync("current"));
            Assert.That(session.Id, Is.EqualTo("6713b0c1d2e3f4a5b6c7"));
            Assert.That(session.UserId, Is.EqualTo("6712a5f0c1d2e3f4a5b6"));
            Assert.That(session.Expire, Is.EqualTo("2027-01-12T18:02:11.000+00:00"));
            Assert.That(session.Provider, Is.EqualTo("phone"));
            Assert.That(session.ProviderUid, Is.EqualTo("+15555550100"));
            Assert.That(session.Ip, Is.EqualTo("127.0.0.1"));
            Assert.That(session.OsName, Is.EqualTo("GNU/Linux"));
            Assert.That(session.ClientName, Is.EqualTo("Playloom Unity"));
            Assert.That(session.DeviceName, Is.EqualTo("desktop"));
            Assert.That(session.CountryCode, Is.EqualTo("--"));
            Assert.That(session.CountryName, Is.EqualTo("Unknown"));
            Assert.That(session.Current, Is.True);
            Assert.That(session.Factors, Is.EqualTo(new[] { "phone" }));
            Assert.That(session.Secret, Is.Empty);
            Assert.That(session.MfaUpdatedAt, Is.Empty);
        }

        [Test]
        public void SessionList_FromRealisticBody_HasBothSessions()
        {
            var list = Call("GET", "/v1/account/sessions", ModelBodies.SessionList, c => c.Account.ListSessionsAsync());
            Assert.That(list.Total, Is.EqualTo(2));
            Assert.That(list.Sessions.Select(s => s.Provider), Is.EqualTo(new[] { "phone", "oauth2" }));
            var oauth = list.Sessions[1];
            Assert.That(oauth.ProviderAccessToken, Is.EqualTo("gho_providerAccessToken"));
            Assert.That(oauth.DeviceModel, Is.EqualTo("Pixel 8"));
            Assert.That(oauth.Current, Is.False);
            Assert.That(oauth.Factors, Is.EqualTo(new[] { "email", "oauth2" }));
            Assert.That(list.ToString(), Does.Not.Contain("gho_providerAccessToken"), "ToString masks provider tokens");
            Assert.That(list.ToString(), Does.Contain("\"deviceModel\":\"Pixel 8\""));
        }

        [Test]
        public void Token_FromRealisticBody_HasEveryField()
        {
            Server.On("POST", "/v1/account/tokens/phone", _ => FakeResponse.Json(201, ModelBodies.Token));
            Token token = null!;
            Run(async () => token = await NewClient().Account.CreatePhoneTokenAsync("unique()", "+15555550100"));
            Assert.That(token.Id, Is.EqualTo("6713c0d1e2f3a4b5c6d7"));
            Assert.That(token.CreatedAt, Is.EqualTo("2026-01-12T18:00:00.000+00:00"));
            Assert.That(token.UserId, Is.EqualTo("6712a5f0c1d2e3f4a5b6"));
            Assert.That(token.Secret, Is.Empty);
            Assert.That(token.Expire, Is.EqualTo("2026-01-12T18:15:00.000+00:00"));
            Assert.That(token.Phrase, Is.Empty);
        }

        [Test]
        public void Jwt_FromRealisticBody_HasTheTokenAsValueAndMasksItInToString()
        {
            Server.On("POST", "/v1/account/jwts", _ => FakeResponse.Json(201, ModelBodies.Jwt));
            Jwt jwt = null!;
            Run(async () => jwt = await NewClient().Account.CreateJWTAsync(duration: 600));
            Assert.That(jwt.Value, Does.StartWith("eyJhbGciOiJIUzI1NiIs"));
            Assert.That(jwt.ToString(), Does.Not.Contain("eyJ"));
            Assert.That(Server.Requests.Last().Body, Is.EqualTo("{\"duration\":600}"));
        }

        [Test]
        public void IdentityList_FromRealisticBody_HasTheIdentity()
        {
            var list = Call("GET", "/v1/account/identities", ModelBodies.IdentityList, c => c.Account.ListIdentitiesAsync(new[] { global::Appwrite.Query.Equal("provider", "github") }, total: true));
            Assert.That(list.Total, Is.EqualTo(1));
            var identity = list.Identities.Single();
            Assert.That(identity.Provider, Is.EqualTo("github"));
            Assert.That(identity.ProviderUid, Is.EqualTo("1234567"));
            Assert.That(identity.ProviderEmail, Is.EqualTo("ada@example.com"));
            Assert.That(identity.ProviderAccessTokenExpiry, Is.EqualTo("2026-01-11T09:00:00.000+00:00"));
            Assert.That(Server.Requests.Last().Query, Does.Contain("total=true"));
        }

        [Test]
        public void LogList_FromRealisticBody_HasTheLog()
        {
            var list = Call("GET", "/v1/account/logs", ModelBodies.LogList, c => c.Account.ListLogsAsync(new[] { global::Appwrite.Query.Limit(5) }));
            var log = list.Logs.Single();
            Assert.That(list.Total, Is.EqualTo(1));
            Assert.That(log.Event, Is.EqualTo("session.create"));
            Assert.That(log.UserType, Is.EqualTo("user"));
            Assert.That(log.Time, Is.EqualTo("2026-01-12T18:02:11.000+00:00"));
            Assert.That(log.ClientName, Is.EqualTo("Playloom Unity"));
        }

        [Test]
        public void MfaType_FromRealisticBody_HasSecretAndUri()
        {
            var type = Call("POST", "/v1/account/mfa/authenticators/totp", ModelBodies.MfaType, c => c.Account.CreateMFAAuthenticatorAsync(AuthenticatorType.Totp));
            Assert.That(type.Secret, Is.EqualTo("JBSWY3DPEHPK3PXP"));
            Assert.That(type.Uri, Does.StartWith("otpauth://totp/"));
            Assert.That(type.ToString(), Does.Not.Contain("JBSWY3DPEHPK3PXP"));
        }

        [Test]
        public void MfaChallenge_FromRealisticBody_HasEveryField()
        {
            var challenge = Call("POST", "/v1/account/mfa/challenges", ModelBodies.MfaChallenge, c => c.Account.CreateMFAChallengeAsync(AuthenticationFactor.Email));
            Assert.That(challenge.Id, Is.EqualTo("6715a1b2c3d4e5f60718"));
            Assert.That(challenge.UserId, Is.EqualTo("6712a5f0c1d2e3f4a5b6"));
            Assert.That(challenge.Expire, Is.EqualTo("2026-01-12T18:20:00.000+00:00"));
            Assert.That(Server.Requests.Last().Body, Is.EqualTo("{\"factor\":\"email\"}"));
        }

        [Test]
        public void MfaFactors_FromRealisticBody_HasEveryFlag()
        {
            var factors = Call("GET", "/v1/account/mfa/factors", ModelBodies.MfaFactors, c => c.Account.ListMFAFactorsAsync());
            Assert.That((factors.Totp, factors.Phone, factors.Email, factors.RecoveryCode), Is.EqualTo((true, true, false, true)));
        }

        [Test]
        public void MfaRecoveryCodes_FromRealisticBody_HasTheCodes()
        {
            var codes = Call("GET", "/v1/account/mfa/recovery-codes", ModelBodies.MfaRecoveryCodes, c => c.Account.GetMFARecoveryCodesAsync());
            Assert.That(codes.RecoveryCodes, Is.EqualTo(new[] { "a1b2c3d4e5", "f6a7b8c9d0", "1122334455" }));
            Assert.That(codes.ToString(), Does.Not.Contain("a1b2c3d4e5"));
        }

        [Test]
        public void Target_FromRealisticBody_HasEveryField()
        {
            Server.On("POST", "/v1/account/targets/push", _ => FakeResponse.Json(201, ModelBodies.Target));
            Target target = null!;
            Run(async () => target = await NewClient().Account.CreatePushTargetAsync("unique()", "fcm-token-abc", providerId: "fcm-main"));
            Assert.That(target.Id, Is.EqualTo("65f0a1b2c3d4e5f60718"));
            Assert.That(target.Name, Is.EqualTo("Pixel 8"));
            Assert.That(target.ProviderId, Is.EqualTo("fcm-main"));
            Assert.That(target.ProviderType, Is.EqualTo("push"));
            Assert.That(target.Expired, Is.False);
        }

        [Test]
        public void Prefs_FromRealisticBody_BindToTheUsersTypeAndRawJson()
        {
            Server.On("GET", "/v1/account/prefs", _ => FakeResponse.Json(200, ModelBodies.Prefs));
            GamePrefs prefs = null!;
            string raw = "";
            Run(async () =>
            {
                var client = NewClient();
                prefs = await client.Account.GetPrefsAsync<GamePrefs>();
                raw = await client.Account.GetPrefsJsonAsync();
            });
            Assert.That(prefs.theme, Is.EqualTo("dark"));
            Assert.That(prefs.volume, Is.EqualTo(7));
            Assert.That(raw, Is.EqualTo(ModelBodies.Prefs));
        }

        [Test]
        public void UpdatePrefs_FromTheUsersType_SendsAnObjectAndReturnsTheUser()
        {
            Server.On("PATCH", "/v1/account/prefs", r => FakeResponse.Json(200, ModelBodies.User));
            User user = null!;
            Run(async () => user = await NewClient().Account.UpdatePrefsAsync(new GamePrefs { theme = "light", volume = 3, tags = new[] { "x" } }));
            Assert.That(Server.Requests.Last().Body, Is.EqualTo("{\"prefs\":{\"theme\":\"light\",\"volume\":3,\"tags\":[\"x\"]}}"));
            Assert.That(user.Id, Is.EqualTo("6712a5f0c1d2e3f4a5b6"));
        }

        [Serializable]
        public sealed class GamePrefs
        {
            public string theme = "";
            public int volume;
            public string[] tags = Array.Empty<string>();
        }
    }
}
