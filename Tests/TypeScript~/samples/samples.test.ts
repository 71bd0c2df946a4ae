// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// The samples as Unity imports them: package.json lists each folder, every scene/prefab/asset YAML parses, and each
// reference resolves (local fileIDs to objects of the same file, m_Script GUIDs to a script of the package whose
// MonoBehaviour is named like its file, as Unity requires).

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseInline, parseUnityYaml, references, type UnityObject } from './unity-yaml.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const rel = (path: string) => relative(root, path).split('\\').join('/');

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (name === 'node_modules' || name === 'bin' || name === 'obj' || name.startsWith('.')) return [];
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const packageFiles = ['Runtime', 'Editor', 'Samples~', 'Tests'].flatMap((d) => walk(join(root, d)));
const guidOf = (metaPath: string) => /^guid: ([0-9a-f]{32})$/m.exec(readFileSync(metaPath, 'utf8'))?.[1];
// GUID → script path, for every C# file Unity imports from the package.
const scripts = new Map(packageFiles.filter((f) => f.endsWith('.cs.meta')).map((meta) => [guidOf(meta), meta.slice(0, -'.meta'.length)] as const));
const allGuids = new Set(packageFiles.filter((f) => f.endsWith('.meta')).map(guidOf));
// Unity's built-in resources (default materials, meshes, extra resources).
const BUILT_IN = new Set(['0000000000000000e000000000000000', '0000000000000000f000000000000000', '0000000000000000d000000000000000']);
const yamlAssets = packageFiles.filter((f) => /\.(unity|prefab|asset)$/.test(f));

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { samples?: { displayName: string; description: string; path: string }[] };
const samples = manifest.samples ?? [];

describe('package.json samples', () => {
  it('lists every Samples~ folder, each with a name, a description and an existing path', () => {
    expect(samples.length).toBeGreaterThan(0);
    for (const sample of samples) {
      expect(sample.displayName, JSON.stringify(sample)).toMatch(/\S/);
      expect(sample.description, JSON.stringify(sample)).toMatch(/\S/);
      expect(sample.path).toMatch(/^Samples~\/[^/]+$/);
      expect(existsSync(join(root, sample.path)), sample.path).toBe(true);
    }
    const folders = readdirSync(join(root, 'Samples~')).filter((f) => statSync(join(root, 'Samples~', f)).isDirectory());
    expect(samples.map((s) => s.path).sort()).toEqual(folders.map((f) => `Samples~/${f}`).sort());
  });

  it.each(samples.map((s) => [s.path]))('%s has a scene, a README and a MonoBehaviour that the scene uses', (path) => {
    const files = readdirSync(join(root, path));
    expect(files).toContain('README.md');
    const scenes = files.filter((f) => f.endsWith('.unity'));
    expect(scenes.length).toBe(1);
    const scene = parseUnityYaml(readFileSync(join(root, path, scenes[0]), 'utf8'));
    const used = scene.objects.filter((o) => o.type === 'MonoBehaviour').map((o) => scripts.get(guidOfScript(o)));
    expect(used.some((script) => script !== undefined && rel(dirname(script)) === path), `${path}: the scene uses no script of the sample`).toBe(true);
  });
});

