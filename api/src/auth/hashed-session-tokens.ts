import { createHash } from 'node:crypto';
import type { kyselyAdapter } from '@better-auth/kysely-adapter';

/** A console session token as stored: its SHA-256, so a database read never yields a usable session. */
export const hashSessionToken = (token: string) => createHash('sha256').update(token).digest('base64url');

type Adapter = ReturnType<ReturnType<typeof kyselyAdapter>>;
type Where = NonNullable<Parameters<Adapter['findMany']>[0]['where']>[number];
type Row = Record<string, unknown> | null;

/**
 * better-auth keeps the session token in the database as it is in the cookie, and offers no
 * option to hash it; this wraps its Kysely adapter so the `session` model's `token` is hashed
 * on every write and every lookup. better-auth still sees the plain token in what it reads
 * back by token (it signs the cookie with it and looks the session up by it again later), so
 * rows found by token get the token they were asked for; rows found otherwise keep the hash.
 */
export function withHashedSessionTokens(adapter: Adapter): Adapter {
  const hashWhere = (model: string, where: Where[] | undefined) => {
    const asked = new Map<string, string>();
    if (model !== 'session' || !where) return { where, restore: <T>(row: T) => row };
    const hashOne = (value: unknown) => {
      const hash = hashSessionToken(String(value));
      asked.set(hash, String(value));
      return hash;
    };
    const hashed = where.map((w) =>
      w.field === 'token' ? { ...w, value: Array.isArray(w.value) ? w.value.map(hashOne) : hashOne(w.value) } : w,
    ) as Where[];
    const restore = <T>(row: T): T => {
      const token = (row as Row)?.token;
      return typeof token === 'string' && asked.has(token)
        ? ({ ...(row as object), token: asked.get(token) } as T)
        : row;
    };
    return { where: hashed, restore };
  };
  const hashData = <T extends Record<string, unknown>>(model: string, data: T): T =>
    model === 'session' && typeof data.token === 'string' ? { ...data, token: hashSessionToken(data.token) } : data;

  const wrapped: Adapter = {
    ...adapter,
    async create<T extends Record<string, unknown>, R = T>(args: Parameters<Adapter['create']>[0]) {
      const created = await adapter.create<T, R>({ ...args, data: hashData(args.model, args.data) as Omit<T, 'id'> });
      const token = (args.data as Record<string, unknown>).token;
      return (args.model === 'session' && typeof token === 'string' ? { ...(created as object), token } : created) as R;
    },
    async findOne(args) {
      const { where, restore } = hashWhere(args.model, args.where);
      return restore(await adapter.findOne({ ...args, where: where ?? [] }));
    },
    async findMany<T>(args: Parameters<Adapter['findMany']>[0]) {
      const { where, restore } = hashWhere(args.model, args.where);
      return (await adapter.findMany<T>({ ...args, where })).map(restore);
    },
    async count(args) {
      return adapter.count({ ...args, where: hashWhere(args.model, args.where).where });
    },
    async update(args) {
      const { where, restore } = hashWhere(args.model, args.where);
      return restore(await adapter.update({ ...args, where: where ?? [], update: hashData(args.model, args.update) }));
    },
    async updateMany(args) {
      const where = hashWhere(args.model, args.where).where ?? [];
      return adapter.updateMany({ ...args, where, update: hashData(args.model, args.update) });
    },
    async delete(args) {
      return adapter.delete({ ...args, where: hashWhere(args.model, args.where).where ?? [] });
    },
    async deleteMany(args) {
      return adapter.deleteMany({ ...args, where: hashWhere(args.model, args.where).where ?? [] });
    },
    async consumeOne(args) {
      const { where, restore } = hashWhere(args.model, args.where);
      return restore(await adapter.consumeOne({ ...args, where: where ?? [] }));
    },
    async incrementOne(args) {
      const { where, restore } = hashWhere(args.model, args.where);
      return restore(await adapter.incrementOne({ ...args, where: where ?? [] }));
    },
    transaction(callback) {
      return adapter.transaction((trx) => callback(withHashedSessionTokens(trx as Adapter)));
    },
  };
  return wrapped;
}
