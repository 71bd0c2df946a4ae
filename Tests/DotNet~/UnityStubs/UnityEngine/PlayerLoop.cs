// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Not Unity API: the test ring's model of Unity's main thread. One thread runs "frames": posted continuations
// (UnitySynchronizationContext), then Start/Update of live MonoBehaviours, then deferred Destroy calls.

#nullable enable
using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using UnityEngine;

namespace UnityStubs
{
    /// <summary>The main thread's SynchronizationContext: a queue drained once per frame, like UnitySynchronizationContext.</summary>
    public sealed class MainThreadContext : SynchronizationContext
    {
        private readonly ConcurrentQueue<(SendOrPostCallback Callback, object? State)> _queue = new ConcurrentQueue<(SendOrPostCallback, object?)>();
        private readonly AutoResetEvent _signal = new AutoResetEvent(false);

        public MainThreadContext(int threadId)
        {
            ThreadId = threadId;
        }

        public int ThreadId { get; }

        public override void Post(SendOrPostCallback d, object? state)
        {
            _queue.Enqueue((d, state));
            _signal.Set();
        }

        public override void Send(SendOrPostCallback d, object? state)
        {
            if (Thread.CurrentThread.ManagedThreadId == ThreadId)
            {
                d(state);
                return;
            }
            using var done = new ManualResetEventSlim();
            Exception? error = null;
            Post(_ =>
            {
                try
                {
                    d(state);
                }
                catch (Exception e)
                {
                    error = e;
                }
                finally
                {
                    done.Set();
                }
            }, null);
            done.Wait();
            if (error != null) throw new TargetInvocationException(error);
        }

        public override SynchronizationContext CreateCopy() => this;

        /// <summary>Runs what was queued before this call; work posted meanwhile waits for the next frame.</summary>
        public int Drain()
        {
            var count = _queue.Count;
            var ran = 0;
            while (ran < count && _queue.TryDequeue(out var item))
            {
                item.Callback(item.State);
                ran++;
            }
            return ran;
        }

        public bool HasWork => !_queue.IsEmpty;

        /// <summary>Sleeps until something is posted or the timeout passes.</summary>
        public void WaitForWork(int milliseconds) => _signal.WaitOne(milliseconds);
    }

    /// <summary>Frames, component lifecycle and the main thread for the test ring.</summary>
    public static class PlayerLoop
    {
        private static readonly List<Component> _components = new List<Component>();
        private static readonly HashSet<Component> _started = new HashSet<Component>();
        private static readonly List<UnityEngine.Object> _destroyQueue = new List<UnityEngine.Object>();

        public static int FrameCount { get; private set; }

        /// <summary>The context of the thread currently acting as Unity's main thread.</summary>
        public static MainThreadContext? Context { get; private set; }

        /// <summary>Exceptions thrown by Update/Start/posted work; rethrown by <see cref="Run"/> so tests fail loudly.</summary>
        public static readonly List<Exception> Errors = new List<Exception>();

        /// <summary>Whether Unity is in play mode (Awake runs on AddComponent only then).</summary>
        public static bool IsPlaying
        {
            get => Application.isPlaying;
            set => Application.isPlaying = value;
        }

        internal static void Register(Component component)
        {
            _components.Add(component);
            if (Application.isPlaying) SendMessage(component, "Awake");
        }

        internal static void QueueDestroy(UnityEngine.Object target)
        {
            if (!_destroyQueue.Contains(target)) _destroyQueue.Add(target);
        }

        /// <summary>Calls a Unity message (Awake, Start, Update, OnDestroy) if the object's type declares it.</summary>
        public static void SendMessage(object target, string message)
        {
            for (var type = target.GetType(); type != null && type != typeof(MonoBehaviour); type = type.BaseType)
            {
                var method = type.GetMethod(message, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly, null, Type.EmptyTypes, null);
                if (method == null) continue;
                try
                {
                    method.Invoke(target, null);
                }
                catch (TargetInvocationException e)
                {
                    Errors.Add(e.InnerException ?? e);
                }
                return;
            }
        }

        /// <summary>One frame: posted work, Start/Update, then deferred destroys.</summary>
        public static void RunFrame()
        {
            FrameCount++;
            try
            {
                Context?.Drain();
            }
            catch (Exception e)
            {
                Errors.Add(e);
            }
            foreach (var component in _components.ToArray())
            {
                if (component.Destroyed || (component is Behaviour behaviour && !behaviour.enabled)) continue;
                if (_started.Add(component)) SendMessage(component, "Start");
                SendMessage(component, "Update");
            }
            foreach (var target in _destroyQueue.ToArray())
            {
                _destroyQueue.Remove(target);
                UnityEngine.Object.DestroyImmediate(target);
            }
            _components.RemoveAll(c => c.Destroyed);
        }

        /// <summary>
        /// Runs <paramref name="body"/> on the calling thread as Unity's main thread and pumps frames until its task
        /// completes. Throws what the task threw, or a TimeoutException.
        /// </summary>
        public static void Run(Func<Task> body, int timeoutMs = 30000)
        {
            var previous = SynchronizationContext.Current;
            var context = EnterMainThread();
            try
            {
                var task = body();
                Pump(() => task.IsCompleted, timeoutMs);
                task.GetAwaiter().GetResult();
                ThrowErrors();
            }
            finally
            {
                SynchronizationContext.SetSynchronizationContext(previous);
                if (ReferenceEquals(Context, context)) Context = null;
            }
        }

