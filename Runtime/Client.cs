// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Appwrite.Internal;
using Appwrite.Services;
using UnityEngine;
using UnityEngine.Events;

namespace Appwrite
{
    /// <summary>
    /// Connects the game to an Appwrite project: configuration, the player's session, and the services
    /// (<see cref="Account"/>). Add it with <c>gameObject.AddComponent&lt;Client&gt;()</c>, set the endpoint and project
    /// (or let Project Settings supply them), then await <c>client.Account.*Async</c> calls.
    /// </summary>
    /// <remarks>
    /// Awaited results, errors and events arrive on the Unity main thread. Destroying the component cancels its calls in
    /// flight. The session is kept in <see cref="Storage"/> (PlayerPrefs by default) and restored by the next client
    /// for the same project and endpoint.
    /// </remarks>
    /// <example><code>
    /// var client = gameObject.AddComponent&lt;Client&gt;()
    ///     .SetEndpoint("https://&lt;REGION&gt;.cloud.appwrite.io/v1")
    ///     .SetProject("&lt;PROJECT_ID&gt;");
    /// var token = await client.Account.CreatePhoneTokenAsync(userId: ID.Unique(), phone: "+14155550123");
    /// </code></example>
    [AddComponentMenu("Appwrite/Appwrite Client")]
    public sealed partial class Client : MonoBehaviour
    {
        [SerializeField] private AppwriteLogLevel _logLevel = AppwriteLogLevel.Warn;
        [SerializeField] private UnityEvent<bool> _onSessionChanged = new UnityEvent<bool>();
        [SerializeField] private UnityEvent<string> _onSignedIn = new UnityEvent<string>();
        [SerializeField] private UnityEvent<string> _onSignedOut = new UnityEvent<string>();
        [SerializeField] private UnityEvent<string> _onError = new UnityEvent<string>();
        [SerializeField] private UnityEvent<SessionState> _onStateChanged = new UnityEvent<SessionState>();
        [SerializeField] private UnityEvent _onRealtimeConnected = new UnityEvent();
        [SerializeField] private UnityEvent<string> _onRealtimeDisconnected = new UnityEvent<string>();
        [SerializeField] private UnityEvent<string> _onRealtimeError = new UnityEvent<string>();

        // Values from the setters, in call order; they win over the Project Settings environment.
        private readonly List<KeyValuePair<string, string>> _config = new List<KeyValuePair<string, string>>();
        private ClientCore? _core;
        private Account? _account;
        private Realtime? _realtime;
        private BridgeHost? _host;
        private MainThread? _mainThread;
        private bool _destroyed;
        private SessionState _state = SessionState.SignedOut;

        /// <summary>The player's session changed (signed in, signed out, or another user). Raised on the main thread.</summary>
        public event Action<SessionChangedEventArgs>? SessionChanged;

        /// <summary>A sign-in call succeeded. Raised on the main thread, before the awaited call returns.</summary>
        public event Action<SignedInEventArgs>? SignedIn;

        /// <summary>The session ended: a sign-out call, or the server cleared it. Raised on the main thread.</summary>
        public event Action<SignedOutEventArgs>? SignedOut;

        /// <summary>A call failed (after retries). Raised on the main thread, before the awaited call throws.</summary>
        public event Action<AppwriteErrorEventArgs>? Error;

        /// <summary>The session state moved (restoring, signed in, signed out, offline). Raised on the main thread.</summary>
        public event Action<StateChangedEventArgs>? StateChanged;

        /// <summary>A call is about to be retried after a transient failure. Raised on the main thread.</summary>
        public event Action<RetryEventArgs>? Retrying;

        /// <summary>
        /// Where the session stands, as last reported by the core: <see cref="SessionState.Offline"/> keeps the session
        /// while the server is out of reach. Call <see cref="RestoreSessionAsync"/> at startup to learn it.
        /// </summary>
        public SessionState State => _state;

        /// <summary>Inspector event: the session state moved; the argument is the new state.</summary>
        public UnityEvent<SessionState> OnStateChanged => _onStateChanged;

