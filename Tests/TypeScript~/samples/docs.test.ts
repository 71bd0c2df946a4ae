// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// The manual and the README: generated from Tools~/codegen/docs/ with the samples' #regions (Tools~/codegen/docs.mjs),
// fresh on disk, and every link, page and npm command they mention exists.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expandTemplate, extractRegion, generate } from '../../../Tools~/codegen/docs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

describe('docs generator', () => {
  it('takes a region without its markers or nested regions, dedented', () => {
    const source = ['class A', '{', '    #region outer', '', '    void M()', '    {', '        #region inner', '        Call();', '        #endregion', '    }', '', '    #endregion', '}'].join('\n');
    expect(extractRegion(source, 'outer')).toBe('void M()\n{\n    Call();\n}');
    expect(extractRegion(source, 'inner')).toBe('Call();');
  });

  it('reads // #region in JavaScript and TypeScript', () => {
    expect(extractRegion('  // #region js\n  const a = 1;\n  // #endregion\n', 'js')).toBe('const a = 1;');
  });

  it('fails on a missing, repeated or unclosed region, naming it', () => {
    expect(() => extractRegion('#region a\n#endregion', 'b', 'X.cs')).toThrow('X.cs has no #region b');
    expect(() => extractRegion('#region a\n#endregion\n#region a\n#endregion', 'a', 'X.cs')).toThrow('#region a 2 times');
    expect(() => extractRegion('#region a\nx', 'a', 'X.cs')).toThrow('has no #endregion');
  });

  it('replaces a marker line with a fenced block in the file\'s language', () => {
    const files: Record<string, string> = { 'S/A.cs': '#region go\nGo();\n#endregion', 'S/b.ts': '// #region t\nt();\n// #endregion' };
    const page = expandTemplate('Intro\n<!-- region:S/A.cs#go -->\n<!-- region:S/b.ts#t -->\nEnd', (path: string) => files[path]);
    expect(page).toBe('Intro\n```csharp\nGo();\n```\n```ts\nt();\n```\nEnd');
  });
});

describe('generated pages', () => {
  const pages = generate() as Record<string, string>;

  it('are the files on disk (run `node build.mjs` after editing a template or a region)', () => {
    for (const [path, text] of Object.entries(pages)) {
      expect(existsSync(join(root, path)), path).toBe(true);
      expect(readFileSync(join(root, path), 'utf8') === text, `${path} is stale`).toBe(true);
    }
  });

  it('cover the index, the table of contents and a page per flow', () => {
    for (const page of ['index', 'TableOfContents', 'phone-login', 'email-password', 'anonymous-upgrade', 'oauth2-deep-links', 'account-panel', 'sessions-and-offline', 'realtime', 'local-emulator', 'troubleshooting']) {
      expect(Object.keys(pages), page).toContain(`Documentation~/${page}.md`);
    }
    expect(Object.keys(pages)).toContain('README.md');
  });

  it('list every page of Documentation~ in the table of contents', () => {
    const toc = pages['Documentation~/TableOfContents.md'];
    const files = readdirSync(join(root, 'Documentation~')).filter((f) => f.endsWith('.md') && f !== 'TableOfContents.md');
    for (const file of files) expect(toc, file).toContain(`](${file})`);
  });

  it('link only to files that exist', () => {
    for (const [path, text] of Object.entries(pages)) {
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^(https?:|mailto:|#)/.test(target)) continue;
        const file = target.split('#')[0];
        expect(existsSync(join(root, dirname(path), file)), `${path} links to ${target}`).toBe(true);
      }
    }
  });

  it('mention only npm scripts that exist', () => {
    const scripts = Object.keys((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
    for (const [path, text] of Object.entries(pages)) {
      for (const [, name] of text.matchAll(/npm run ([\w:-]+)/g)) expect(scripts, `${path}: npm run ${name}`).toContain(name);
      for (const [, name] of text.matchAll(/npm (start|test)\b/g)) expect(scripts, `${path}: npm ${name}`).toContain(name);
    }
  });

  it('contain no path of a developer machine', () => {
    for (const [path, text] of Object.entries(pages)) expect(text, path).not.toMatch(/\/(home|Users|root|tmp|work)\/\w/);
  });
});
