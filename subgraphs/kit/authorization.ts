import { Field, Int, UseMiddleware, type AuthChecker, type MiddlewareFn } from "type-graphql";
import { ForbiddenError } from "./errors";
import { hasScope, scope, type Identity } from "./identity";
import type { AuditTrail } from "./audit";

interface AuthContext {
  identity: Identity;
  audit: AuditTrail;
}

/**
 * `@Authorized(...scopes)`: any one of the scopes lets the caller through. Otherwise the field is
 * null with a FORBIDDEN error naming it, and the rest of the query still returns. A personal or
 * sensitive field (one that names a `:pii` or `:sensitive` scope) that is let through is written to
 * the audit trail with the record it belongs to.
 */
export const authChecker: AuthChecker<AuthContext> = ({ root, context, info }, scopes) => {
  const granted = scopes.find((s) => hasScope(context.identity, s));
  if (!granted) {
    const field = `${info.parentType.name}.${info.fieldName}`;
    throw new ForbiddenError(`${field} needs one of the scopes: ${scopes.join(", ")}`, field);
  }
  // A personal field is audited whichever scope let the caller in (a committee's screening scope too).
  if (scopes.some((s) => s.endsWith(":pii") || s.endsWith(":sensitive"))) context.audit.record(info, root);
  return true;
};

/** Counts from 1 to 4 could identify a household: suppressed (null) unless the caller may see them. */
export const SMALLEST_SHOWN = 5;

/** True when `n` (1-4 records) must be hidden from this caller: not the owner, no exact-count rights. */
export function hidesFew(identity: Identity, owner: string, n: number): boolean {
  const exact = hasScope(identity, scope.exactCounts) || hasScope(identity, scope.read(owner));
  return n > 0 && n < SMALLEST_SHOWN && !exact;
}

export function SmallCount(owner: string): MiddlewareFn<AuthContext> {
  return async ({ context }, next) => {
    const value = await next();
    return typeof value === "number" && hidesFew(context.identity, owner, value) ? null : value;
  };
}

/** A statistic over few records (a median income of 1-4 sales) would tell one household's figure. */
export function SuppressedWhenFew<T>(owner: string, countOf: (root: T) => number): MiddlewareFn<AuthContext> {
  return async ({ root, context }, next) => {
    const value = await next();
    return hidesFew(context.identity, owner, countOf(root as T)) ? null : value;
  };
}

/** A count field anyone may read: `Int`, null when suppressed (see SmallCount). */
export function CountField(owner: string, description?: string): PropertyDecorator & MethodDecorator {
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    UseMiddleware(SmallCount(owner))(target, key, descriptor as never);
    Field(() => Int, { nullable: true, description })(target, key, descriptor as never);
  };
}
