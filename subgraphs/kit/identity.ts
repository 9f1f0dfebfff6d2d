import { SUBGRAPH_NAMES } from "./config";

/**
 * Who is asking, as every subgraph sees it: verified by the gateway from the caller's token and
 * passed on in a short-lived token the gateway signs for each subgraph (see internal-token.ts).
 *
 * Scopes: `<agency>:read` (its records), `<agency>:write`, `<agency>:pii` (names, birth dates,
 * addresses, incomes, masked IDs), `<agency>:sensitive` (health, disability), `housing:screen`
 * (a screening committee's decisions), `aggregates:exact` (unsuppressed small counts),
 * `audit:read`. A scope of another agency's name is a data-sharing grant from that agency.
 */
export interface Identity {
  subject: string;
  agency: string | null;
  role: string;
  scopes: string[];
  /** Why the data is read (the `x-purpose` header), kept in the audit log. */
  purpose: string | null;
  /** The client's operation name, as the gateway received it (kept in the audit log). */
  operation?: string | null;
}

export const PUBLIC_IDENTITY: Identity = { subject: "anonymous", agency: null, role: "public", scopes: [], purpose: null };

export const scope = {
  read: (agency: string) => `${agency}:read`,
  write: (agency: string) => `${agency}:write`,
  pii: (agency: string) => `${agency}:pii`,
  sensitive: (agency: string) => `${agency}:sensitive`,
  exactCounts: "aggregates:exact",
  audit: "audit:read",
  screen: "housing:screen",
  /** May refer a household's need to another agency, answer and read casework (issue 13); audited. */
  refer: "social-development:refer",
  /** May ask the registry for a registered person's linkage id by citizen ID (`linkPerson`, audited). */
  link: "social-development:link",
} as const;

/** The demo identities (`npm run token -- --role <role>`): what each kind of user may do. */
export const ROLES: Record<string, { agency: string | null; scopes: string[]; description: string }> = {
  public: {
    agency: null,
    scopes: [],
    description: "a public dashboard: aggregates only, under disclosure control (counts rounded to 5, 1-4 hidden)",
  },
  "social-worker": {
    agency: "social-development",
    scopes: ["read", "write", "pii", "sensitive", "link", "refer"].map((s) => `social-development:${s}`),
    description: "พมจ. social worker: the registry, with names and sensitive flags",
  },
  "housing-officer": {
    agency: "housing",
    scopes: [
      "housing:read",
      "housing:write",
      "housing:pii",
      "social-development:read",
      "social-development:link",
      "social-development:refer",
    ],
    description: "อบจ. housing officer: surveys and cases; households by code, no names",
  },
  "farmers-council-officer": {
    agency: "agriculture",
    scopes: [
      "agriculture:read",
      "agriculture:write",
      "agriculture:pii",
      "social-development:read",
      "social-development:link",
      "social-development:refer",
    ],
    description: "farmers council officer: farmers, plots, crops, complaints",
  },
  "council-network-officer": {
    agency: "community-councils",
    scopes: [
      "community-councils:read",
      "community-councils:write",
      "community-councils:pii",
      "social-development:read",
      "social-development:link",
      "social-development:refer",
    ],
    description: "council network / CODI officer: councils, leaders, welfare funds",
  },
  "welfare-fund-treasurer": {
    agency: "community-councils",
    scopes: [
      "community-councils:read",
      "community-councils:write",
      "community-councils:pii",
      "community-councils:sensitive",
      "social-development:link",
    ],
    description: "a fund's treasurer: contributions and payouts, including what a benefit paid for (health data)",
  },
  "district-screening-committee": {
    agency: "district",
    scopes: ["housing:read", "housing:screen", "social-development:read", "social-development:pii"],
    description: "district committee: screens housing cases, sees the households' names (shared by พมจ.)",
  },
  "case-conference": {
    agency: "province",
    scopes: [
      "social-development:read",
      "social-development:pii",
      "housing:read",
      "agriculture:read",
      "agriculture:pii",
      "community-councils:read",
    ],
    description: "multi-agency case conference: one household's whole profile, names shared under the MOU; no health flags",
  },
  "provincial-analyst": {
    agency: "province",
    scopes: ["aggregates:exact"],
    description: "provincial analyst: exact aggregates across agencies, no personal records",
  },
  "data-protection-officer": {
    agency: "province",
    scopes: ["audit:read"],
    description: "data-protection officer: reads every agency's audit log",
  },
};

export const hasScope = (identity: Identity, wanted: string): boolean => identity.scopes.includes(wanted);

/** The role an audit row records for a token whose `role` is none of ROLES. */
export const UNKNOWN_ROLE = "unknown";

/** Every agency a token may name (the roles' and the subgraphs'); anything else is recorded as none. */
export const KNOWN_AGENCIES: ReadonlySet<string> = new Set([
  ...SUBGRAPH_NAMES,
  ...Object.values(ROLES).flatMap((r) => (r.agency ? [r.agency] : [])),
]);

/** Every scope that authorizes something in some subgraph; a token's other scopes are dropped. */
export const KNOWN_SCOPES: ReadonlySet<string> = new Set([
  ...SUBGRAPH_NAMES.flatMap((a) => [scope.read(a), scope.write(a), scope.pii(a), scope.sensitive(a)]),
  ...Object.values(ROLES).flatMap((r) => r.scopes),
  scope.exactCounts,
  scope.audit,
  scope.screen,
  scope.link,
]);