        /// <summary>Inspector event: the session changed; the argument is whether a player is signed in.</summary>
        public UnityEvent<bool> OnSessionChanged => _onSessionChanged;

        /// <summary>Inspector event: a player signed in; the argument is the user ID.</summary>
        public UnityEvent<string> OnSignedIn => _onSignedIn;

        /// <summary>Inspector event: the player signed out; the argument is the user ID (empty when unknown).</summary>
        public UnityEvent<string> OnSignedOut => _onSignedOut;

        /// <summary>Inspector event: a call failed; the argument is the error message.</summary>
        public UnityEvent<string> OnError => _onError;

        /// <summary>The Account service of this client.</summary>
        public Account Account => _account ??= new Account(this);

        /// <summary>The Realtime service of this client: live account events (<c>client.Realtime.Subscribe(Channel.Account(), e => ...)</c>).</summary>
        public Realtime Realtime => _realtime ??= new Realtime(this);

        /// <summary>Inspector event: the realtime connection is up (see <see cref="Services.Realtime.Connected"/>).</summary>
        public UnityEvent OnRealtimeConnected => _onRealtimeConnected;

        /// <summary>Inspector event: the realtime connection is gone; the argument is the reason (see <see cref="Services.Realtime.Disconnected"/>).</summary>
        public UnityEvent<string> OnRealtimeDisconnected => _onRealtimeDisconnected;

        /// <summary>Inspector event: a realtime problem; the argument is the message (see <see cref="Services.Realtime.Error"/>).</summary>
        public UnityEvent<string> OnRealtimeError => _onRealtimeError;

        /// <summary>How much the SDK writes to the console. Secrets are always redacted.</summary>
        public AppwriteLogLevel LogLevel
        {
            get => _logLevel;
            set => _logLevel = value;
        }

        /// <summary>
        /// Where the session is kept between runs. Null (the default) means <see cref="PlayerPrefsKeyValueStore"/>;
        /// assign a secure store before the first call to keep sessions out of PlayerPrefs.
        /// </summary>
        public IKeyValueStore? Storage { get; set; }

        /// <summary>Sets the API endpoint, e.g. <c>https://&lt;REGION&gt;.cloud.appwrite.io/v1</c>; the realtime one follows.</summary>
        /// <param name="endpoint">An http:// or https:// URL ending in <c>/v1</c>.</param>
        /// <returns>This client, for chaining.</returns>
        /// <exception cref="AppwriteException">The URL is not http(s) (type <c>general_argument_invalid</c>).</exception>
        public Client SetEndpoint(string endpoint) => Set("endpoint", endpoint);

        /// <summary>Sets the realtime endpoint when it differs from the one derived from the API endpoint.</summary>
        /// <param name="endpointRealtime">A ws:// or wss:// URL.</param>
        /// <returns>This client, for chaining.</returns>
        /// <exception cref="AppwriteException">The URL is not ws(s) (type <c>general_argument_invalid</c>).</exception>
        public Client SetEndpointRealtime(string endpointRealtime) => Set("endpointRealtime", endpointRealtime);

        /// <summary>Sets the project ID (Console → Settings), sent as <c>X-Appwrite-Project</c>.</summary>
        /// <param name="project">The project ID.</param>
        /// <returns>This client, for chaining.</returns>
        public Client SetProject(string project) => Set("project", project);

        /// <summary>Authenticates as a user with a JWT (<c>X-Appwrite-JWT</c>); an empty string removes it. JWTs are never stored.</summary>
        /// <param name="jwt">The JWT from <c>CreateJWTAsync</c>.</param>
        /// <returns>This client, for chaining.</returns>
        public Client SetJWT(string jwt) => SetSecret("jwt", jwt);

        /// <summary>Sets the locale of server messages (<c>X-Appwrite-Locale</c>), e.g. <c>en</c>; an empty string removes it.</summary>
        /// <param name="locale">The locale code.</param>
        /// <returns>This client, for chaining.</returns>
        public Client SetLocale(string locale) => Set("locale", locale);

