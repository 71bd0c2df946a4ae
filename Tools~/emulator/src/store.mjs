// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// The emulator's state: projects with their users, and each user's sessions, tokens, identities, targets,
// authenticators and logs. Everything lives in memory; with a data directory the whole state is also written as a
// JSON snapshot after every change (see persistence.mjs). Secrets are kept only as sha256 digests and passwords as
// scrypt hashes, so a snapshot holds no usable credential.

import { createSnapshotWriter, loadSnapshot } from './persistence.mjs';
import { randomHex } from './util.mjs';

const LOG_CAP = 2000; // newest logs kept per user, so long benchmarks do not grow memory without bound

/**
 * @typedef {object} Session
 * @property {string} $id
 * @property {number} $createdAt
 * @property {number} $updatedAt
 * @property {string} userId
 * @property {number} expire
 * @property {string} provider
 * @property {string} providerUid
 * @property {string} providerAccessToken
 * @property {number | null} providerAccessTokenExpiry
 * @property {string} providerRefreshToken
 * @property {string} ip
 * @property {string[]} factors
 * @property {string} secretHash
 * @property {number | null} mfaUpdatedAt
 * @property {Record<string, string>} device os/client/device fields of the user agent
 *
 * @typedef {object} Token
 * @property {string} $id
 * @property {number} $createdAt
 * @property {string} userId
 * @property {string} type magic-url | email | phone | oauth2 | recovery | verification | phone-verification
 * @property {string} secretHash
 * @property {number} expire
 * @property {string} [provider] for oauth2 tokens
 *
 * @typedef {object} User
 * @property {string} $id
 * @property {number} $createdAt
 * @property {number} $updatedAt
 * @property {string | null} name
 * @property {string | null} email
 * @property {string | null} phone
 * @property {string | null} passwordHash
 * @property {number | null} passwordUpdate
 * @property {number} registration
 * @property {boolean} status
 * @property {string[]} labels
 * @property {boolean} emailVerification
 * @property {boolean} phoneVerification
 * @property {boolean} mfa
 * @property {Record<string, unknown>} prefs
 * @property {number} accessedAt
 * @property {Record<string, unknown> | null} emailMeta
 * @property {string[]} mfaRecoveryCodes
 * @property {Session[]} sessions oldest first
 * @property {Token[]} tokens
 * @property {any[]} identities
 * @property {any[]} targets
 * @property {any[]} authenticators
 * @property {any[]} logs newest last
 */

export class ProjectState {
  /** @param {string} id */
  constructor(id) {
    this.id = id;
    /** @type {Map<string, User>} */
    this.users = new Map();
    /** @type {Map<string, string>} email → userId */
    this.byEmail = new Map();
    /** @type {Map<string, string>} phone → userId */
    this.byPhone = new Map();
    /** @type {Map<string, string>} targetId → userId */
    this.targets = new Map();
    /** @type {Map<string, string>} target identifier → targetId (identifiers are unique per project) */
    this.targetIdentifiers = new Map();
    /** @type {Map<string, string>} identityId → userId */
    this.identities = new Map();
    /** @type {Map<string, Set<string>>} identity providerEmail → ids of the users holding such an identity */
    this.identityEmails = new Map();
    /** @type {Map<string, any>} challengeId → challenge */
    this.challenges = new Map();
  }

  /** @param {User} user */
  addUser(user) {
    this.users.set(user.$id, user);
    if (user.email) this.byEmail.set(user.email, user.$id);
    if (user.phone) this.byPhone.set(user.phone, user.$id);
    for (const target of user.targets) this.indexTarget(target);
    for (const identity of user.identities) this.indexIdentity(identity);
  }

  /** @param {any} identity */
  indexIdentity(identity) {
    this.identities.set(identity.$id, identity.userId);
    if (!identity.providerEmail) return;
    let owners = this.identityEmails.get(identity.providerEmail);
    if (!owners) this.identityEmails.set(identity.providerEmail, (owners = new Set()));
    owners.add(identity.userId);
  }

  /** @param {any} user @param {any} identity */
  removeIdentity(user, identity) {
    user.identities = user.identities.filter((i) => i !== identity);
    this.identities.delete(identity.$id);
    const owners = this.identityEmails.get(identity.providerEmail);
    if (owners && !user.identities.some((i) => i.providerEmail === identity.providerEmail)) owners.delete(user.$id);
  }

  /** Whether a user other than `exceptUserId` holds an identity with this provider email. */
  identityEmailTaken(email, exceptUserId = '') {
    const owners = this.identityEmails.get(email);
    return Boolean(owners && [...owners].some((id) => id !== exceptUserId));
  }

  userByEmail(email) {
    const id = this.byEmail.get(email);
    return id === undefined ? undefined : this.users.get(id);
  }

  userByPhone(phone) {
    const id = this.byPhone.get(phone);
    return id === undefined ? undefined : this.users.get(id);
  }

  /** Changes a user's email, keeping the index in step. */
  setEmail(user, email) {
    if (user.email && this.byEmail.get(user.email) === user.$id) this.byEmail.delete(user.email);
    user.email = email;
    if (email) this.byEmail.set(email, user.$id);
  }

  setPhone(user, phone) {
    if (user.phone && this.byPhone.get(user.phone) === user.$id) this.byPhone.delete(user.phone);
    user.phone = phone;
    if (phone) this.byPhone.set(phone, user.$id);
  }

  indexTarget(target) {
    this.targets.set(target.$id, target.userId);
    this.targetIdentifiers.set(target.identifier, target.$id);
  }

  unindexTarget(target) {
    this.targets.delete(target.$id);
    if (this.targetIdentifiers.get(target.identifier) === target.$id) this.targetIdentifiers.delete(target.identifier);
  }

  /** Appends a log entry, keeping the newest LOG_CAP. */
  addLog(user, entry) {
    user.logs.push(entry);
    if (user.logs.length > LOG_CAP) user.logs.splice(0, user.logs.length - LOG_CAP);
  }

  toJSON() {
    return { id: this.id, users: [...this.users.values()], challenges: [...this.challenges.values()] };
  }

  static fromJSON(data) {
    const project = new ProjectState(String(data.id));
    for (const user of data.users ?? []) project.addUser(user);
    for (const challenge of data.challenges ?? []) project.challenges.set(challenge.$id, challenge);
    return project;
  }
}

export class Store {
  /**
   * @param {{ projects: string[], dataDir?: string, warn: (message: string) => void }} options
   */
  constructor(options) {
    /** @type {Map<string, ProjectState>} */
    this.projects = new Map();
    /** HS256 key of the JWTs; persisted so JWTs survive a restart with `--data`. */
    this.jwtKey = randomHex(32);
    this.writer = null;
    if (options.dataDir) {
      const data = loadSnapshot(options.dataDir, options.warn);
      if (data && data.version === 1) {
        if (typeof data.jwtKey === 'string') this.jwtKey = data.jwtKey;
        for (const p of data.projects ?? []) this.projects.set(String(p.id), ProjectState.fromJSON(p));
      }
      this.writer = createSnapshotWriter(options.dataDir, () => this.toJSON(), options.warn);
    }
    for (const id of options.projects) if (!this.projects.has(id)) this.projects.set(id, new ProjectState(id));
    if (this.writer) this.writer.changed();
  }

  /** Records that the state changed (schedules a snapshot when persisting). */
  changed() {
    this.writer?.changed();
  }

  async flush() {
    await this.writer?.flush();
  }

  toJSON() {
    return { version: 1, jwtKey: this.jwtKey, projects: [...this.projects.values()].map((p) => p.toJSON()) };
  }
}
