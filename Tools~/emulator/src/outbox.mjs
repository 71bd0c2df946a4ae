// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// The outbox replaces SMS and email delivery: every OTP, magic URL, recovery, verification and MFA message is kept
// here (newest last, served at GET /_emulator/messages) and printed on the console. Printing the codes is the whole
// point of the outbox; nothing else secret is ever printed.

const MAX_MESSAGES = 1000;

export class Outbox {
  /**
   * @param {{ quiet: boolean, log: (line: string) => void, now: () => number }} options
   */
  constructor(options) {
    this.options = options;
    /** @type {Array<Record<string, any>>} */
    this.messages = [];
  }

  /**
   * @param {{ channel: 'sms' | 'email', type: string, project: string, to: string, userId: string, secret: string, url?: string | null }} message
   */
  send(message) {
    const entry = {
      channel: message.channel,
      to: message.to,
      userId: message.userId,
      secret: message.secret,
      url: message.url ?? null,
      createdAt: new Date(this.options.now()).toISOString().replace('Z', '+00:00'),
      type: message.type,
      project: message.project,
    };
    this.messages.push(entry);
    if (this.messages.length > MAX_MESSAGES) this.messages.splice(0, this.messages.length - MAX_MESSAGES);
    if (!this.options.quiet) {
      const what = entry.url ? `${entry.url}` : `code ${entry.secret}`;
      this.options.log(`[outbox] ${entry.channel} to ${entry.to} (${entry.type}, user ${entry.userId}): ${what}`);
    }
    return entry;
  }

  /** Messages matching the optional filters, oldest first. */
  list(filter = {}) {
    return this.messages.filter((m) => Object.entries(filter).every(([k, v]) => v === undefined || v === null || v === '' || m[k] === v));
  }

  clear() {
    this.messages.length = 0;
  }
}