        /// <summary>Authenticates with a session secret (<c>X-Appwrite-Session</c>); an empty string removes it.</summary>
        /// <param name="session">The session cookie value (base64).</param>
        /// <returns>This client, for chaining.</returns>
        public Client SetSession(string session) => SetSecret("session", session);

        /// <summary>Sets a dev key (<c>X-Appwrite-Dev-Key</c>) that lifts rate limits while developing; an empty string removes it.</summary>
        /// <param name="devKey">The dev key. Never ship one in a release build.</param>
        /// <returns>This client, for chaining.</returns>
        public Client SetDevKey(string devKey) => SetSecret("devKey", devKey);

        /// <summary>Alias of <see cref="SetProject"/>, named after the header it sets.</summary>
        /// <param name="value">The project ID.</param>
        /// <returns>This client, for chaining.</returns>
        public Client SetXAppwriteProject(string value) => SetProject(value);

        /// <summary>Alias of <see cref="SetJWT"/>, named after the header it sets.</summary>
        /// <param name="value">The JWT.</param>
        /// <returns>This client, for chaining.</returns>
        public Client SetXAppwriteJWT(string value) => SetJWT(value);

        /// <summary>Alias of <see cref="SetLocale"/>, named after the header it sets.</summary>
        /// <param name="value">The locale code.</param>
        /// <returns>This client, for chaining.</returns>
        public Client SetXAppwriteLocale(string value) => SetLocale(value);

        /// <summary>Alias of <see cref="SetSession"/>, named after the header it sets.</summary>
        /// <param name="value">The session cookie value.</param>
        /// <returns>This client, for chaining.</returns>
        public Client SetXAppwriteSession(string value) => SetSession(value);

        /// <summary>Alias of <see cref="SetDevKey"/>, named after the header it sets.</summary>
        /// <param name="value">The dev key.</param>
        /// <returns>This client, for chaining.</returns>
        public Client SetXAppwriteDevKey(string value) => SetDevKey(value);

        /// <summary>Sets the deadline of every call, retries included (default 15 seconds).</summary>
        /// <param name="timeout">From 1 ms to 10 minutes.</param>
        /// <returns>This client, for chaining.</returns>
        /// <exception cref="AppwriteException">The timeout is out of range (type <c>general_argument_invalid</c>).</exception>
        public Client SetRequestTimeout(TimeSpan timeout) =>
            Set("timeoutMs", Math.Ceiling(timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));

        /// <summary>Checks that the endpoint answers for this project.</summary>
        /// <param name="cancellationToken">Cancels the call; the task then ends as cancelled.</param>
        /// <returns>The server's answer, <c>Pong!</c>.</returns>
        /// <exception cref="AppwriteException">Network, timeout or server errors.</exception>
        public Task<string> PingAsync(CancellationToken cancellationToken = default) =>
            InvokeAsync("client", "ping", BridgeArgs.None, ResultParsers.Text, cancellationToken);

        /// <summary>
        /// Checks the stored session with the server, e.g. at startup. A network failure, a timeout or a 5xx keeps the
        /// session (<see cref="SessionState.Offline"/>); a session the server rejects is forgotten
        /// (<see cref="SessionState.SignedOut"/>, <see cref="SignedOut"/> with reason <c>invalid</c>). Without a stored
        /// session nothing is sent. Concurrent calls share one check.
        /// </summary>
        /// <param name="cancellationToken">Cancels the check; the task then ends as cancelled.</param>
        /// <returns>The state after the check.</returns>
        public Task<SessionState> RestoreSessionAsync(CancellationToken cancellationToken = default) =>
            InvokeAsync("client", "restoreSession", BridgeArgs.None, text => ParseState(JsonReader.TryParseObject(text)?.GetString("state")), cancellationToken);

