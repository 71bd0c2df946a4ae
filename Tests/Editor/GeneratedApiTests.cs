// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Appwrite.Enums;
using Appwrite.Models;
using Appwrite.Services;
using NUnit.Framework;

namespace Appwrite.Tests
{
    /// <summary>The generated C# API matches the core's descriptor table and the seeds' contract.</summary>
    public sealed class GeneratedApiTests
    {
        // The 58 methods of src/services/account.descriptors.ts (deprecated aliases included), as the core names them.
        private static readonly string[] _descriptors =
        {
            "get", "create", "updateEmail", "listIdentities", "deleteIdentity", "createJWT", "listLogs", "updateMFA",
            "createMFAAuthenticator", "updateMFAAuthenticator", "deleteMFAAuthenticator", "createMFAChallenge", "updateMFAChallenge",
            "listMFAFactors", "getMFARecoveryCodes", "createMFARecoveryCodes", "updateMFARecoveryCodes", "updateName", "updatePassword",
            "updatePhone", "getPrefs", "updatePrefs", "createRecovery", "updateRecovery", "listSessions", "deleteSessions",
            "createAnonymousSession", "createEmailPasswordSession", "updateMagicURLSession", "createOAuth2Session", "updatePhoneSession",
            "createSession", "getSession", "updateSession", "deleteSession", "updateStatus", "createPushTarget", "updatePushTarget",
            "deletePushTarget", "createEmailToken", "createMagicURLToken", "createOAuth2Token", "createPhoneToken",
            "createEmailVerification", "updateEmailVerification", "createPhoneVerification", "updatePhoneVerification",
            "createMfaAuthenticator", "updateMfaAuthenticator", "deleteMfaAuthenticator", "createMfaChallenge", "updateMfaChallenge",
            "listMfaFactors", "getMfaRecoveryCodes", "createMfaRecoveryCodes", "updateMfaRecoveryCodes", "createVerification", "updateVerification",
        };

        private static readonly Dictionary<string, string> _replacements = new Dictionary<string, string>
        {
            ["CreateMfaAuthenticatorAsync"] = "CreateMFAAuthenticatorAsync",
            ["UpdateMfaAuthenticatorAsync"] = "UpdateMFAAuthenticatorAsync",
            ["DeleteMfaAuthenticatorAsync"] = "DeleteMFAAuthenticatorAsync",
            ["CreateMfaChallengeAsync"] = "CreateMFAChallengeAsync",
            ["UpdateMfaChallengeAsync"] = "UpdateMFAChallengeAsync",
            ["ListMfaFactorsAsync"] = "ListMFAFactorsAsync",
            ["GetMfaRecoveryCodesAsync"] = "GetMFARecoveryCodesAsync",
            ["CreateMfaRecoveryCodesAsync"] = "CreateMFARecoveryCodesAsync",
            ["UpdateMfaRecoveryCodesAsync"] = "UpdateMFARecoveryCodesAsync",
            ["CreateVerificationAsync"] = "CreateEmailVerificationAsync",
            ["UpdateVerificationAsync"] = "UpdateEmailVerificationAsync",
            ["UpdateMagicURLSessionAsync"] = "CreateSessionAsync",
            ["UpdatePhoneSessionAsync"] = "CreateSessionAsync",
        };

        private static MethodInfo[] AsyncMethods() =>
            typeof(Account).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => m.Name.EndsWith("Async")).ToArray();

        private static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name.Substring(1);

        [Test]
        public void Account_HasAnAsyncMethodForEveryDescriptor()
        {
            Assert.That(_descriptors.Distinct().Count(), Is.EqualTo(58));
            var names = AsyncMethods().Select(m => m.Name).ToList();
            foreach (var descriptor in _descriptors)
            {
                Assert.That(names, Does.Contain(Pascal(descriptor) + (descriptor.EndsWith("Prefs") ? "JsonAsync" : "Async")), descriptor);
            }
            // 56 plain methods, plus generic and raw-JSON variants of getPrefs and updatePrefs, the URL builders of the
            // two OAuth2 methods (whose Create*Async run the deep-link flow) and CompletePendingOAuth2Async (hand-written).
            Assert.That(names.Count, Is.EqualTo(63));
            Assert.That(names, Does.Contain("GetPrefsAsync"));
            Assert.That(names, Does.Contain("UpdatePrefsAsync"));
            Assert.That(names, Does.Contain("GetOAuth2TokenUrlAsync"));
            Assert.That(names, Does.Contain("GetOAuth2SessionUrlAsync"));
            Assert.That(names, Does.Contain("CompletePendingOAuth2Async"));
        }

