import { createHmac } from "node:crypto";
import { Client } from "pg";
import type { DataSource } from "typeorm";

/**
 * Least privilege for the requests a subgraph serves. Its migrations (and the demo seed) run as
 * the database's owner; requests are served over a pool that logs in as `mukdahan_<name>_app`,
 * which may read and write the agency's rows and nothing more: no ALTER, DROP or TRUNCATE (it owns
 * no table), no DISABLE TRIGGER, and on an append-only table (the audit log, housing's case steps:
 * `makeAppendOnly`) only SELECT and INSERT. An injected statement or a bug in a resolver therefore
 * cannot erase the audit trail: the trigger stops the owner, the missing grant stops the service.
 *
 * Roles belong to the whole PostgreSQL server, databases do not: one role per subgraph, shared by
 * every database of that subgraph there (a test run's clones keep the grants of the template they
 * were cloned from; these statements are re-applied at each start, after the migrations). Its
 * password is derived from the owner's own credentials, so every process that holds them (and
 * only those) computes the same one, concurrent starts never disagree, and an embedded server
 * started on another port keeps it. The owner needs the CREATEROLE right (the embedded server's
 * and a test server's superuser have it).
 */
export const servingRoleName = (subgraph: string): string => `mukdahan_${subgraph.replace(/-/g, "_")}_app`;

/** The owner's credentials: the key the role's password is derived from. */
const credentialsOf = (ownerUrl: string): string => {
  const u = new URL(ownerUrl);
  return `${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`;
};

/** A statement holding a password, on a plain client: the DataSource would log it if it failed. */
async function withPassword(ownerUrl: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** True when `url` logs in; false when the server refuses the password (anything else throws). */
async function logsIn(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "28P01") return false;
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Creates the serving role (once per server), grants it this database's tables, and returns its URL. */
export async function servingRole(owner: DataSource, ownerUrl: string, subgraph: string): Promise<string> {
  const role = servingRoleName(subgraph);
  const password = createHmac("sha256", credentialsOf(ownerUrl)).update(role).digest("base64url");
  await withPassword(
    ownerUrl,
    `DO $$ BEGIN
      CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS PASSWORD '${password}';
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; -- made already, perhaps at this very moment
    END $$`,
  );
  const appendOnly: { name: string }[] = await owner.query(
    `SELECT c.relname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = c.relname || '_no_update'`,
  );
  const [{ db }] = await owner.query("SELECT current_database() AS db");
  await owner.transaction(async (m) => {
    // No other login may even connect to this agency's database (PostgreSQL lets PUBLIC connect by default).
    await m.query(`REVOKE ALL ON DATABASE "${db}" FROM PUBLIC`);
    await m.query(`GRANT CONNECT ON DATABASE "${db}" TO ${role}`);
    await m.query("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
    await m.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await m.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}`);
    await m.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
    for (const { name } of appendOnly) await m.query(`REVOKE UPDATE, DELETE ON "${name}" FROM ${role}`);
    await m.query(`REVOKE ALL ON migrations FROM ${role}`);
    await m.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
  });
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = password;
  // The role was made under other owner credentials: give it this password (rare, so no race to fear).
  if (!(await logsIn(url.toString()))) await withPassword(ownerUrl, `ALTER ROLE ${role} PASSWORD '${password}'`);
  return url.toString();
}
