// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// The Node host of the bridge contract lives in Tools~/node-host.mjs (the headless demo uses it too).
export { createNodeHost, invokeAsync } from '../../../Tools~/node-host.mjs';
