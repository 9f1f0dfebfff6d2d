import { Arg, Authorized, Ctx, Directive, Field, ID, Int, ObjectType, Query, Resolver } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import type { DataSource, MigrationInterface, QueryRunner } from "typeorm";
import { makeAppendOnly } from "./database";
import { intInRange } from "./validate";
import { scope, type Identity } from "./identity";

/**
 * PDPA: every read of personal or sensitive fields is logged by the subgraph that owns them, one
 * row per request (who, when, which operation, for what purpose, which fields of which records),
 * in an append-only table that a trigger keeps append-only even for the service's own user.
 */
export class AuditTrail {
  private readonly fields = new Set<string>();
  private readonly records = new Set<string>();

  /** The field `info` resolves, and the record `root` (of type `type`, default the field's parent type). */
  record(info: GraphQLResolveInfo, root: unknown, type = info.parentType.name): void {
    this.fields.add(`${info.parentType.name}.${info.fieldName}`);
    const r = root as { id?: unknown; houseCode?: unknown; code?: unknown } | undefined;
    const key = r?.id ?? r?.houseCode ?? r?.code;
    if (key !== undefined) this.records.add(`${type}:${String(key)}`);
  }

  /** Writes the request's row, if it read anything personal (one statement). */
  async flush(ds: DataSource, identity: Identity, request: { operationName: string | null; requestId: string }): Promise<void> {
    if (this.fields.size === 0) return;
    await ds.query(
      `INSERT INTO audit_log (subject, agency, role, purpose, operation_name, request_id, fields, records)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        identity.subject,
        identity.agency,
        identity.role,
        identity.purpose,
        request.operationName,
        request.requestId,
        [...this.fields],
        [...this.records],
      ],
    );
  }
}

export class AuditLog1764200000000 implements MigrationInterface {
  name = "AuditLog1764200000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE audit_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      subject text NOT NULL, agency text, role text NOT NULL, purpose text, operation_name text,
      fields text[] NOT NULL, records text[] NOT NULL)`);
    await makeAppendOnly(q, "audit_log");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_append_only`);
  }
}

/** The gateway's request id in each row: one client request traced from the gateway's log to here. */
export class AuditRequestId1765000000000 implements MigrationInterface {
  name = "AuditRequestId1765000000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log ADD COLUMN request_id text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log DROP COLUMN request_id`);
  }
}

@Directive("@shareable")
@ObjectType({ description: "One request that read personal or sensitive data." })
export class AuditEntry {
  @Field(() => ID) id: string;
  @Field(() => String, { description: "ISO timestamp." }) at: string;
  @Field(() => String) subject: string;
  @Field(() => String, { nullable: true }) agency: string | null;
  @Field(() => String) role: string;
  @Field(() => String, { nullable: true, description: "The x-purpose header the caller gave." }) purpose: string | null;
  @Field(() => String, { nullable: true }) operationName: string | null;
  @Field(() => String, { nullable: true, description: "The gateway's id of the request (its x-request-id header)." }) requestId:
    | string
    | null;
  @Field(() => [String], { description: "Type.field read." }) fields: string[];
  @Field(() => [String], { description: "Type:key of the records read." }) records: string[];
}

/** `<subgraph>AuditLog`: the newest entries of one subgraph's log, for the data-protection officer. */
export function auditLogResolver(subgraph: string): Function {
  const name = `${subgraph.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}AuditLog`;
  @Resolver()
  class AuditLogResolver {
    @Authorized(scope.audit)
    @Query(() => [AuditEntry], { name, nullable: true, description: `Who read personal data held by ${subgraph}, newest first.` })
    async auditLog(
      @Arg("last", () => Int, { defaultValue: 50 }) last: number,
      @Ctx() ctx: { ds: DataSource; config: { maxPageSize: number } },
    ): Promise<AuditEntry[]> {
      const rows: Record<string, any>[] = await ctx.ds.query(
        `SELECT id::text, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, subject, agency, role, purpose,
           operation_name AS "operationName", request_id AS "requestId", fields, records FROM audit_log ORDER BY audit_log.id DESC LIMIT $1`,
        [intInRange("last", last, 1, ctx.config.maxPageSize)],
      );
      return rows as AuditEntry[];
    }
  }
  return AuditLogResolver;
}
