// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Unity needs a .meta beside every file and folder it imports; packages are read-only, so they must be committed.
// GUIDs are derived from the package name and the path: stable across machines and unique per path.

import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, extname } from 'node:path';

const PACKAGE = 'com.playloom.appwrite';

/** Whether Unity imports this package-relative path (not hidden, not under a `~` folder, not node_modules). */
export function unitySees(path) {
  const parts = path.split('/');
  if (parts[0] === 'node_modules') return false;
  // Samples~ is copied into Assets/ when a user imports a sample, so its content needs metas too.
  const inner = parts[0] === 'Samples~' ? parts.slice(2) : parts;
  if (parts[0] === 'Samples~' && parts.length < 3) return false;
  return inner.every((p) => !p.startsWith('.') && !p.endsWith('~')) && !path.endsWith('.meta');
}

export const guidFor = (path) => createHash('md5').update(`${PACKAGE}/${path}`).digest('hex');

const TEMPLATES = {
  folder: 'folderAsset: yes\nDefaultImporter:\n  externalObjects: {}\n',
  '.cs': 'MonoImporter:\n  externalObjects: {}\n  serializedVersion: 2\n  defaultReferences: []\n  executionOrder: 0\n  icon: {instanceID: 0}\n',
  '.asmdef': 'AssemblyDefinitionImporter:\n  externalObjects: {}\n',
  text: 'TextScriptImporter:\n  externalObjects: {}\n',
  other: 'DefaultImporter:\n  externalObjects: {}\n',
};
const TEXT_EXTENSIONS = new Set(['.md', '.json', '.txt', '.xml', '.yaml', '.yml', '.bytes', '.html', '.csv']);

/** The .meta text for a path. */
export function metaFor(path, isFolder) {
  const ext = extname(path).toLowerCase();
  const body = isFolder ? TEMPLATES.folder : TEMPLATES[ext] ?? (TEXT_EXTENSIONS.has(ext) ? TEMPLATES.text : TEMPLATES.other);
  return `fileFormatVersion: 2\nguid: ${guidFor(path)}\n${body}  userData: \n  assetBundleName: \n  assetBundleVariant: \n`;
}

/** Package files Unity sees, plus their folders: tracked or untracked-but-not-ignored files of the working tree. */
export function unityPaths(root, extraFiles = []) {
  const listed = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  const files = [...new Set([...listed, ...extraFiles])].filter((f) => existsSync(`${root}/${f}`) && !statSync(`${root}/${f}`).isDirectory());
  const seen = new Map();
  for (const file of files) {
    if (!unitySees(file)) continue;
    seen.set(file, false);
    for (let dir = dirname(file); dir !== '.'; dir = dirname(dir)) if (unitySees(dir)) seen.set(dir, true);
  }
  return seen;
}

/** The metas the package should have (path → text) and the existing metas that belong to nothing. */
export function plannedMetas(root, extraFiles = []) {
  const wanted = new Map();
  for (const [path, isFolder] of unityPaths(root, extraFiles)) wanted.set(`${path}.meta`, metaFor(path, isFolder));
  const existing = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z', '--', '*.meta'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  const orphans = existing.filter((m) => !wanted.has(m) && existsSync(`${root}/${m}`));
  return { wanted, orphans };
}
