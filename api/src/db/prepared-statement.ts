import { type Compilable, type CompiledQuery, createQueryId } from 'kysely';
import type { Executor } from './tenant';

type Slot<P> = { param: keyof P } | { value: unknown };

/**
 * A statement on the hot path, written with Kysely but built and compiled only once.
 *
 * Kysely builds every statement as a tree of frozen nodes and compiles it to SQL on every
 * call; for the few statements of an interview turn that cost more CPU than Postgres spends
 * running them. Here `build` runs once with a unique marker in place of each parameter; the
 * SQL is kept, and each call only fills in its parameters where the markers were. Values
 * written into `build` itself stay constant.
 *
 * The statement's shape must not depend on its parameters (no optional columns, no lists
 * whose length varies): a parameter is only ever a value. The SQL is shared between the
 * server and the embedded database, whose Kysely dialects compile Postgres alike.
 */
export function preparedStatement<P extends Record<string, unknown>, R>(
  names: readonly (keyof P & string)[],
  build: (db: Executor, params: P) => Compilable<R>,
) {
  let compiled: { query: CompiledQuery<R>; slots: Slot<P>[] } | undefined;
  const compile = (db: Executor) => {
    const markers = Object.fromEntries(names.map((name) => [name, `\u0000candor-param:${name}\u0000`]));
    const query = build(db, markers as P).compile();
    const byMarker = new Map(names.map((name) => [markers[name], name]));
    const slots = query.parameters.map((value): Slot<P> => {
      const param = typeof value === 'string' ? byMarker.get(value) : undefined;
      return param ? { param } : { value };
    });
    const missing = names.filter((name) => !slots.some((s) => 'param' in s && s.param === name));
    if (missing.length > 0) throw new Error(`prepared statement does not use ${missing.join(', ')}`);
    return { query, slots };
  };
  return (db: Executor, params: P) => {
    compiled ??= compile(db);
    const { query, slots } = compiled;
    return db.executeQuery<R>({
      ...query,
      queryId: createQueryId(),
      parameters: slots.map((s) => ('param' in s ? params[s.param] : s.value)),
    });
  };
}
