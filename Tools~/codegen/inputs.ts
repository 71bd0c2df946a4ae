// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// What the generators read: the descriptor, model, rule and enum tables of the core (one source of truth).
// build.mjs bundles this file in memory and passes its exports to each generator.

export { accountMethods, paramType } from '../../Runtime/TypeScript~/src/services/account.descriptors.js';
export { methodDocs, paramDocs, ruleDocs } from '../../Runtime/TypeScript~/src/services/account.docs.js';
export { modelTable, modelFields } from '../../Runtime/TypeScript~/src/models/model-table.js';
export { rules } from '../../Runtime/TypeScript~/src/services/validators.js';
export { queryShapes } from '../../Runtime/TypeScript~/src/utils/query.js';
export { KEY_PATTERN, HTTP_ENDPOINT_PATTERN, REALTIME_ENDPOINT_PATTERN } from '../../Runtime/TypeScript~/src/core/patterns.js';
export { enums } from '../../Runtime/TypeScript~/src/enums/index.js';
export { bridgeVersion } from '../../Runtime/TypeScript~/src/bridge/index.js';
export { SDK_VERSION } from '../../Runtime/TypeScript~/src/core/client.js';
