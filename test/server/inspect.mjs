// Direct reads of a consent-log database, for assertions the HTTP API cannot make (what
// is stored, and that nothing else is).
import Database from 'better-sqlite3';
import pg from 'pg';

/**
 * @param {string} url sqlite:<file> or postgres://…
 * @returns {Promise<{ count(where?: string): Promise<number>, keys(): Promise<string[]>,
 *   allValues(): Promise<Map<string, string[]>>, migrations(): Promise<string[]>, close(): Promise<void> }>}
 *   `keys` lists the receipts' "consentId decidedAt"; `allValues` maps "table.column" to
 *   every value of every table as text.
 */
export async function inspect(url) {
  if (url.startsWith('sqlite:')) {
    const db = new Database(url.slice(7), { readonly: true, fileMustExist: true });
    const all = (sql) => db.prepare(sql).all();
    return {
      count: async (where = 'TRUE') => all(`SELECT COUNT(*) AS n FROM receipts WHERE ${where}`)[0].n,
      keys: async () => all('SELECT consent_id, decided_at FROM receipts').map((row) => `${row.consent_id} ${row.decided_at}`),
      async allValues() {
        const values = new Map();
        for (const { name } of all("SELECT name FROM sqlite_master WHERE type = 'table'")) {
          for (const { name: column } of all(`PRAGMA table_info(${name})`)) {
            values.set(`${name}.${column}`, all(`SELECT ${column} AS v FROM ${name}`).map((row) => String(row.v)));
          }
        }
        return values;
      },
      migrations: async () => all('SELECT version FROM schema_migrations ORDER BY version').map((row) => row.version),
      close: async () => db.close(),
    };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const all = async (sql) => (await client.query(sql)).rows;
  return {
    count: async (where = 'TRUE') => Number((await all(`SELECT COUNT(*) AS n FROM receipts WHERE ${where}`))[0].n),
    keys: async () => (await all('SELECT consent_id, decided_at FROM receipts')).map((row) => `${row.consent_id} ${row.decided_at}`),
    async allValues() {
      const values = new Map();
      const columns = await all("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'");
      for (const { table_name: table, column_name: column } of columns) {
        values.set(`${table}.${column}`, (await all(`SELECT ${column}::text AS v FROM ${table}`)).map((row) => String(row.v)));
      }
      return values;
    },
    migrations: async () => (await all('SELECT version FROM schema_migrations ORDER BY version')).map((row) => row.version),
    close: () => client.end(),
  };
}