        [Test]
        public void CreatePhoneTokenAsync_HasTheSeedSignature()
        {
            var method = typeof(Account).GetMethod("CreatePhoneTokenAsync")!;
            Assert.That(method.ReturnType, Is.EqualTo(typeof(Task<Token>)));
            var parameters = method.GetParameters();
            Assert.That(parameters.Select(p => p.Name), Is.EqualTo(new[] { "userId", "phone", "cancellationToken" }));
            Assert.That(parameters.Select(p => p.ParameterType), Is.EqualTo(new[] { typeof(string), typeof(string), typeof(CancellationToken) }));
            Assert.That(parameters[2].HasDefaultValue, Is.True);
        }

        [Test]
        public void EveryAsyncMethod_TakesAnOptionalCancellationTokenLast()
        {
            foreach (var method in AsyncMethods().Concat(new[] { typeof(Client).GetMethod("PingAsync")! }))
            {
                var last = method.GetParameters().Last();
                Assert.That(last.ParameterType, Is.EqualTo(typeof(CancellationToken)), method.Name);
                Assert.That(last.Name, Is.EqualTo("cancellationToken"), method.Name);
                Assert.That(last.IsOptional, Is.True, method.Name);
                Assert.That(typeof(Task).IsAssignableFrom(method.ReturnType), Is.True, method.Name);
            }
        }

        [Test]
        public void DeprecatedMethods_AreObsolete_NamingTheirReplacement()
        {
            var obsolete = AsyncMethods().Where(m => m.GetCustomAttribute<ObsoleteAttribute>() != null).ToDictionary(m => m.Name, m => m.GetCustomAttribute<ObsoleteAttribute>()!.Message);
            Assert.That(obsolete.Keys, Is.EquivalentTo(_replacements.Keys));
            foreach (var pair in _replacements)
            {
                Assert.That(obsolete[pair.Key], Does.Contain(pair.Value));
                Assert.That(typeof(Account).GetMethod(pair.Value), Is.Not.Null, pair.Value);
                Assert.That(typeof(Account).GetMethod(pair.Value)!.GetCustomAttribute<ObsoleteAttribute>(), Is.Null);
            }
        }

        [Test]
        public void ResultTypes_FollowTheResponseModel()
        {
            Assert.That(typeof(Account).GetMethod("GetAsync")!.ReturnType, Is.EqualTo(typeof(Task<User>)));
            Assert.That(typeof(Account).GetMethod("CreateSessionAsync")!.ReturnType, Is.EqualTo(typeof(Task<Session>)));
            Assert.That(typeof(Account).GetMethod("CreateJWTAsync")!.ReturnType, Is.EqualTo(typeof(Task<Jwt>)));
            Assert.That(typeof(Account).GetMethod("DeleteSessionAsync")!.ReturnType, Is.EqualTo(typeof(Task)), "204 methods return a plain Task");
            Assert.That(typeof(Account).GetMethod("CreateOAuth2TokenAsync")!.ReturnType, Is.EqualTo(typeof(Task<Session>)), "OAuth2 sign-ins end with a session");
            Assert.That(typeof(Account).GetMethod("CreateOAuth2SessionAsync")!.ReturnType, Is.EqualTo(typeof(Task<Session>)), "the native session flow is the token flow");
            Assert.That(typeof(Account).GetMethod("GetOAuth2TokenUrlAsync")!.ReturnType, Is.EqualTo(typeof(Task<string>)), "the URL builders return the URL");
            Assert.That(typeof(Account).GetMethod("GetOAuth2SessionUrlAsync")!.ReturnType, Is.EqualTo(typeof(Task<string>)));
            Assert.That(typeof(Account).GetMethod("GetPrefsJsonAsync")!.ReturnType, Is.EqualTo(typeof(Task<string>)));
            Assert.That(typeof(Account).GetMethod("UpdatePrefsAsync")!.IsGenericMethodDefinition, Is.True);
        }

