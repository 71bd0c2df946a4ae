// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Appwrite;
using Appwrite.Internal;

namespace Playloom.Appwrite.Ring
{
    /// <summary>
    /// The script runtime of the .NET test ring: the real bundle in a Node child process (NodeHost/host.mjs), driven
    /// through the same <see cref="IScriptRuntime"/> seam as Puerts. Like Puerts, it calls C# (callbacks and host
    /// members) only on the main thread: messages read from Node are posted to the SynchronizationContext of the
    /// thread that created the client or started the call. Protocol: NodeHost/PROTOCOL.md.
    /// </summary>
    internal sealed class NodeProcessRuntime : IScriptRuntime, IDisposable
    {
        private static readonly TimeSpan _syncTimeout = TimeSpan.FromSeconds(30);

        private readonly Process _process;
        private readonly StreamWriter _stdin;
        private readonly object _writeLock = new object();
        private readonly Thread _reader;
        private readonly ConcurrentDictionary<long, Waiter> _calls = new ConcurrentDictionary<long, Waiter>();
        private readonly ConcurrentQueue<Action> _urgent = new ConcurrentQueue<Action>();
        private readonly AutoResetEvent _wake = new AutoResetEvent(false);
        private readonly ConcurrentDictionary<string, HostEntry> _hosts = new ConcurrentDictionary<string, HostEntry>();
        private readonly ConcurrentDictionary<string, CallbackEntry> _callbacks = new ConcurrentDictionary<string, CallbackEntry>();
        // (handle, subscriptionId) → the IDs of its onEvent and onReady callbacks, dropped by Unsubscribe.
        private readonly ConcurrentDictionary<string, (string OnEvent, string OnReady)> _subscriptions = new ConcurrentDictionary<string, (string, string)>();
        private readonly ManualResetEventSlim _hello = new ManualResetEventSlim();
        private readonly StringBuilder _stderr = new StringBuilder();
        private Dictionary<string, object?>? _helloMessage;
        private long _seq;
        private long _nextId;
        private volatile bool _exited;

        private NodeProcessRuntime(Process process)
        {
            _process = process;
            _stdin = process.StandardInput;
            _stdin.AutoFlush = false;
            _reader = new Thread(ReadLoop) { IsBackground = true, Name = "node-host-reader" };
        }

        public string BridgeVersion { get; private set; } = "";

        /// <summary>Lines Node wrote to stderr (bounded), for failure messages.</summary>
        public string StandardError
        {
            get
            {
                lock (_stderr) return _stderr.ToString();
            }
        }

        public bool HasExited => _exited;

        /// <summary>Messages exchanged, for the protocol tests and the benchmark.</summary>
        public long MessagesSent;

        public long MessagesReceived;

