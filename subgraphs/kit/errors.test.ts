import { describe, expect, it } from "vitest";
import { BadUserInputError, ConflictError, ForbiddenError, maskError, NotFoundError } from "./errors";

/** What Apollo Server hands `formatError` for an error raised in a resolver. */
const formatted = (error: Error & { extensions?: Record<string, unknown> }) => ({
  message: error.message,
  path: ["field"],
  extensions: { ...error.extensions, stacktrace: ["at secret (/work/hub/subgraphs/x.ts:1:1)"] },
});

describe("what a client reads of an error", () => {
  it("bad input keeps its message, code, field and reason, without the stack trace", () => {
    const error = new BadUserInputError("houseCode", "must be exactly 11 digits");
    expect(maskError(formatted(error), error)).toEqual({
      message: "houseCode: must be exactly 11 digits",
      path: ["field"],
      extensions: { code: "BAD_USER_INPUT", field: "houseCode", reason: "must be exactly 11 digits" },
    });
  });

  it("NOT_FOUND, CONFLICT and FORBIDDEN reach the client as written, naming the field", () => {
    for (const error of [
      new NotFoundError("case", "42"),
      new ConflictError("stage", "closed"),
      new ForbiddenError("needs housing:screen", "stage"),
    ]) {
      const shown = maskError(formatted(error), error);
      expect(shown.message).toBe(error.message);
      expect(shown.extensions).not.toHaveProperty("stacktrace");
      expect(shown.extensions?.field).toBeDefined();
    }
  });

  // This leaves an "internal error" line in the log (kit/log.ts), as the hub does for its operator.
  it("an unexpected error (SQL, a path) reaches the client only as INTERNAL_SERVER_ERROR", () => {
    const error = Object.assign(new Error('deliberate (errors.test.ts): relation "person" does not exist at /work/hub/db.ts'), {
      extensions: { code: "42P01" },
    });
    const shown = maskError({ ...formatted(error), locations: [{ line: 1, column: 3 }] }, { originalError: error });
    expect(shown).toEqual({
      message: "Internal server error",
      locations: [{ line: 1, column: 3 }],
      path: ["field"],
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
    expect(JSON.stringify(shown)).not.toMatch(/relation|\/work|stacktrace/);
  });
});
