import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { logger } from "./log";

const log = logger("errors");

/**
 * Errors a client is meant to read: each has a fixed `extensions.code`. Anything else that
 * escapes a resolver is reported as INTERNAL_SERVER_ERROR without its message (see maskError),
 * so no SQL text or stack trace ever reaches a client.
 */
export class HubError extends GraphQLError {
  constructor(code: string, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

/** Bad input: names the argument field at fault and why. Nothing was written. */
export class BadUserInputError extends HubError {
  constructor(field: string, reason: string) {
    super("BAD_USER_INPUT", `${field}: ${reason}`, { field, reason });
  }
}

/** Nothing has this key: names the argument (`extensions.field`) and the key asked for (`extensions.value`). */
export class NotFoundError extends HubError {
  constructor(field: string, key: string, message = `${field} ${key} does not exist`) {
    super("NOT_FOUND", message, { field, value: key });
  }
}

/** The write would duplicate something unique (a house code, a citizen ID). Nothing was written. */
export class ConflictError extends HubError {
  constructor(field: string, reason: string) {
    super("CONFLICT", `${field}: ${reason}`, { field, reason });
  }
}

export class ForbiddenError extends HubError {
  constructor(message: string, field?: string) {
    super("FORBIDDEN", message, field ? { field } : {});
  }
}

/** Codes whose messages are safe to show as they are (ours, and graphql-js's own validation). */
const PUBLIC_CODES = new Set([
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "CONFLICT",
  "FORBIDDEN",
  "UNAUTHENTICATED",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "OPERATION_LIMIT_EXCEEDED",
  "RATE_LIMITED",
]);

/** Apollo Server's `formatError`: keep public errors, hide the text of everything else. */
export function maskError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === "string" && PUBLIC_CODES.has(code)) {
    const { stacktrace: _hidden, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  log.error({ err: (error as { originalError?: unknown })?.originalError ?? error, path: formatted.path }, "internal error");
  return {
    message: "Internal server error",
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  };
}
