import type { ApolloServerPlugin } from "@apollo/server";
import { type DocumentNode, GraphQLError, type GraphQLFormattedError, Kind, type SelectionSetNode } from "graphql";
import type { FailureReason } from "./circuit";

/**
 * Partial answers (README, "Partial answers"): when a subgraph cannot answer, the gateway still
 * answers with everything the others gave (HTTP 200), and `errors` holds exactly one error per
 * subgraph that failed:
 *
 *   { message: "agriculture is unavailable: no answer within 4000 ms",
 *     path: [first field it left null],
 *     extensions: { code: "SUBGRAPH_UNAVAILABLE", serviceName: "agriculture",
 *                   reason: "TIMEOUT" | "UNREACHABLE" | "BAD_RESPONSE" | "CIRCUIT_OPEN",
 *                   paths: [every field it left null] } }
 *
 * `serviceName` is the subgraph's name (schema/<name>.graphql) and is a contract: the dashboard
 * shows "no data from <agency>" from it. Nothing else about the failure (URL, status text, body)
 * is ever in the answer.
 */
export const SUBGRAPH_UNAVAILABLE = "SUBGRAPH_UNAVAILABLE";

type Path = readonly (string | number)[];

/** One failed fetch: thrown by the subgraph client, merged per subgraph by the plugin below. */
export class SubgraphUnavailableError extends GraphQLError {
  constructor(
    readonly serviceName: string,
    readonly reason: FailureReason,
    readonly detail: string,
    /** Where the fetch's entities sit in the answer (the query plan's path, `@` for every list item). */
    readonly entitiesAt: Path,
    /** The fetch's own operation: its fields are the ones left null. */
    readonly fetched: DocumentNode | undefined,
  ) {
    super(`${serviceName} is unavailable: ${detail}`, { extensions: { code: SUBGRAPH_UNAVAILABLE, serviceName, reason } });
  }
}

/** The response keys a fetch asked for at its top (through `_entities` and fragments), but __typename. */
function fetchedFields(document: DocumentNode | undefined): string[] {
  const operation = document?.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return [];
  const fragments = new Map(document!.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])));
  const keys = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else if (s.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(s.name.value);
        if (fragment) walk(fragment.selectionSet);
      } else if (s.name.value === "_entities" && s.selectionSet) walk(s.selectionSet);
      else if (s.name.value !== "__typename") keys.add(s.alias?.value ?? s.name.value);
    }
  };
  walk(operation.selectionSet);
  return [...keys];
}

/** The concrete paths (list indices for `@`) of the objects at `path` in `data`. */
function objectsAt(data: unknown, path: Path): Path[] {
  let found: { value: unknown; at: (string | number)[] }[] = [{ value: data, at: [] }];
  for (const key of path) {
    found = found.flatMap(({ value, at }) => {
      if (value === null || typeof value !== "object") return [];
      if (key === "@") return Array.isArray(value) ? value.map((v, i) => ({ value: v, at: [...at, i] })) : [];
      return [{ value: (value as Record<string | number, unknown>)[key], at: [...at, key] }];
    });
  }
  return found.filter(({ value }) => value !== null && typeof value === "object" && !Array.isArray(value)).map(({ at }) => at);
}

/** The paths of the fields a failed fetch left null. A root fetch's fields are named even when `data` itself is null. */
function nulledPaths(error: SubgraphUnavailableError, data: unknown): Path[] {
  const fields = fetchedFields(error.fetched);
  const parents = error.entitiesAt.length === 0 ? [[]] : objectsAt(data, error.entitiesAt);
  return parents.flatMap((parent) => fields.map((field) => [...parent, field]));
}

/** The failed fetches of one request as one error per subgraph. */
export function mergeUnavailable(failed: SubgraphUnavailableError[], data: unknown): GraphQLFormattedError[] {
  const bySubgraph = new Map<string, SubgraphUnavailableError[]>();
  for (const error of failed) bySubgraph.set(error.serviceName, [...(bySubgraph.get(error.serviceName) ?? []), error]);
  return [...bySubgraph].map(([serviceName, errors]) => {
    const seen = new Set<string>();
    const paths = errors.flatMap((e) => nulledPaths(e, data)).filter((p) => !seen.has(p.join(".")) && seen.add(p.join(".")));
    // A call that really failed says more than one the breaker refused because earlier ones did.
    const first = errors.find((e) => e.reason !== "CIRCUIT_OPEN") ?? errors[0];
    return {
      message: first.message,
      ...(paths.length > 0 ? { path: paths[0] } : {}),
      extensions: { code: SUBGRAPH_UNAVAILABLE, serviceName, reason: first.reason, paths },
    };
  });
}

const unavailable = (error: unknown): SubgraphUnavailableError | undefined =>
  error instanceof SubgraphUnavailableError
    ? error
    : (error as { originalError?: unknown })?.originalError instanceof SubgraphUnavailableError
      ? ((error as { originalError: SubgraphUnavailableError }).originalError as SubgraphUnavailableError)
      : undefined;

/** True for an error the plugin merges: formatError must let it through unmasked. */
export const isUnavailable = (error: unknown): boolean => unavailable(error) !== undefined;

/** Replaces the request's SUBGRAPH_UNAVAILABLE errors by one per subgraph, with the paths it left null. */
export const partialAnswers: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, errors }) {
        const failed = (errors ?? []).flatMap((e) => unavailable(e) ?? []);
        if (failed.length === 0 || response.body.kind !== "single") return;
        const result = response.body.singleResult;
        const others = (result.errors ?? []).filter((e) => e.extensions?.code !== SUBGRAPH_UNAVAILABLE);
        result.errors = [...others, ...mergeUnavailable(failed, result.data)];
      },
    };
  },
};
