import type { AuthChecker } from "type-graphql";
import { ForbiddenError } from "./errors";
import { hasScope, type Identity } from "./identity";
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
