import type { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Db } from '../../db/client.js';
import type { Actor } from '../actor.js';
import type { NotFoundWhat } from '../errors.js';
import type { AppEnv } from '../context.js';
import { CreatedId, ok } from '../openapi/shapes.js';
import { CREATED, deleteRoute, writeRoute } from '../openapi/specs.js';
import { idParam } from './params.js';

/**
 * One kind of item in an evaluation's lists that the facilitator adds, changes and removes by id
 * (criteria, vendors): the three routes answer alike, `{id}` (201, then 200) and 204, and differ
 * only in their words, body schemas and services.
 */
export interface ItemKind<New extends z.ZodType, Patch extends z.ZodType> {
  /** The path parameter naming one item (`criterionId`) and what its 404 calls it (`criterion`). */
  param: string;
  what: NotFoundWhat;
  add: { summary: string; body: New; save: (db: Db, a: Actor, input: z.output<New>) => Promise<number> };
  patch: { summary: string; body: Patch; save: (db: Db, a: Actor, id: number, input: z.output<Patch>) => Promise<unknown> };
  remove: { summary: string; save: (db: Db, a: Actor, id: number) => Promise<unknown> };
}

/** The JSON body the route's validator accepted (typed by the caller: a generic route cannot carry it). */
const bodyOf = <T>(c: Context<AppEnv>) => (c.req.valid as (target: 'json') => T)('json');

/** Adds POST `/`, PATCH `/{param}` and DELETE `/{param}` for `kind` to `router`. */
export function withItemWrites<New extends z.ZodType, Patch extends z.ZodType>(router: OpenAPIHono<AppEnv>, kind: ItemKind<New, Patch>) {
  const path = `/{${kind.param}}`;
  const idOf = (c: Context<AppEnv>) => idParam(c, kind.param, kind.what);
  const add = writeRoute({ access: 'edit', method: 'post', summary: kind.add.summary, body: kind.add.body, status: 201, success: CREATED });
  const patch = writeRoute({ access: 'edit', method: 'patch', path, summary: kind.patch.summary, body: kind.patch.body, success: ok('Changed.', CreatedId) });
  const remove = deleteRoute({ access: 'edit', path, summary: kind.remove.summary });
  return router
    .openapi(add, async (c) => c.json({ id: String(await kind.add.save(c.get('db'), c.var.actor, bodyOf<z.output<New>>(c))) }, 201))
    .openapi(patch, async (c) => {
      const id = idOf(c);
      await kind.patch.save(c.get('db'), c.var.actor, id, bodyOf<z.output<Patch>>(c));
      return c.json({ id: String(id) });
    })
    .openapi(remove, async (c) => {
      await kind.remove.save(c.get('db'), c.var.actor, idOf(c));
      return c.body(null, 204);
    });
}
