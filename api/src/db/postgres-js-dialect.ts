import {
  AbortedTransactionError,
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type { ReservedSql, Sql } from 'postgres';

/**
 * Kysely over postgres.js, letting postgres.js pipeline. A statement outside a transaction
 * goes to the shared pool, where postgres.js queues it on an open connection and sends
 * everything queued in one tick as one write; only a transaction reserves a connection of
 * its own, from `begin` to `commit` or `rollback`.
 *
 * `kysely-postgres-js` reserves a connection for every statement instead: each one then
 * waits for a free connection and goes out in a write of its own, which under load cost
 * the interview turn several times the socket writes of the same statements sent plainly.
 *
 * Session state therefore lasts only as long as a transaction: `db.connection()` outside
 * one does not pin a backend. Candor keeps session state (locks, settings) inside
 * transactions only (`pg_advisory_xact_lock`, never `pg_advisory_lock`).
 */
export function postgresJsDialect(sql: Sql): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new PostgresJsDriver(sql),
    createQueryCompiler: () => new PostgresQueryCompiler(),
    // biome-ignore lint/suspicious/noExplicitAny: Kysely's introspector takes any database type
    createIntrospector: (db: Kysely<any>) => new PostgresIntrospector(db),
  };
}

class PostgresJsConnection implements DatabaseConnection {
  #reserved: ReservedSql | undefined;

  constructor(private readonly sql: Sql) {}

  /** Takes a backend of its own for a transaction; statements go there until `release`. */
  async reserve() {
    this.#reserved ??= await this.sql.reserve();
  }

  release() {
    this.#reserved?.release();
    this.#reserved = undefined;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const target = this.#reserved ?? this.sql;
    const result = await target.unsafe(query.sql, query.parameters as never[], { prepare: true });
    const { command, count } = result;
    // Kysely reads an aborted transaction's COMMIT (answered as ROLLBACK) from the command.
    if (command === 'COMMIT' || command === 'ROLLBACK') return { rows: [{ command } as R] };
    const changed = command === 'INSERT' || command === 'UPDATE' || command === 'DELETE' || command === 'MERGE';
    return { rows: result as unknown as R[], ...(changed ? { numAffectedRows: BigInt(count) } : {}) };
  }

  streamQuery(): never {
    throw new Error('Streaming rows is not offered by this dialect; nothing in Candor streams rows.');
  }
}

class PostgresJsDriver implements Driver {
  constructor(private readonly sql: Sql) {}

  async init() {}

  async acquireConnection() {
    return new PostgresJsConnection(this.sql);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    await (connection as PostgresJsConnection).reserve();
    let begin = 'begin';
    if (settings.isolationLevel || settings.accessMode)
      begin = [
        'start transaction',
        settings.isolationLevel && `isolation level ${settings.isolationLevel}`,
        settings.accessMode,
      ]
        .filter(Boolean)
        .join(' ');
    await connection.executeQuery(CompiledQuery.raw(begin));
  }

  async commitTransaction(connection: DatabaseConnection) {
    const { rows } = await connection.executeQuery<{ command: string }>(CompiledQuery.raw('commit'));
    // Postgres answers COMMIT with ROLLBACK when an earlier statement left the transaction aborted.
    if (rows[0]?.command === 'ROLLBACK') throw new AbortedTransactionError();
  }

  async rollbackTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(connection: DatabaseConnection) {
    (connection as PostgresJsConnection).release();
  }

  async destroy() {
    await this.sql.end();
  }
}