        /// <summary>
        /// A JWT for the signed-in player (e.g. for your game server): minted on first use and reused until a minute
        /// before it expires; never stored; concurrent callers share one request.
        /// </summary>
        /// <param name="cancellationToken">Cancels the call; the task then ends as cancelled.</param>
        /// <returns>The JWT. Treat it as a secret: never log it.</returns>
        /// <exception cref="AppwriteException">No session (the server's 401), network failures and timeouts.</exception>
        public Task<string> GetJWTAsync(CancellationToken cancellationToken = default) =>
            InvokeAsync("client", "getJWT", BridgeArgs.None, jwt => { Redactor.AddSecret(jwt); return jwt; }, cancellationToken);

        /// <summary>Changes the retry policy of every call of this client (see <see cref="RetryPolicy"/> for the defaults and the rules).</summary>
        /// <param name="policy">The changes; <see cref="RetryPolicy.None"/> turns retries off.</param>
        /// <returns>This client, for chaining.</returns>
        /// <exception cref="AppwriteException">A member out of range (type <c>general_argument_invalid</c>).</exception>
        public Client SetRetryPolicy(RetryPolicy policy) => Set("retry", (policy ?? throw new ArgumentNullException(nameof(policy))).ToJson());

        internal static SessionState ParseState(string? state) => state switch
        {
            "restoring" => SessionState.Restoring,
            "signedIn" => SessionState.SignedIn,
            "offline" => SessionState.Offline,
            _ => SessionState.SignedOut,
        };

        /// <summary>Calls a core method; the generated services go through here.</summary>
        internal Task<T> InvokeAsync<T>(string service, string method, string argsJson, Func<string, T> parse, CancellationToken cancellationToken)
        {
            if (cancellationToken.IsCancellationRequested) return Task.FromCanceled<T>(cancellationToken);
            if (_mainThread != null && !_mainThread.IsCurrent) return InvokeFromOtherThread(service, method, argsJson, parse, cancellationToken);
            try
            {
                return EnsureCore().InvokeAsync(service, method, argsJson, parse, cancellationToken);
            }
            catch (AppwriteException e)
            {
                return Task.FromException<T>(e);
            }
        }

        /// <summary>The live core handle, for tests.</summary>
        internal ClientCore? Core => _core;

        /// <summary>The host object handed to the core (its C# sockets), for tests.</summary>
        internal BridgeHost? Host => _host;

        /// <summary>Whether the caller is on the thread that runs the script core.</summary>
        internal bool IsOnMainThread => (_mainThread ??= MainThread.Capture()).IsCurrent;

        /// <summary>Runs the action now on the main thread, or posts it there.</summary>
        internal void RunOnMainThread(Action action) => (_mainThread ??= MainThread.Capture()).Run(action);

        /// <summary>The core handle for realtime calls (main thread), created if need be.</summary>
        /// <exception cref="AppwriteException">The client was destroyed, or no script runtime is installed.</exception>
        internal ClientCore CoreForRealtime() => EnsureCore();

        /// <summary>Sets the realtime heartbeat (default 20 s); read when the client's first subscription is made. Tests shorten it.</summary>
        internal Client SetRealtimeHeartbeat(TimeSpan interval) =>
            Set("realtimeHeartbeatMs", Math.Ceiling(interval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));

        /// <summary>The project calls use: the <see cref="SetProject"/> value, else the active settings environment's; "" when none.</summary>
        internal string ProjectId
        {
            get
            {
                var index = _config.FindLastIndex(pair => pair.Key == "project");
                if (index >= 0) return _config[index].Value;
                return AppwriteSettings.Load()?.Active?.ProjectId ?? "";
            }
        }

        private void Awake()
        {
            _mainThread ??= MainThread.Capture();
        }

        private void OnDestroy()
        {
            _destroyed = true;
            // Subscriptions stop first: no callback runs once the component is gone.
            _realtime?.ClientDestroyed();
            var core = _core;
            _core = null;
            core?.Dispose();
            // The core closed its socket in disposeClient; the host closes whatever is left and delivers nothing more.
            _host?.Dispose();
            _host = null;
        }

        private Client SetSecret(string key, string? value)
        {
            Redactor.AddSecret(value);
            return Set(key, value);
        }

