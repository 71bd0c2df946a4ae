// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// `node build.mjs --check` guards the committed bundle, the generated code and the .meta files. It must pass on this
// tree, give the same bytes every run, and fail when something is stale or missing (shown in a scratch copy).

import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, appendFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = process.cwd();
const runCheck = (cwd: string) => spawnSync(process.execPath, ['build.mjs', '--check'], { cwd, encoding: 'utf8' });
const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('build.mjs --check', () => {
  it('passes on the committed tree, twice (the build is deterministic)', () => {
    const first = runCheck(root);
    expect(first.stderr + first.stdout).toContain('fresh');
    expect(first.status).toBe(0);
    expect(runCheck(root).status).toBe(0);
  });

  it('fails on a stale bundle, generated file or missing .meta', () => {
    const dir = mkdtempSync(join(tmpdir(), 'playloom-build-'));
    scratch.push(dir);
    for (const path of ['build.mjs', 'build.mjs.meta', 'package.json', 'package.json.meta', 'tsconfig.json', 'tsconfig.json.meta', 'Runtime', 'Runtime.meta', 'Tools~/codegen']) {
      cpSync(join(root, path), join(dir, path), { recursive: true });
    }
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    writeFileSync(join(dir, '.gitignore'), 'node_modules\n');
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const base = runCheck(dir);
    expect(base.status, base.stderr).toBe(0);

    const bundle = join(dir, 'Runtime/Resources/PlayloomAppwrite/appwrite.mjs');
    const original = readFileSync(bundle, 'utf8');
    appendFileSync(bundle, '\n// edited by hand\n');
    const stale = runCheck(dir);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('Runtime/Resources/PlayloomAppwrite/appwrite.mjs');
    writeFileSync(bundle, original);

    const generated = join(dir, 'Runtime/TypeScript~/src/generated/account-methods.gen.ts');
    appendFileSync(generated, '\n');
    expect(runCheck(dir).stderr).toContain('account-methods.gen.ts');
    execFileSync(process.execPath, ['build.mjs'], { cwd: dir });

    unlinkSync(join(dir, 'Runtime/Resources/PlayloomAppwrite/appwrite.mjs.meta'));
    const missing = runCheck(dir);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('appwrite.mjs.meta (missing .meta)');
  });
});
