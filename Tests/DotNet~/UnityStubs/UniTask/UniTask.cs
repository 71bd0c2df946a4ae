// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// A minimal stand-in for Cysharp's UniTask so the seed examples (which declare `async UniTask` methods) compile:
// an awaitable struct with an async method builder over Task. Not UniTask's implementation.

#nullable enable
using System;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace Cysharp.Threading.Tasks
{
    [AsyncMethodBuilder(typeof(AsyncUniTaskMethodBuilder))]
    public readonly struct UniTask
    {
        private readonly Task? _task;

        internal UniTask(Task task)
        {
            _task = task;
        }

        public TaskAwaiter GetAwaiter() => (_task ?? Task.CompletedTask).GetAwaiter();

        public Task AsTask() => _task ?? Task.CompletedTask;
    }

    public struct AsyncUniTaskMethodBuilder
    {
        private AsyncTaskMethodBuilder _inner;

        public static AsyncUniTaskMethodBuilder Create() => new AsyncUniTaskMethodBuilder { _inner = AsyncTaskMethodBuilder.Create() };

        public UniTask Task => new UniTask(_inner.Task);

        public void Start<TStateMachine>(ref TStateMachine stateMachine) where TStateMachine : IAsyncStateMachine => _inner.Start(ref stateMachine);

        public void SetStateMachine(IAsyncStateMachine stateMachine) => _inner.SetStateMachine(stateMachine);

        public void SetResult() => _inner.SetResult();

        public void SetException(Exception exception) => _inner.SetException(exception);

        public void AwaitOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
            where TAwaiter : INotifyCompletion where TStateMachine : IAsyncStateMachine => _inner.AwaitOnCompleted(ref awaiter, ref stateMachine);

        public void AwaitUnsafeOnCompleted<TAwaiter, TStateMachine>(ref TAwaiter awaiter, ref TStateMachine stateMachine)
            where TAwaiter : ICriticalNotifyCompletion where TStateMachine : IAsyncStateMachine => _inner.AwaitUnsafeOnCompleted(ref awaiter, ref stateMachine);
    }
}