        private Client Set(string key, string? value)
        {
            value ??= "";
            if (_destroyed) throw Destroyed();
            _mainThread ??= MainThread.Capture();
            if (!_mainThread.IsCurrent)
            {
                // The script runtime is main-thread only: apply later, report problems in the log.
                Record(key, value);
                _mainThread.Post(() => ApplyLater(key, value));
                return this;
            }
            if (_core == null && ScriptRuntimes.Available) EnsureCore();
            _core?.Configure(key, value);
            Record(key, value);
            return this;
        }

        private void ApplyLater(string key, string value)
        {
            try
            {
                if (_core == null && ScriptRuntimes.Available) EnsureCore();
                _core?.Configure(key, value);
            }
            catch (AppwriteException e)
            {
                Forget(key, value);
                AppwriteLog.Write(_logLevel, AppwriteLogLevel.Error, $"Set {key} failed: {e.Message}");
            }
        }

        private void Record(string key, string value)
        {
            _config.RemoveAll(pair => pair.Key == key);
            _config.Add(new KeyValuePair<string, string>(key, value));
        }

        private void Forget(string key, string value) => _config.RemoveAll(pair => pair.Key == key && pair.Value == value);

        private bool IsSet(string key) => _config.Exists(pair => pair.Key == key);

        private ClientCore EnsureCore()
        {
            if (_destroyed) throw Destroyed();
            if (_core != null) return _core;
            var runtime = ScriptRuntimes.Acquire();
            _mainThread ??= MainThread.Capture();
            var environment = AppwriteSettings.Load()?.Active;
            var host = new BridgeHost(_mainThread, () => HostDefaults.Http, () => Storage ?? HostDefaults.Storage, () => _logLevel, OnBridgeEvent);
            ClientCore core;
            try
            {
                core = ClientCore.Create(runtime, _mainThread, ConfigFrom(environment), host);
                _host = host;
            }
            catch (AppwriteException e) when (environment != null)
            {
                throw new AppwriteException($"The Appwrite settings environment '{environment.Name}' is invalid: {e.Message}", e.Code, e.Type, e.Response, e.RateLimit, e);
            }
            _core = core;
            // Setter values recorded before the runtime existed: apply each, drop the invalid ones, report the first.
            AppwriteException? first = null;
            foreach (var pair in _config.ToArray())
            {
                try
                {
                    core.Configure(pair.Key, pair.Value);
                }
                catch (AppwriteException e)
                {
                    Forget(pair.Key, pair.Value);
                    first ??= e;
                }
            }
            if (first != null) throw first;
            return core;
        }

        private string ConfigFrom(AppwriteEnvironment? environment)
        {
            var json = new JsonWriter().BeginObject();
            if (environment != null)
            {
                void Add(string key, string value)
                {
                    if (!string.IsNullOrEmpty(value) && !IsSet(key)) json.Name(key).String(value);
                }
                Add("endpoint", environment.Endpoint);
                Add("endpointRealtime", environment.EndpointRealtime);
                Add("project", environment.ProjectId);
                Add("locale", environment.Locale);
            }
            var devKey = IsSet("devKey") ? null : AppwriteSettings.DevKeyFor(environment);
            if (devKey != null)
            {
                Redactor.AddSecret(devKey);
                json.Name("devKey").String(devKey);
            }
            return json.EndObject().ToString();
        }

        private Task<T> InvokeFromOtherThread<T>(string service, string method, string argsJson, Func<string, T> parse, CancellationToken cancellationToken)
        {
            var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            _mainThread!.Post(() => InvokeAsync(service, method, argsJson, parse, cancellationToken).ContinueWith(task =>
            {
                if (task.IsCanceled) completion.TrySetCanceled(cancellationToken.IsCancellationRequested ? cancellationToken : default);
                else if (task.IsFaulted) completion.TrySetException(task.Exception!.InnerExceptions);
                else completion.TrySetResult(task.Result);
            }, TaskContinuationOptions.ExecuteSynchronously));
            return completion.Task;
        }

        private static AppwriteException Destroyed() =>
            new AppwriteException("This Appwrite client was destroyed; add a new Client component to make more calls.", 0, AppwriteErrorType.NotConfigured);
    }
}
