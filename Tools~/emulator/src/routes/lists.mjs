// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Identities, logs and push targets.

import { AppwriteError } from '../errors.mjs';
import { identityModel, listModel, logModel, targetModel } from '../models.mjs';
import { applyQueries, queriesValidator } from '../queries.mjs';
import { optional, param } from '../router.mjs';
import * as v from '../validators.mjs';
import { addTarget, touch } from './common.mjs';

/** `{ name } { model }` of the device, as the server names push targets (a lone space when both are unknown). */
const deviceName = (ctx) => `${ctx.device.deviceBrand} ${ctx.device.deviceModel}`;

function ownTarget(ctx, targetId) {
  const target = ctx.user.targets.find((t) => t.$id === targetId);
  if (!target) throw new AppwriteError('user_target_not_found');
  return target;
}

/** @type {import('../router.mjs').Route[]} */
export const listRoutes = [
  {
    method: 'GET',
    path: '/v1/account/identities',
    scope: 'account',
    params: [optional('queries', queriesValidator('identities'), []), optional('total', v.boolean(true), true)],
    handler(ctx, p) {
      const rows = ctx.user.identities.map((identity, i) => ({ ...identityModel(identity), $sequence: i + 1 }));
      const { page, total, cursorMissing } = applyQueries(rows, p.queries);
      if (cursorMissing !== undefined) throw new AppwriteError('general_cursor_not_found', `Identity '${cursorMissing}' for the 'cursor' value not found.`);
      const identities = page.map(({ $sequence, ...identity }) => identity);
      return { status: 200, body: listModel('identities', identities, v.toBoolean(p.total) ? total : 0) };
    },
  },
  {
    method: 'DELETE',
    path: '/v1/account/identities/:identityId',
    scope: 'account',
    event: 'users.[userId].identities.[identityId].delete',
    audit: 'identity.delete',
    params: [param('identityId', v.uid())],
    handler(ctx, p) {
      const ownerId = ctx.project.identities.get(p.identityId);
      if (ownerId === undefined) throw new AppwriteError('user_identity_not_found');
      // Identities are readable by anyone but deletable only by their owner.
      if (ownerId !== ctx.user.$id) throw new AppwriteError('user_unauthorized');
      const identity = ctx.user.identities.find((i) => i.$id === p.identityId);
      ctx.project.removeIdentity(ctx.user, identity);
      touch(ctx, ctx.user);
      ctx.eventParams = { userId: ctx.user.$id, identityId: identity.$id };
      ctx.eventPayload = identityModel(identity);
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    path: '/v1/account/logs',
    scope: 'account',
    params: [optional('queries', queriesValidator('logs'), []), optional('total', v.boolean(true), true)],
    handler(ctx, p) {
      const newestFirst = ctx.user.logs.slice().reverse();
      const { page, total } = applyQueries(newestFirst, p.queries);
      return { status: 200, body: listModel('logs', page.map(logModel), v.toBoolean(p.total) ? total : 0) };
    },
  },
  {
    method: 'POST',
    path: '/v1/account/targets/push',
    scope: 'targets.write',
    event: 'users.[userId].targets.[targetId].create',
    audit: 'target.create',
    params: [param('targetId', v.customId()), param('identifier', v.text(255)), optional('providerId', v.uid(), '')],
    handler(ctx, p) {
      const targetId = p.targetId === 'unique()' ? undefined : p.targetId;
      if (targetId !== undefined && ctx.project.targets.has(targetId)) throw new AppwriteError('user_target_already_exists');
      const target = addTarget(ctx, ctx.user, {
        $id: targetId,
        providerType: 'push',
        identifier: p.identifier,
        providerId: p.providerId || null,
        name: deviceName(ctx),
        sessionId: ctx.session?.$id ?? '',
      });
      if (!target) throw new AppwriteError('user_target_already_exists');
      touch(ctx, ctx.user);
      ctx.eventParams = { userId: ctx.user.$id, targetId: target.$id };
      return { status: 201, body: targetModel(target) };
    },
  },
  {
    method: 'PUT',
    path: '/v1/account/targets/:targetId/push',
    scope: 'targets.write',
    event: 'users.[userId].targets.[targetId].update',
    audit: 'target.update',
    params: [param('targetId', v.uid()), param('identifier', v.text(255))],
    handler(ctx, p) {
      const target = ownTarget(ctx, p.targetId);
      const taken = ctx.project.targetIdentifiers.get(p.identifier);
      if (taken !== undefined && taken !== target.$id) throw new AppwriteError('user_target_already_exists');
      ctx.project.unindexTarget(target);
      target.identifier = p.identifier;
      target.expired = false;
      target.name = deviceName(ctx);
      target.$updatedAt = ctx.now();
      ctx.project.indexTarget(target);
      touch(ctx, ctx.user);
      ctx.eventParams = { userId: ctx.user.$id, targetId: target.$id };
      return { status: 200, body: targetModel(target) };
    },
  },
  {
    method: 'DELETE',
    path: '/v1/account/targets/:targetId/push',
    scope: 'targets.write',
    event: 'users.[userId].targets.[targetId].delete',
    audit: 'target.delete',
    params: [param('targetId', v.uid())],
    handler(ctx, p) {
      const target = ownTarget(ctx, p.targetId);
      ctx.user.targets = ctx.user.targets.filter((t) => t !== target);
      ctx.project.unindexTarget(target);
      touch(ctx, ctx.user);
      ctx.eventParams = { userId: ctx.user.$id, targetId: target.$id };
      ctx.eventPayload = targetModel(target);
      return { status: 204 };
    },
  },
];
