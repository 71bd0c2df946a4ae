// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using Appwrite.Models;
using NUnit.Framework;
using UnityEngine;

namespace Appwrite.Tests
{
    /// <summary>The generated models read the bridge's C# projection with JsonUtility (no bundle involved).</summary>
    public sealed class ModelProjectionTests
    {
        // A user as the core projects it: "$" dropped, prefs as a JSON string, optional strings "" and bools -1/0/1.
        private const string UserProjection =
            "{\"id\":\"u1\",\"createdAt\":\"2026-01-10T09:15:22.123+00:00\",\"updatedAt\":\"2026-01-10T09:15:22.123+00:00\",\"name\":\"Ada\"," +
            "\"registration\":\"2026-01-10T09:15:22.120+00:00\",\"status\":true,\"labels\":[\"vip\"],\"passwordUpdate\":\"\",\"email\":\"ada@example.com\"," +
            "\"phone\":\"+15555550100\",\"emailVerification\":true,\"emailCanonical\":\"\",\"emailIsFree\":1,\"emailIsDisposable\":0," +
            "\"emailIsCorporate\":-1,\"emailIsCanonical\":-1,\"phoneVerification\":false,\"mfa\":true,\"prefs\":\"{\\\"theme\\\":\\\"dark\\\",\\\"volume\\\":7}\"," +
            "\"targets\":[{\"id\":\"t1\",\"createdAt\":\"\",\"updatedAt\":\"\",\"name\":\"\",\"userId\":\"u1\",\"providerId\":\"\",\"providerType\":\"sms\",\"identifier\":\"+15555550100\",\"expired\":false}]," +
            "\"accessedAt\":\"2026-01-12T18:02:11.456+00:00\",\"impersonator\":0,\"impersonatorUserId\":\"\"}";

        [Serializable]
        private sealed class Prefs
        {
            public string theme = "light";
            public int volume = 5;
            public bool music = true;
        }

        [Test]
        public void User_ReadsEveryFieldOfTheProjection()
        {
            var user = JsonUtility.FromJson<User>(UserProjection);
            Assert.That(user.Id, Is.EqualTo("u1"));
            Assert.That(user.Name, Is.EqualTo("Ada"));
            Assert.That(user.Status, Is.True);
            Assert.That(user.Labels, Is.EqualTo(new[] { "vip" }));
            Assert.That(user.EmailVerification, Is.True);
            Assert.That(user.PhoneVerification, Is.False);
            Assert.That(user.Mfa, Is.True);
            Assert.That(user.Targets[0].Identifier, Is.EqualTo("+15555550100"));
            Assert.That(user.AccessedAt, Is.EqualTo("2026-01-12T18:02:11.456+00:00"));
        }

        [Test]
        public void OptionalValues_BecomeNullables()
        {
            var user = JsonUtility.FromJson<User>(UserProjection);
            Assert.That(user.EmailCanonical, Is.Null, "\"\" means the server sent null");
            Assert.That(user.EmailIsFree, Is.True);
            Assert.That(user.EmailIsDisposable, Is.False);
            Assert.That(user.EmailIsCorporate, Is.Null);
            Assert.That(user.Impersonator, Is.False);
            Assert.That(user.ImpersonatorUserId, Is.Null);
            Assert.That(user.Targets[0].ProviderId, Is.Null);
        }

        [Test]
        public void Prefs_BindToTheUsersOwnType_KeepingDefaultsForMissingFields()
        {
            var user = JsonUtility.FromJson<User>(UserProjection);
            Assert.That(user.PrefsJson, Is.EqualTo("{\"theme\":\"dark\",\"volume\":7}"));
            var prefs = user.GetPrefs<Prefs>();
            Assert.That(prefs.theme, Is.EqualTo("dark"));
            Assert.That(prefs.volume, Is.EqualTo(7));
            Assert.That(prefs.music, Is.True);
        }

        [Test]
        public void NewModels_HaveSafeDefaults()
        {
            var session = new Session();
            Assert.That(session.Id, Is.Empty);
            Assert.That(session.Factors, Is.Empty);
            Assert.That(new User().PrefsJson, Is.EqualTo("{}"));
            Assert.That(new User().EmailIsFree, Is.Null);
            Assert.That(new SessionList().Sessions, Is.Empty);
        }

        [Test]
        public void ToString_IsJson_WithCredentialsMasked()
        {
            var token = JsonUtility.FromJson<Token>("{\"id\":\"t1\",\"createdAt\":\"\",\"userId\":\"u1\",\"secret\":\"654321\",\"expire\":\"\",\"phrase\":\"\"}");
            Assert.That(token.ToString(), Does.StartWith("{\"id\":\"t1\""));
            Assert.That(token.ToString(), Does.Not.Contain("654321"));
            var jwt = JsonUtility.FromJson<Jwt>("{\"jwt\":\"eyJhbGciOiJIUzI1NiJ9.e30.sig\"}");
            Assert.That(jwt.Value, Is.EqualTo("eyJhbGciOiJIUzI1NiJ9.e30.sig"));
            Assert.That(jwt.ToString(), Does.Not.Contain("eyJ"));
            var empty = JsonUtility.FromJson<Token>("{\"id\":\"t2\",\"secret\":\"\"}");
            Assert.That(empty.ToString(), Does.Contain("\"secret\":\"\""), "an empty secret stays visible as empty");
        }
    }
}
