// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// The public API: the TypeScript SDK (Web SDK style) and the bridge exports the C# shell calls. Everything not
// listed here is internal.

export { Client, SDK_VERSION } from './core/client.js';
export type { ClientOptions, CallOptions } from './core/client.js';
export type { ClientEvents, SessionChangedEvent, SessionStatus, StateChangedEvent, SignedInEvent, SignedOutEvent, ErrorEvent, RequestEvent } from './core/events.js';
export { AbortHandle } from './core/abort.js';
export type { AbortSignalLike } from './core/abort.js';
export type { Transport, TransportRequest, TransportResponse } from './core/transport.js';
export { TransportError } from './core/transport.js';
export { MemoryStorage } from './core/storage.js';
export type { KeyValueStorage, WebStorageLike } from './core/storage.js';
export type { Host, HostCallable } from './core/host.js';
export { defaultRetryPolicy } from './core/retry.js';
export type { RetryPolicy, RetryInfo } from './core/retry.js';
export { AppwriteException, ErrorType, isAppwriteException } from './errors/appwrite-exception.js';
export type { AppwriteExceptionData, RateLimitInfo } from './errors/appwrite-exception.js';
export { Account } from './services/account.js';
export { Realtime } from './services/realtime.js';
export { Channel, eventModel, reconnectDelay } from './realtime/types.js';
export type { RealtimeEvent, RealtimeEvents, RealtimeOptions, RealtimeSubscription, AccountEventPayload, AccountChannel, AccountModel } from './realtime/types.js';
export type { WebSocketLike, WebSocketConstructor } from './core/websocket.js';
export { ID } from './utils/id.js';
export { Query } from './utils/query.js';
export { OAuthProvider, AuthenticatorType, AuthenticationFactor } from './enums/index.js';
export type * as Models from './generated/models.gen.js';
export { bridgeVersion, createClient, configure, invoke, cancel, disposeClient, subscribe, updateSubscription, unsubscribe } from './bridge/index.js';
