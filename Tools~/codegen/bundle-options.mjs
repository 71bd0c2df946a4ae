// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// The esbuild settings of the bundle, shared by build.mjs and the benchmark so that our bundle and the official
// SDK's are built the same way: Puerts' agent_proj settings (esm, neutral, unminified) at target es2020, except
// keepNames: without minification every name already survives, and keepNames would only add a __name() call per
// function and class, about 6 % of the bundle and of its evaluation time in QuickJS.

import { readFileSync } from 'node:fs';
import ts from 'typescript';

export const BUNDLE_PATH = 'Runtime/Resources/PlayloomAppwrite/appwrite.mjs';

/** @param {string} root The package root: path comments in the output are relative to it, whatever the cwd. */
export function bundleOptions(root) {
  return {
    absWorkingDir: root,
    preserveSymlinks: true,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2020',
    mainFields: ['module', 'main'],
    keepNames: false,
    minify: false,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
  };
}

/**
 * Compiles matching source files without their comments before bundling: TSDoc belongs in the sources and generated
 * docs, not in the text Unity parses at startup (esbuild keeps member comments even unminified).
 * @param {RegExp} filter Files to strip.
 */
export function stripComments(filter) {
  return {
    name: 'strip-comments',
    setup(b) {
      b.onLoad({ filter }, ({ path }) => ({
        loader: 'js',
        contents: ts.transpileModule(readFileSync(path, 'utf8'), {
          fileName: path,
          compilerOptions: { target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.ESNext, removeComments: true, useDefineForClassFields: false },
        }).outputText,
      }));
    },
  };
}