        /// <summary>Starts Node with the package's bundle (or <paramref name="bundlePath"/>) and checks the bridge exports.</summary>
        /// <param name="bundlePath">Another bundle file; null for the package's.</param>
        /// <param name="classic">The file is the bundle as a classic script (ClassicBundle.Wrap, as WebGL players run it).</param>
        /// <exception cref="AppwriteException">Node is missing, the bundle does not load, or an export is missing.</exception>
        public static NodeProcessRuntime Start(string? bundlePath = null, bool classic = false)
        {
            var root = PackagePaths.Root;
            var info = new ProcessStartInfo("node")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                CreateNoWindow = true,
                StandardOutputEncoding = new UTF8Encoding(false),
                StandardErrorEncoding = new UTF8Encoding(false),
                StandardInputEncoding = new UTF8Encoding(false),
                WorkingDirectory = root,
            };
            info.ArgumentList.Add(Path.Combine(root, "Tests", "DotNet~", "NodeHost", "host.mjs"));
            info.ArgumentList.Add(bundlePath ?? PackagePaths.Bundle);
            if (classic) info.ArgumentList.Add("--classic");
            Process process;
            try
            {
                process = Process.Start(info) ?? throw new InvalidOperationException("Process.Start returned null");
            }
            catch (Exception e)
            {
                throw new AppwriteException("The test ring needs Node.js 20+ on PATH to run the bundle: " + e.Message, 0, AppwriteErrorType.BridgeError, innerException: e);
            }
            var runtime = new NodeProcessRuntime(process);
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data == null) return;
                lock (runtime._stderr)
                {
                    if (runtime._stderr.Length < 64 * 1024) runtime._stderr.AppendLine(e.Data);
                }
            };
            process.BeginErrorReadLine();
            runtime._reader.Start();
            try
            {
                runtime.CheckHello();
            }
            catch
            {
                runtime.Dispose();
                throw;
            }
            return runtime;
        }

        private void CheckHello()
        {
            if (!_hello.Wait(TimeSpan.FromSeconds(30)) || _helloMessage == null)
            {
                throw new AppwriteException("The Node script host did not start: " + StandardError, 0, AppwriteErrorType.BridgeError);
            }
            if (_helloMessage.GetString("error") is string error) throw new AppwriteException("The Node script host could not load the bundle: " + error, 0, AppwriteErrorType.BridgeError);
            BridgeVersion = _helloMessage.GetString("bridgeVersion") ?? "";
            BridgeContract.CheckVersion(BridgeVersion);
            var exports = (_helloMessage.TryGetValue("exports", out var list) ? list as List<object?> : null)?.OfType<string>().ToList() ?? new List<string>();
            foreach (var name in BridgeContract.FunctionExports)
            {
                if (!exports.Contains(name)) throw BridgeContract.MissingExport(name);
            }
        }

        // ------------------------------------------------------------------------------------------ IScriptRuntime

        public string CreateClient(string configJson, BridgeHost host)
        {
            var hostId = "H" + Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _hosts[hostId] = new HostEntry(host, SynchronizationContext.Current);
            return CallSync("createClient", json => json.String(configJson).BeginObject().Name("$host").String(hostId).EndObject());
        }

        public string Configure(string handle, string key, string value) =>
            CallSync("configure", json => json.String(handle).String(key).String(value));

        public void Invoke(string handle, string callId, string service, string method, string argsJson, Action<string> resolve, Action<string> reject)
        {
            var context = SynchronizationContext.Current;
            var resolveId = "k" + Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var rejectId = "k" + Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _callbacks[resolveId] = new CallbackEntry(resolve, context, rejectId, false);
            _callbacks[rejectId] = new CallbackEntry(reject, context, resolveId, true);
            if (_exited)
            {
                Exited(rejectId);
                return;
            }
            Send(new JsonWriter().BeginObject().Name("t").String("invoke")
                .Name("args").BeginArray().String(handle).String(callId).String(service).String(method).String(argsJson).EndArray()
                .Name("resolve").String(resolveId).Name("reject").String(rejectId).EndObject().ToString());
        }

        public void Cancel(string handle, string callId) =>
            Send(new JsonWriter().BeginObject().Name("t").String("cancel").Name("args").BeginArray().String(handle).String(callId).EndArray().EndObject().ToString());

        public void DisposeClient(string handle)
        {
            Send(new JsonWriter().BeginObject().Name("t").String("dispose").Name("args").BeginArray().String(handle).EndArray().EndObject().ToString());
            // The core forgets the client's subscriptions with it.
            foreach (var key in _subscriptions.Keys)
            {
                if (key.StartsWith(handle + "\n", StringComparison.Ordinal) && _subscriptions.TryRemove(key, out var ids)) ForgetCallbacks(ids);
            }
        }

        public string Subscribe(string handle, string subscriptionId, string channelsJson, string queriesJson, Action<string> onEvent, Action<string> onReady)
        {
            var context = SynchronizationContext.Current;
            var eventId = "k" + Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var readyId = "k" + Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
            // onEvent is called once per event until Unsubscribe; onReady once.
            _callbacks[eventId] = new CallbackEntry(onEvent, context, "", false, persistent: true);
            _callbacks[readyId] = new CallbackEntry(onReady, context, "", false);
            var result = CallSync("subscribe", json => json.String(handle).String(subscriptionId).String(channelsJson).String(queriesJson)
                .BeginObject().Name("$cb").String(eventId).EndObject().BeginObject().Name("$cb").String(readyId).EndObject());
            if (result.StartsWith("{", StringComparison.Ordinal)) ForgetCallbacks((eventId, readyId));
            else _subscriptions[handle + "\n" + subscriptionId] = (eventId, readyId);
            return result;
        }

        public string UpdateSubscription(string handle, string subscriptionId, string channelsJson, string queriesJson) =>
            CallSync("updateSubscription", json => json.String(handle).String(subscriptionId).String(channelsJson).String(queriesJson));

        public string Unsubscribe(string handle, string subscriptionId)
        {
            var result = CallSync("unsubscribe", json => json.String(handle).String(subscriptionId));
            if (_subscriptions.TryRemove(handle + "\n" + subscriptionId, out var ids)) ForgetCallbacks(ids);
            return result;
        }

        /// <summary>Live callbacks on the C# side and JavaScript functions held by Node (leak checks).</summary>
        public (int CSharpCallbacks, int NodeFunctions, int NodeKeptFunctions) Stats()
        {
            var stats = JsonReader.TryParseObject(CallSync("stats", _ => { }));
            return (_callbacks.Count, (int)(stats?.GetNumber("functions") ?? -1), (int)(stats?.GetNumber("kept") ?? -1));
        }

        private void ForgetCallbacks((string OnEvent, string OnReady) ids)
        {
            _callbacks.TryRemove(ids.OnEvent, out _);
            _callbacks.TryRemove(ids.OnReady, out _);
        }

        /// <summary>Kills Node, as a crash would (tests of the failure path).</summary>
        public void Kill()
        {
            try
            {
                _process.Kill(true);
            }
            catch (InvalidOperationException)
            {
            }
            _reader.Join(TimeSpan.FromSeconds(10));
        }

        public void Dispose()
        {
            try
            {
                lock (_writeLock) _stdin.Close();
            }
            catch (IOException)
            {
            }
            if (!_process.WaitForExit(5000)) Kill();
            _reader.Join(TimeSpan.FromSeconds(5));
            _process.Dispose();
        }

        // ------------------------------------------------------------------------------------------ sending

        private string CallSync(string fn, Action<JsonWriter> writeArgs)
        {
            var seq = Interlocked.Increment(ref _seq);
            var waiter = new Waiter();
            _calls[seq] = waiter;
            var json = new JsonWriter().BeginObject().Name("t").String("call").Name("seq").Number(seq).Name("fn").String(fn).Name("args").BeginArray();
            writeArgs(json);
            Send(json.EndArray().EndObject().ToString());
            var clock = Stopwatch.StartNew();
            try
            {
                // While Node runs the export it may call storageGet/storageSet synchronously: answer those here.
                while (!waiter.Done)
                {
                    DrainUrgent();
                    if (waiter.Done) break;
                    if (_exited) throw new AppwriteException($"The Node script host exited during {fn}: {StandardError}", 0, AppwriteErrorType.BridgeError);
                    if (clock.Elapsed > _syncTimeout) throw new AppwriteException($"The Node script host did not answer {fn} within {_syncTimeout.TotalSeconds} s.", 0, AppwriteErrorType.BridgeError);
                    _wake.WaitOne(20);
                }
            }
            finally
            {
                _calls.TryRemove(seq, out _);
            }
            return waiter.Value ?? "";
        }

        private void Send(string line)
        {
            lock (_writeLock)
            {
                if (_exited) return;
                try
                {
                    _stdin.Write(line);
                    _stdin.Write('\n');
                    _stdin.Flush();
                    MessagesSent++;
                }
                catch (IOException)
                {
                    // Node is gone; the reader thread reports it to every pending call.
                }
                catch (ObjectDisposedException)
                {
                }
            }
        }

        private void DrainUrgent()
        {
            while (_urgent.TryDequeue(out var action)) action();
        }

        // ------------------------------------------------------------------------------------------ receiving

        private void ReadLoop()
        {
            var stdout = _process.StandardOutput;
            try
            {
                string? line;
                while ((line = stdout.ReadLine()) != null)
                {
                    Interlocked.Increment(ref MessagesReceived);
                    try
                    {
                        Dispatch(line);
                    }
                    catch (Exception e)
                    {
                        lock (_stderr) _stderr.AppendLine("ring: cannot handle a message from Node: " + e.Message);
                    }
                }
            }
            catch (IOException)
            {
            }
            _exited = true;
            _hello.Set();
            _wake.Set();
            foreach (var pair in _callbacks)
            {
                if (pair.Value.IsReject) Exited(pair.Key);
            }
        }

        private void Dispatch(string line)
        {
            var message = JsonReader.Parse(line) as Dictionary<string, object?> ?? throw new FormatException("not an object");
            var args = message.TryGetValue("args", out var rawArgs) ? rawArgs as List<object?> ?? new List<object?>() : new List<object?>();
            switch (message.GetString("t"))
            {
                case "hello":
                    _helloMessage = message;
                    _hello.Set();
                    break;
                case "ret":
                    if (_calls.TryGetValue((long)(message.GetNumber("seq") ?? -1), out var waiter)) waiter.Complete(message.GetString("value"));
                    _wake.Set();
                    break;
                case "cb":
                {
                    var id = message.GetString("id") ?? "";
                    if (!_callbacks.TryGetValue(id, out var entry)) break;
                    if (!entry.Persistent)
                    {
                        _callbacks.TryRemove(id, out _);
                        _callbacks.TryRemove(entry.PartnerId, out _);
                    }
                    var text = args.Count > 0 ? args[0] as string ?? "" : "";
                    Post(entry.Context, () => entry.Action(text));
                    break;
                }
                case "host":
                {
                    if (!_hosts.TryGetValue(message.GetString("host") ?? "", out var host)) break;
                    var member = message.GetString("member") ?? "";
                    if (message.GetBool("sync") == true)
                    {
                        var seq = (long)(message.GetNumber("seq") ?? 0);
                        _urgent.Enqueue(() => AnswerSync(host, seq, member, args));
                        _wake.Set();
                        Post(host.Context, DrainUrgent);
                    }
                    else
                    {
                        Post(host.Context, () => CallHost(host.Host, member, args));
                    }
                    break;
                }
            }
        }

        private void AnswerSync(HostEntry host, long seq, string member, List<object?> args)
        {
            var reply = new JsonWriter().BeginObject().Name("t").String("reply").Name("seq").Number(seq);
            try
            {
                var key = args.Count > 0 ? args[0] as string ?? "" : "";
                if (member == "storageGet")
                {
                    reply.Name("value").String(host.Host.storageGet(key));
                }
                else if (member == "storageSet")
                {
                    host.Host.storageSet(key, args.Count > 1 ? args[1] as string ?? "" : "");
                    reply.Name("value").String("");
                }
                else
                {
                    reply.Name("error").String("unknown synchronous host member " + member);
                }
            }
            catch (Exception e)
            {
                reply.Name("error").String(e.Message);
            }
            Send(reply.EndObject().ToString());
        }

        private void CallHost(BridgeHost host, string member, List<object?> args)
        {
            string Arg(int i) => args.Count > i ? args[i] as string ?? "" : "";
            switch (member)
            {
                case "http":
                {
                    var token = args.Count > 1 ? args[1] as Dictionary<string, object?> : null;
                    var fnId = token?.GetString("$fn") ?? "";
                    host.http(Arg(0), response => Send(new JsonWriter().BeginObject().Name("t").String("fn").Name("id").String(fnId)
                        .Name("args").BeginArray().String(response).EndArray().EndObject().ToString()));
                    break;
                }
                case "httpAbort": host.httpAbort(Arg(0)); break;
                case "emit": host.emit(Arg(0), Arg(1)); break;
                case "log": host.log(Arg(0), Arg(1)); break;
                case "wsOpen":
                {
                    // The real C# socket; its events travel back to the core's onEvent function in Node.
                    var token = args.Count > 3 ? args[3] as Dictionary<string, object?> : null;
                    var fnId = token?.GetString("$fn") ?? "";
                    host.wsOpen(Arg(0), Arg(1), Arg(2), eventJson => Send(new JsonWriter().BeginObject().Name("t").String("fn").Name("id").String(fnId)
                        .Name("args").BeginArray().String(eventJson).EndArray().EndObject().ToString()));
                    break;
                }
                case "wsSend": host.wsSend(Arg(0), Arg(1)); break;
                case "wsClose": host.wsClose(Arg(0), Arg(1), Arg(2)); break;
            }
        }

        private void Exited(string rejectId)
        {
            if (!_callbacks.TryRemove(rejectId, out var entry)) return;
            _callbacks.TryRemove(entry.PartnerId, out _);
            var error = new JsonWriter().BeginObject().Name("name").String("AppwriteException")
                .Name("message").String("The Node script host exited before the call completed.")
                .Name("code").Number(0).Name("type").String(AppwriteErrorType.BridgeError).Name("response").String("").EndObject().ToString();
            Post(entry.Context, () => entry.Action(error));
        }

        private static void Post(SynchronizationContext? context, Action action)
        {
            if (context == null) action();
            else context.Post(_ => action(), null);
        }

        private sealed class Waiter
        {
            private volatile bool _done;

            public bool Done => _done;

            public string? Value { get; private set; }

            public void Complete(string? value)
            {
                Value = value;
                _done = true;
            }
        }

        private sealed class HostEntry
        {
            public HostEntry(BridgeHost host, SynchronizationContext? context)
            {
                Host = host;
                Context = context;
            }

            public BridgeHost Host { get; }

            public SynchronizationContext? Context { get; }
        }

        private sealed class CallbackEntry
        {
            public CallbackEntry(Action<string> action, SynchronizationContext? context, string partnerId, bool isReject, bool persistent = false)
            {
                Action = action;
                Context = context;
                PartnerId = partnerId;
                IsReject = isReject;
                Persistent = persistent;
            }

            /// <summary>Called many times (subscribe's onEvent) until forgotten explicitly.</summary>
            public bool Persistent { get; }

            public Action<string> Action { get; }

            public SynchronizationContext? Context { get; }

            public string PartnerId { get; }

            public bool IsReject { get; }
        }
    }
}
