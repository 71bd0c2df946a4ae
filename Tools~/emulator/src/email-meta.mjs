// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// The account fields `emailCanonical`, `emailIsFree`, `emailIsDisposable`, `emailIsCorporate` and
// `emailIsCanonical`. The server derives them with utopia-php/emails and its lists of thousands of free and
// disposable domains; the emulator uses the same canonicalisation rules for the big providers and short lists of
// the best-known free and disposable domains. Any other domain counts as corporate.

const GMAIL = ['gmail.com', 'googlemail.com'];
const OUTLOOK = ['outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'passport.com', 'hotmail.co.uk', 'outlook.de', 'hotmail.de', 'hotmail.fr', 'outlook.fr'];
const YAHOO = ['yahoo.com', 'ymail.com', 'rocketmail.com', 'yahoo.co.uk', 'yahoo.fr', 'yahoo.de'];
const ICLOUD = ['icloud.com', 'me.com', 'mac.com'];
const PROTON = ['protonmail.com', 'proton.me', 'pm.me', 'protonmail.ch'];
const FASTMAIL = ['fastmail.com', 'fastmail.fm'];

const FREE = new Set([...GMAIL, ...OUTLOOK, ...YAHOO, ...ICLOUD, ...PROTON, ...FASTMAIL, 'aol.com', 'gmx.com', 'gmx.de', 'gmx.net', 'mail.com',
  'mail.ru', 'yandex.com', 'yandex.ru', 'zoho.com', 'web.de', 'qq.com', '163.com', '126.com', 'naver.com', 'hey.com', 'tutanota.com', 'walla.co.il']);
const DISPOSABLE = new Set(['mailinator.com', '10minutemail.com', 'guerrillamail.com', 'sharklasers.com', 'yopmail.com', 'temp-mail.org',
  'tempmail.com', 'throwawaymail.com', 'trashmail.com', 'getnada.com', 'dispostable.com', 'maildrop.cc', 'mintemail.com', 'fakeinbox.com']);

/**
 * @param {string} address a validated, lowercased email address
 * @returns {{ emailCanonical: string, emailIsFree: boolean, emailIsDisposable: boolean, emailIsCorporate: boolean, emailIsCanonical: boolean }}
 */
export function emailMetadata(address) {
  const at = address.lastIndexOf('@');
  let local = address.slice(0, at).toLowerCase();
  let domain = address.slice(at + 1).toLowerCase();
  const dropTag = (separator) => (local = local.split(separator)[0]);
  if (GMAIL.includes(domain)) {
    dropTag('+');
    local = local.replaceAll('.', '');
    domain = 'gmail.com';
  } else if (OUTLOOK.includes(domain)) {
    dropTag('+');
    domain = 'outlook.com';
  } else if (YAHOO.includes(domain)) {
    dropTag('-');
    domain = 'yahoo.com';
  } else if (ICLOUD.includes(domain) || PROTON.includes(domain) || FASTMAIL.includes(domain)) {
    dropTag('+');
  }
  const canonical = `${local}@${domain}`;
  const original = address.slice(at + 1).toLowerCase();
  const disposable = DISPOSABLE.has(original);
  const free = !disposable && FREE.has(original);
  return {
    emailCanonical: canonical,
    emailIsFree: free,
    emailIsDisposable: disposable,
    emailIsCorporate: !free && !disposable,
    emailIsCanonical: address === canonical,
  };
}
