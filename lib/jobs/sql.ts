/**
 * pg-boss runs its SQL through an `executeSql(text, values)` adapter. This one runs it on a
 * Prisma client or, more usefully, on a Prisma interactive transaction, so a job sent inside the
 * transaction exists exactly when the transaction commits (and not at all after a rollback).
 */
export interface RawSqlClient {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

export function prismaExecutor(client: RawSqlClient): SqlExecutor {
  return {
    async executeSql(text, values = []) {
      const rows = await client.$queryRawUnsafe<Record<string, unknown>[]>(text, ...values);
      return { rows: Array.isArray(rows) ? rows : [] };
    },
  };
}
