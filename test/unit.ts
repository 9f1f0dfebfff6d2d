import { expect } from "vitest";
import { HubError } from "../subgraphs/kit/errors";
import { PUBLIC_IDENTITY, ROLES, type Identity } from "../subgraphs/kit/identity";

/** What the unit tests of the pure rules (`*.test.ts` beside the code) share. */

/**
 * What a client would read of the error `rule` throws: its code, the field it names, its message.
 * Anything but one of the hub's client errors (kit/errors.ts) fails the test.
 */
export function refusalOf(rule: () => unknown): { code: unknown; field: unknown; message: string } {
  try {
    rule();
  } catch (error) {
    if (!(error instanceof HubError)) throw error;
    return { code: error.extensions.code, field: error.extensions.field, message: error.message };
  }
  return expect.fail("the rule was not refused");
}

/** The identity a subgraph sees for a demo role's token (ROLES in kit/identity.ts). */
export const demoIdentity = (role: string): Identity => ({ ...PUBLIC_IDENTITY, subject: role, role, ...ROLES[role] });
