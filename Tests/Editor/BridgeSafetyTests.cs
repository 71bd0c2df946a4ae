// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Linq;
using System.Reflection;
using Appwrite.Internal;
using NUnit.Framework;
using UnityEngine.Scripting;

namespace Appwrite.Tests
{
    /// <summary>
    /// IL2CPP safety of the seam: every delegate that crosses into JavaScript has reference-type parameters only (so
    /// Puerts' shared bridges apply), and everything JavaScript reaches by reflection is [Preserve]d.
    /// </summary>
    public sealed class BridgeSafetyTests
    {
        private static void AssertReferenceTypesOnly(Type delegateType, string where)
        {
            Assert.That(typeof(Delegate).IsAssignableFrom(delegateType), Is.True, $"{where}: {delegateType} is not a delegate");
            var invoke = delegateType.GetMethod("Invoke")!;
            Assert.That(invoke.ReturnType == typeof(void) || !invoke.ReturnType.IsValueType, Is.True, $"{where}: {delegateType} returns a value type");
            foreach (var parameter in invoke.GetParameters())
            {
                Assert.That(parameter.ParameterType.IsValueType, Is.False, $"{where}: {delegateType} has value-type parameter {parameter.Name}");
                Assert.That(parameter.ParameterType.IsByRef, Is.False, $"{where}: {delegateType} has a ref parameter");
                if (typeof(Delegate).IsAssignableFrom(parameter.ParameterType)) AssertReferenceTypesOnly(parameter.ParameterType, where);
            }
        }

        [Test]
        public void BridgeDelegates_HaveReferenceTypeParametersOnly()
        {
            Assert.That(BridgeDelegates.All, Has.Length.EqualTo(9));
            foreach (var type in BridgeDelegates.All) AssertReferenceTypesOnly(type, "export");
        }

        [Test]
        public void BridgeHost_IsTheContractsHostObject_PreservedWithReferenceTypeParameters()
        {
            Assert.That(typeof(BridgeHost).IsPublic, Is.True, "Puerts binds public members");
            Assert.That(typeof(BridgeHost).GetCustomAttribute<PreserveAttribute>(), Is.Not.Null);
            var members = typeof(BridgeHost).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
            // The realtime members exist everywhere but in WebGL players (the core then uses the browser's WebSocket).
            Assert.That(members.Select(m => m.Name), Is.EquivalentTo(new[] { "http", "httpAbort", "storageGet", "storageSet", "emit", "log", "wsOpen", "wsSend", "wsClose" }));
            foreach (var member in members)
            {
                Assert.That(member.GetCustomAttribute<PreserveAttribute>(), Is.Not.Null, member.Name);
                Assert.That(member.ReturnType == typeof(void) || member.ReturnType == typeof(string), Is.True, member.Name);
                foreach (var parameter in member.GetParameters())
                {
                    Assert.That(parameter.ParameterType.IsValueType, Is.False, $"{member.Name}({parameter.Name})");
                    if (typeof(Delegate).IsAssignableFrom(parameter.ParameterType))
                    {
                        Assert.That(BridgeDelegates.All, Does.Contain(parameter.ParameterType), $"{member.Name}: callbacks use the listed delegate types");
                        AssertReferenceTypesOnly(parameter.ParameterType, member.Name);
                    }
                }
            }
        }

        [Test]
        public void ScriptRuntimeSeam_UsesOnlyTheListedDelegateTypes()
        {
            foreach (var method in typeof(IScriptRuntime).GetMethods())
            {
                Assert.That(method.ReturnType == typeof(void) || !method.ReturnType.IsValueType, Is.True, method.Name);
                foreach (var parameter in method.GetParameters())
                {
                    Assert.That(parameter.ParameterType.IsValueType, Is.False, $"{method.Name}({parameter.Name})");
                    if (typeof(Delegate).IsAssignableFrom(parameter.ParameterType)) Assert.That(BridgeDelegates.All, Does.Contain(parameter.ParameterType), $"{method.Name}({parameter.Name})");
                }
            }
        }

        [Test]
        public void RealtimeExports_MatchTheSeam_AndTheirDelegatesAreListed()
        {
            Assert.That(BridgeContract.RealtimeExports, Is.EqualTo(new[] { "subscribe", "updateSubscription", "unsubscribe" }));
            // Each export's delegate mirrors the IScriptRuntime method: the handle first, then the same parameters.
            foreach (var (name, type) in new[] { ("Subscribe", BridgeDelegates.Subscribe), ("UpdateSubscription", BridgeDelegates.UpdateSubscription), ("Unsubscribe", BridgeDelegates.Unsubscribe) })
            {
                var seam = typeof(IScriptRuntime).GetMethod(name)!.GetParameters().Select(p => p.ParameterType);
                Assert.That(type.GetMethod("Invoke")!.GetParameters().Select(p => p.ParameterType), Is.EqualTo(seam), name);
                Assert.That(type.GetMethod("Invoke")!.ReturnType, Is.EqualTo(typeof(string)), name);
            }
        }

        [Test]
        public void BridgeContract_RequiresEveryExportAndAMatchingMajorVersion()
        {
            Assert.That(BridgeContract.FunctionExports, Is.EquivalentTo(new[] { "createClient", "configure", "invoke", "cancel", "disposeClient" }));
            Assert.That(BridgeContract.Version, Is.EqualTo("1.1"));
            Assert.DoesNotThrow(() => BridgeContract.CheckVersion(BridgeContract.Version));
            Assert.DoesNotThrow(() => BridgeContract.CheckVersion("1.7"));
            Assert.That(Assert.Throws<AppwriteException>(() => BridgeContract.CheckVersion("2.0"))!.Type, Is.EqualTo(AppwriteErrorType.BridgeError));
            Assert.That(Assert.Throws<AppwriteException>(() => BridgeContract.CheckVersion(""))!.Message, Does.Contain("bridgeVersion"));
            Assert.That(BridgeContract.MissingExport("invoke").Message, Does.Contain("'invoke'"));
        }
    }
}