describe.each(yamlAssets.map((f) => [rel(f), f]))('%s', (_name, file) => {
  const text = readFileSync(file, 'utf8');
  const parsed = parseUnityYaml(text);
  const byId = new Map(parsed.objects.map((o) => [o.fileId, o]));

  it('is Unity YAML with unique object IDs', () => {
    expect(parsed.directives).toEqual(['%YAML 1.1', '%TAG !u! tag:unity3d.com,2011:']);
    expect(parsed.objects.length).toBeGreaterThan(0);
    expect(byId.size).toBe(parsed.objects.length);
  });

  it('references only objects of this file, scripts of the package and built-in resources', () => {
    for (const object of parsed.objects) {
      for (const ref of references(object.body)) {
        const where = `${object.type} &${object.fileId} ${ref.path}`;
        if (ref.guid === undefined) {
          if (ref.fileID !== '0') expect(byId.has(ref.fileID), `${where} → missing &${ref.fileID}`).toBe(true);
        } else if (ref.path === 'm_Script') {
          expect(ref.fileID, where).toBe('11500000');
          expect(ref.type, where).toBe('3');
          expect(scripts.has(ref.guid), `${where}: no .cs.meta of the package has guid ${ref.guid}`).toBe(true);
        } else {
          expect(allGuids.has(ref.guid) || BUILT_IN.has(ref.guid), `${where}: guid ${ref.guid} is neither a package asset nor built in`).toBe(true);
        }
      }
    }
  });

  it('links every component and its GameObject both ways', () => {
    for (const gameObject of parsed.objects.filter((o) => o.type === 'GameObject')) {
      const components = (gameObject.body.m_Component as { component: { fileID: string } }[] | null) ?? [];
      expect(components.length, `${gameObject.body.m_Name}: a GameObject has at least a Transform`).toBeGreaterThan(0);
      for (const { component } of components) {
        const target = byId.get(component.fileID);
        expect(target, `component &${component.fileID}`).toBeDefined();
        expect((target!.body.m_GameObject as { fileID: string }).fileID).toBe(gameObject.fileId);
      }
      expect(components.map((c) => byId.get(c.component.fileID)!.type)).toContain('Transform');
    }
    for (const component of parsed.objects.filter((o) => o.body.m_GameObject !== undefined)) {
      const owner = byId.get((component.body.m_GameObject as { fileID: string }).fileID);
      expect(owner?.type, `${component.type} &${component.fileId}`).toBe('GameObject');
      const listed = (owner!.body.m_Component as { component: { fileID: string } }[]).map((c) => c.component.fileID);
      expect(listed).toContain(component.fileId);
    }
  });

  it('uses MonoBehaviours whose class is named like their file, and only fields they declare', () => {
    for (const behaviour of parsed.objects.filter((o) => o.type === 'MonoBehaviour')) {
      const script = scripts.get(guidOfScript(behaviour))!;
      const source = readFileSync(script, 'utf8');
      const className = basename(script, '.cs');
      expect(source, `${rel(script)} must declare ${className}`).toMatch(new RegExp(`class ${className}\\s*:\\s*MonoBehaviour\\b`));
      for (const key of Object.keys(behaviour.body).filter((k) => !k.startsWith('m_'))) {
        expect(source, `${rel(script)} has no field ${key}`).toMatch(new RegExp(`\\b${key}\\b`));
      }
    }
  });
});

function guidOfScript(object: UnityObject): string {
  return ((object.body.m_Script as { guid?: string } | null)?.guid ?? '') as string;
}

describe('sample C#', () => {
  const sources = walk(join(root, 'Samples~')).filter((f) => f.endsWith('.cs'));

  it.each(sources.map((f) => [rel(f), f]))('%s keeps the package conventions', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('// SPDX-License-Identifier: BSD-3-Clause\n// SPDX-FileCopyrightText:')).toBe(true);
    // Samples see the public API only: they compile into Assembly-CSharp in a game project.
    expect(text).not.toMatch(/\bAppwrite\.Internal\b|\bInternalsVisibleTo\b/);
    // Samples are imported one by one into the same project: each keeps to its own namespace.
    expect(text).toMatch(/namespace Playloom\.Appwrite\.Samples\.\w+/);
  });
});

describe('the Unity YAML reader', () => {
  it('reads flow mappings, compact sequences, keys with spaces and long scalars', () => {
    const file = parseUnityYaml(`%YAML 1.1
%TAG !u! tag:unity3d.com,2011:
--- !u!1 &10
GameObject:
  m_Component:
  - component: {fileID: 11}
  - component: {fileID: 12}
  m_Name: A long name that Unity
    wrapped onto the next line
  near clip plane: 0.3
  m_Rect:
    serializedVersion: 2
    x: 0
  m_List: []
  m_Empty: 
--- !u!114 &12
MonoBehaviour:
  m_Script: {fileID: 11500000, guid: 0123456789abcdef0123456789abcdef, type: 3}
  _items:
  - {x: 1, y: [2, 3]}
  - 'it''s'
`);
    expect(file.objects.map((o) => [o.classId, o.fileId, o.type])).toEqual([[1, '10', 'GameObject'], [114, '12', 'MonoBehaviour']]);
    const go = file.objects[0].body;
    expect(go.m_Component).toEqual([{ component: { fileID: '11' } }, { component: { fileID: '12' } }]);
    expect(go.m_Name).toBe('A long name that Unity wrapped onto the next line');
    expect(go['near clip plane']).toBe('0.3');
    expect(go.m_Rect).toEqual({ serializedVersion: '2', x: '0' });
    expect(go.m_List).toEqual([]);
    expect(go.m_Empty).toBeNull();
    expect(file.objects[1].body._items).toEqual([{ x: '1', y: ['2', '3'] }, "it's"]);
    expect(references(file.objects[1].body)).toEqual([{ path: 'm_Script', fileID: '11500000', guid: '0123456789abcdef0123456789abcdef', type: '3' }]);
  });

  it('rejects what Unity would not load', () => {
    expect(() => parseUnityYaml('%YAML 1.1\nGameObject:\n  m_Name: x\n')).toThrow(/document header/);
    expect(() => parseUnityYaml('--- !u!1 &1\nGameObject:\n  m_Name: a\n  m_Name: b\n')).toThrow(/duplicate key/);
    expect(() => parseInline('{fileID: 1')).toThrow(/expected "," or "}"/);
  });
});