        /// <summary>Runs a coroutine the way Unity's test runner runs a [UnityTest]: one step per frame.</summary>
        public static void RunCoroutine(IEnumerator routine, int timeoutMs = 60000)
        {
            var previous = SynchronizationContext.Current;
            var context = EnterMainThread();
            try
            {
                var clock = Stopwatch.StartNew();
                var stack = new Stack<IEnumerator>();
                stack.Push(routine);
                while (stack.Count > 0)
                {
                    if (clock.ElapsedMilliseconds > timeoutMs) throw new TimeoutException($"The coroutine did not finish within {timeoutMs} ms.");
                    var top = stack.Peek();
                    if (!top.MoveNext())
                    {
                        stack.Pop();
                        continue;
                    }
                    switch (top.Current)
                    {
                        case IEnumerator nested: stack.Push(nested); break;
                        case AsyncOperation operation: Pump(() => operation.isDone, timeoutMs); break;
                        default: Step(); break;
                    }
                    ThrowErrors();
                }
            }
            finally
            {
                SynchronizationContext.SetSynchronizationContext(previous);
                if (ReferenceEquals(Context, context)) Context = null;
            }
        }

        /// <summary>Pumps frames until the condition holds.</summary>
        public static void Pump(Func<bool> done, int timeoutMs = 30000)
        {
            var clock = Stopwatch.StartNew();
            while (!done())
            {
                if (clock.ElapsedMilliseconds > timeoutMs) throw new TimeoutException($"Gave up after {timeoutMs} ms of frames.");
                Step();
            }
        }

        private static void Step()
        {
            RunFrame();
            // Sleep only while nothing is queued; in-flight web requests are polled every ~1 ms like a fast frame rate.
            if (Context != null && !Context.HasWork) Context.WaitForWork(1);
        }

        private static MainThreadContext EnterMainThread()
        {
            var context = new MainThreadContext(Thread.CurrentThread.ManagedThreadId);
            Context = context;
            SynchronizationContext.SetSynchronizationContext(context);
            return context;
        }

        private static void ThrowErrors()
        {
            if (Errors.Count == 0) return;
            var errors = Errors.ToArray();
            Errors.Clear();
            throw new AggregateException("Errors on the main thread during frames.", errors);
        }

        /// <summary>Live components of a type (what FindObjectsOfType would return, hidden ones included).</summary>
        public static List<T> Live<T>() where T : Component
        {
            var found = new List<T>();
            foreach (var component in _components)
            {
                if (!component.Destroyed && component is T match) found.Add(match);
            }
            return found;
        }

        /// <summary>Destroys every live component (between tests).</summary>
        public static void DestroyAll()
        {
            foreach (var component in _components.ToArray()) UnityEngine.Object.DestroyImmediate(component.gameObject);
            _components.Clear();
            _started.Clear();
            _destroyQueue.Clear();
        }

        /// <summary>Raises Application.quitting, as Unity does when the player quits or play mode ends.</summary>
        public static void Quit() => Application.RaiseQuitting();
    }

    /// <summary>What Resources.Load finds: registered objects, then files under the package's Resources folders.</summary>
    public static class StubResources
    {
        private static readonly Dictionary<string, UnityEngine.Object> _registered = new Dictionary<string, UnityEngine.Object>(StringComparer.Ordinal);

        /// <summary>Folders searched for text assets (e.g. the package's Runtime/Resources).</summary>
        public static readonly List<string> Folders = new List<string>();

        public static void Register(string path, UnityEngine.Object asset) => _registered[path] = asset;

        public static void Unregister(string path) => _registered.Remove(path);

        internal static UnityEngine.Object? Find(string path, Type type)
        {
            if (_registered.TryGetValue(path, out var asset) && type.IsInstanceOfType(asset) && asset) return asset;
            if (!type.IsAssignableFrom(typeof(TextAsset))) return null;
            foreach (var folder in Folders)
            {
                var directory = System.IO.Path.GetDirectoryName(System.IO.Path.Combine(folder, path))!;
                if (!System.IO.Directory.Exists(directory)) continue;
                foreach (var file in System.IO.Directory.GetFiles(directory, System.IO.Path.GetFileName(path) + ".*"))
                {
                    if (file.EndsWith(".meta", StringComparison.Ordinal)) continue;
                    return new TextAsset(System.IO.File.ReadAllText(file)) { name = System.IO.Path.GetFileName(path) };
                }
            }
            return null;
        }
    }

    /// <summary>The Unity console as seen by tests.</summary>
    public static class Console
    {
        private static readonly object _lock = new object();
        private static readonly List<(LogType Type, string Message)> _lines = new List<(LogType, string)>();

        public static int PlayerPrefsSaves;

        /// <summary>Echo lines to stderr (helpful when a test fails).</summary>
        public static bool Echo { get; set; }

        internal static void Write(LogType type, string message)
        {
            lock (_lock) _lines.Add((type, message));
            if (Echo) System.Console.Error.WriteLine($"[{type}] {message}");
        }

        public static IReadOnlyList<(LogType Type, string Message)> Lines
        {
            get
            {
                lock (_lock) return _lines.ToArray();
            }
        }

        public static void Clear()
        {
            lock (_lock) _lines.Clear();
        }
    }
}
