// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Linq;
using System.Reflection;
using Appwrite.Services;
using NUnit.Framework;

namespace Appwrite.Tests
{
    /// <summary>The C# side of a realtime event: reading the core's event JSON and the typed payload accessors.</summary>
    public sealed class RealtimeEventTests
    {
        [Serializable]
        private sealed class Score
        {
            public int points = 0;
        }

        private const string UserEvent =
            "{\"events\":[\"users.u1.update.name\",\"users.*.update.name\",\"users.u1\"],\"channels\":[\"account\",\"account.u1\"]," +
            "\"timestamp\":\"2026-01-01T00:00:00.000+00:00\",\"model\":\"user\"," +
            "\"payload\":\"{\\\"id\\\":\\\"u1\\\",\\\"name\\\":\\\"Ada\\\",\\\"status\\\":true,\\\"prefs\\\":\\\"{\\\\\\\"theme\\\\\\\":\\\\\\\"dark\\\\\\\"}\\\"}\"}";

        [Test]
        public void FromJson_ReadsTheCoresEvent_AndTheAccessorOfItsModel()
        {
            var e = RealtimeEvent.FromJson(UserEvent);
            Assert.That(e.Events, Is.EqualTo(new[] { "users.u1.update.name", "users.*.update.name", "users.u1" }));
            Assert.That(e.Channels, Is.EqualTo(new[] { "account", "account.u1" }));
            Assert.That(e.Timestamp, Is.EqualTo("2026-01-01T00:00:00.000+00:00"));
            Assert.That(e.Model, Is.EqualTo("user"));
            Assert.That(e.Is("users.*.update.name"), Is.True);
            Assert.That(e.Is("users.*.update.email"), Is.False);
            Assert.That(e.User!.Name, Is.EqualTo("Ada"));
            Assert.That(e.User, Is.SameAs(e.User), "read once");
            Assert.That(e.User!.PrefsJson, Is.EqualTo("{\"theme\":\"dark\"}"));
            Assert.That(e.Session, Is.Null);
            Assert.That(e.Token, Is.Null);
            Assert.That(e.ToString(), Is.EqualTo("users.u1.update.name on account"));
        }

        [Test]
        public void OtherChannels_KeepTheRawPayload_ForGetPayload()
        {
            var e = RealtimeEvent.FromJson("{\"events\":[\"databases.d.tables.t.rows.r.update\"],\"channels\":[\"rows\"],\"timestamp\":\"\",\"model\":\"\",\"payload\":\"{\\\"points\\\":42}\"}");
            Assert.That(e.Model, Is.Empty);
            Assert.That(e.User, Is.Null);
            Assert.That(e.PayloadJson, Is.EqualTo("{\"points\":42}"));
            Assert.That(e.GetPayload<Score>().points, Is.EqualTo(42));
        }

        [Test]
        public void FromJson_RefusesNonObjects_AndToleratesMissingMembers()
        {
            Assert.Throws<FormatException>(() => RealtimeEvent.FromJson("[]"));
            var e = RealtimeEvent.FromJson("{}");
            Assert.That(e.Events, Is.Empty);
            Assert.That(e.Model, Is.Empty);
            Assert.That(e.PayloadJson, Is.EqualTo("null"));
        }

        [Test]
        public void TypedAccessors_CoverEveryAccountEventModel()
        {
            // The generated accessors (RealtimeEvent.g.cs) against the models the core names (bridge contract, subscribe).
            var accessors = typeof(RealtimeEvent).GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.PropertyType.Namespace == "Appwrite.Models").Select(p => p.Name);
            Assert.That(accessors, Is.EquivalentTo(new[] { "User", "Session", "Token", "Identity", "Target", "MfaChallenge" }));
        }

        [Test]
        public void PublicSurface_MatchesTheIssue()
        {
            Assert.That(typeof(Client).GetProperty("Realtime")!.PropertyType, Is.EqualTo(typeof(Realtime)));
            Assert.That(typeof(RealtimeSubscription).GetInterfaces(), Does.Contain(typeof(IDisposable)));
            Assert.That(typeof(Realtime).GetEvent("Connected")!.EventHandlerType, Is.EqualTo(typeof(Action<RealtimeConnectedEventArgs>)));
            Assert.That(typeof(Realtime).GetEvent("Disconnected")!.EventHandlerType, Is.EqualTo(typeof(Action<RealtimeDisconnectedEventArgs>)));
            Assert.That(typeof(Realtime).GetEvent("Error")!.EventHandlerType, Is.EqualTo(typeof(Action<RealtimeErrorEventArgs>)));
            Assert.That(Channel.Account(), Is.EqualTo("account"));
            var subscribeAsync = typeof(Realtime).GetMethods().Where(m => m.Name == "SubscribeAsync").ToList();
            Assert.That(subscribeAsync, Has.Count.EqualTo(2));
            Assert.That(subscribeAsync.Select(m => m.GetParameters().Last().ParameterType), Has.All.EqualTo(typeof(System.Threading.CancellationToken)));
        }
    }
}
