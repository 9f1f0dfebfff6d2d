import { ArgsType, Field, Int, ObjectType, Directive, type ClassType } from "type-graphql";
import { BadUserInputError } from "./errors";

/**
 * Cursor pagination (`first`/`after`), keyset-based: the cursor encodes the last row's sort key,
 * so a page costs one indexed range scan however deep it is.
 */
@Directive("@shareable")
@ObjectType({ description: "Where a page ends and whether another follows." })
export class PageInfo {
  @Field(() => Boolean) hasNextPage: boolean;
  @Field(() => String, { nullable: true, description: "Pass as `after` to get the next page." })
  endCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: "Page size (capped by MAX_PAGE_SIZE)." })
  first: number;
  @Field(() => String, { nullable: true, description: "The `endCursor` of the previous page." })
  after?: string | null;
}

export interface Connection<T> {
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A `<Name>Connection` object type for a node type (type-graphql generic type). */
export function ConnectionType<T extends object>(Node: ClassType<T>) {
  @ObjectType()
  abstract class ConnectionClass implements Connection<T> {
    @Field(() => [Node]) nodes: T[];
    @Field(() => PageInfo) pageInfo: PageInfo;
    @Field(() => Int, { description: "How many nodes match, over all pages." }) totalCount: number;
  }
  return ConnectionClass;
}

export const encodeCursor = (key: string): string => Buffer.from(`k:${key}`).toString("base64url");

/**
 * The sort key inside a cursor; a cursor this hub did not issue is bad input. Base64 decoding skips
 * stray characters, so only the exact encoding of a key counts; keys are printable ASCII (codes,
 * ids, dates), so nothing else (a NUL PostgreSQL would fail on) reaches a query.
 */
export function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, "base64url").toString();
  const key = text.slice(2);
  if (!text.startsWith("k:") || !/^[\x21-\x7e]+$/.test(key) || encodeCursor(key) !== cursor) {
    throw new BadUserInputError("after", "is not a cursor this API issued");
  }
  return key;
}

/** Checks `first` against the cap and decodes `after`. */
export function pageWindow(args: PageArgs, maxPageSize: number): { limit: number; afterKey: string | null } {
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > maxPageSize) {
    throw new BadUserInputError("first", `must be from 1 to ${maxPageSize}`);
  }
  return { limit: args.first, afterKey: args.after ? decodeCursor(args.after) : null };
}

/** Builds a connection from up to `limit + 1` rows fetched in key order. */
export function toConnection<T>(rows: T[], limit: number, keyOf: (row: T) => string, totalCount: number): Connection<T> {
  const nodes = rows.slice(0, limit);
  const last = nodes[nodes.length - 1];
  return {
    nodes,
    totalCount,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: last ? encodeCursor(keyOf(last)) : null },
  };
}