        [Test]
        public void OptionalParameters_DefaultToNull_AndEnumsAreCSharpEnums()
        {
            var list = typeof(Account).GetMethod("ListIdentitiesAsync")!.GetParameters();
            Assert.That(list[0].ParameterType, Is.EqualTo(typeof(IEnumerable<string>)));
            Assert.That(list[0].DefaultValue, Is.Null);
            Assert.That(list[1].ParameterType, Is.EqualTo(typeof(bool?)));
            Assert.That(typeof(Account).GetMethod("CreateJWTAsync")!.GetParameters()[0].ParameterType, Is.EqualTo(typeof(long?)));
            Assert.That(typeof(Account).GetMethod("CreateOAuth2SessionAsync")!.GetParameters()[0].ParameterType, Is.EqualTo(typeof(OAuthProvider)));
            Assert.That(typeof(Account).GetMethod("CreateMFAChallengeAsync")!.GetParameters()[0].ParameterType, Is.EqualTo(typeof(AuthenticationFactor)));
            Assert.That(typeof(Account).GetMethod("UpdateMFAAsync")!.GetParameters()[0].ParameterType, Is.EqualTo(typeof(bool)));
        }

        [Test]
        public void Enums_MapToTheServersWireValues()
        {
            Assert.That(OAuthProvider.PaypalSandbox.ToValue(), Is.EqualTo("paypalSandbox"));
            Assert.That(OAuthProvider.Github.ToValue(), Is.EqualTo("github"));
            Assert.That(AuthenticationFactor.Recoverycode.ToValue(), Is.EqualTo("recoverycode"));
            Assert.That(AuthenticatorType.Totp.ToValue(), Is.EqualTo("totp"));
            Assert.That(OAuthProviderExtensions.TryParse("apple", out var apple) && apple == OAuthProvider.Apple, Is.True);
            Assert.That(OAuthProviderExtensions.TryParse("Apple", out _), Is.False, "wire values are case-sensitive");
            Assert.That(((OAuthProvider)999).ToValue(), Is.EqualTo("999"));
        }

        [Test]
        public void Client_HasTheSeedSettersAndAliases_ReturningTheClient()
        {
            var setters = new[]
            {
                "SetEndpoint", "SetEndpointRealtime", "SetProject", "SetJWT", "SetLocale", "SetSession", "SetDevKey",
                "SetXAppwriteProject", "SetXAppwriteJWT", "SetXAppwriteLocale", "SetXAppwriteSession", "SetXAppwriteDevKey",
            };
            foreach (var name in setters)
            {
                var method = typeof(Client).GetMethod(name, new[] { typeof(string) });
                Assert.That(method, Is.Not.Null, name);
                Assert.That(method!.ReturnType, Is.EqualTo(typeof(Client)), name);
            }
            Assert.That(typeof(Client).GetProperty("Account")!.PropertyType, Is.EqualTo(typeof(Account)));
            Assert.That(typeof(Account).GetConstructor(new[] { typeof(Client) }), Is.Not.Null, "new Account(client)");
        }

        [Test]
        public void Client_RaisesItsEvents_InCSharpAndTheInspector()
        {
            Assert.That(typeof(Client).GetEvent("SessionChanged")!.EventHandlerType, Is.EqualTo(typeof(Action<SessionChangedEventArgs>)));
            Assert.That(typeof(Client).GetEvent("SignedIn")!.EventHandlerType, Is.EqualTo(typeof(Action<SignedInEventArgs>)));
            Assert.That(typeof(Client).GetEvent("SignedOut")!.EventHandlerType, Is.EqualTo(typeof(Action<SignedOutEventArgs>)));
            Assert.That(typeof(Client).GetEvent("Error")!.EventHandlerType, Is.EqualTo(typeof(Action<AppwriteErrorEventArgs>)));
            Assert.That(typeof(Client).GetEvent("StateChanged")!.EventHandlerType, Is.EqualTo(typeof(Action<StateChangedEventArgs>)));
            Assert.That(typeof(Client).GetEvent("Retrying")!.EventHandlerType, Is.EqualTo(typeof(Action<RetryEventArgs>)));
            var serialized = typeof(Client).GetFields(BindingFlags.Instance | BindingFlags.NonPublic)
                .Where(f => f.GetCustomAttribute<UnityEngine.SerializeField>() != null && typeof(UnityEngine.Events.UnityEventBase).IsAssignableFrom(f.FieldType))
                .Select(f => f.Name);
            Assert.That(serialized, Is.EquivalentTo(new[] { "_onSessionChanged", "_onSignedIn", "_onSignedOut", "_onError", "_onStateChanged", "_onRealtimeConnected", "_onRealtimeDisconnected", "_onRealtimeError" }));
        }
    }
}
