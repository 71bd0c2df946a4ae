// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Not Unity's implementation: a stand-in for Unity Test Framework's [UnityTest] that NUnit can run outside Unity.
// The test method is a coroutine; it runs step by step with frames of the test ring's player loop in between.

#nullable enable
using System;
using System.Collections;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;

namespace UnityEngine.TestTools
{
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class UnityTestAttribute : NUnitAttribute, ISimpleTestBuilder, IImplyFixture
    {
        private readonly NUnitTestCaseBuilder _builder = new NUnitTestCaseBuilder();

        public TestMethod BuildFrom(IMethodInfo method, Test? suite)
        {
            var test = _builder.BuildTestMethod(new CoroutineMethod(method), suite, new TestCaseParameters());
            if (method.ReturnType.Type != typeof(IEnumerator))
            {
                test.RunState = RunState.NotRunnable;
                test.Properties.Set(PropertyNames.SkipReason, "A [UnityTest] method must return IEnumerator.");
            }
            return test;
        }

        // Presents the coroutine as a void method whose invocation runs it to the end under the player loop.
        private sealed class CoroutineMethod : IMethodInfo
        {
            private readonly IMethodInfo _inner;

            public CoroutineMethod(IMethodInfo inner)
            {
                _inner = inner;
            }

            public ITypeInfo TypeInfo => _inner.TypeInfo;

            public System.Reflection.MethodInfo MethodInfo => _inner.MethodInfo;

            public string Name => _inner.Name;

            public bool IsAbstract => _inner.IsAbstract;

            public bool IsPublic => _inner.IsPublic;

            public bool IsStatic => _inner.IsStatic;

            public bool ContainsGenericParameters => _inner.ContainsGenericParameters;

            public bool IsGenericMethod => _inner.IsGenericMethod;

            public bool IsGenericMethodDefinition => _inner.IsGenericMethodDefinition;

            public ITypeInfo ReturnType => new TypeWrapper(typeof(void));

            public IParameterInfo[] GetParameters() => _inner.GetParameters();

            public Type[] GetGenericArguments() => _inner.GetGenericArguments();

            public IMethodInfo MakeGenericMethod(params Type[] typeArguments) => new CoroutineMethod(_inner.MakeGenericMethod(typeArguments));

            public object? Invoke(object? fixture, params object?[]? args)
            {
                var routine = (IEnumerator)_inner.Invoke(fixture, args)!;
                UnityStubs.PlayerLoop.RunCoroutine(routine);
                return null;
            }

            public T[] GetCustomAttributes<T>(bool inherit) where T : class => _inner.GetCustomAttributes<T>(inherit);

            public bool IsDefined<T>(bool inherit) where T : class => _inner.IsDefined<T>(inherit);
        }
    }
}
