import type { ApolloServerPlugin } from "@apollo/server";
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import type { LimitsConfig } from "../subgraphs/kit/config";

/** A list without `first` is assumed to hold this many items when estimating cost. */
const ASSUMED_LIST_SIZE = 10;

export interface OperationMeasure {
  depth: number;
  aliases: number;
  cost: number;
  largestPage: number;
}

/**
 * Measures an operation before it is planned: nesting depth, aliases, and cost = fields resolved,
 * each multiplied by the sizes of the lists around it (`first`, else ASSUMED_LIST_SIZE).
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const m: OperationMeasure = { depth: 0, aliases: 0, cost: 0, largestPage: 0 };
  const root = operation.operation === "mutation" ? schema.getMutationType() : schema.getQueryType();

  const walk = (
    set: SelectionSetNode,
    parent: GraphQLCompositeType | null | undefined,
    depth: number,
    multiplier: number,
    seen: Set<string>,
    pendingPage?: number,
  ) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(sel.name.value);
        if (!fragment || seen.has(sel.name.value)) continue; // a cycle is graphql-js validation's to refuse
        const on = schema.getType(fragment.typeCondition.name.value);
        walk(fragment.selectionSet, isCompositeType(on) ? on : null, depth, multiplier, new Set([...seen, sel.name.value]), pendingPage);
        continue;
      }
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const on = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        walk(sel.selectionSet, isCompositeType(on) ? on : null, depth, multiplier, seen, pendingPage);
        continue;
      }
      // Introspection is switched on or off as a whole (INTROSPECTION), not measured.
      if (sel.name.value.startsWith("__")) continue;
      if (sel.alias) m.aliases++;
      m.depth = Math.max(m.depth, depth);
      m.cost += multiplier;
      if (!sel.selectionSet) continue;
      const field = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[sel.name.value] : undefined;
      const pageArg = sel.arguments?.find((a) => a.name.value === "first" || a.name.value === "last");
      const raw = pageArg ? Number(valueFromASTUntyped(pageArg.value, variables)) : NaN;
      const page = Number.isFinite(raw) ? raw : undefined; // a variable left to its default: assumed
      if (page !== undefined) m.largestPage = Math.max(m.largestPage, page);
      // A connection's `first` sizes the `nodes` list below it.
      const isList = !!field && isListType(getNullableType(field.type));
      const size = isList ? (page ?? pendingPage ?? ASSUMED_LIST_SIZE) : 1;
      const next = field ? getNamedType(field.type) : null;
      walk(
        sel.selectionSet,
        isCompositeType(next) ? next : null,
        depth + 1,
        multiplier * Math.max(1, size),
        seen,
        isList ? undefined : page,
      );
    }
  };
  walk(operation.selectionSet, root, 1, 1, new Set());
  return m;
}

const tooMuch = (what: string, value: number, max: number) =>
  new GraphQLError(`operation refused: ${what} ${value} exceeds the limit of ${max}`, {
    extensions: { code: "OPERATION_LIMIT_EXCEEDED", limit: what, value, max, http: { status: 400 } },
  });

/** Refuses an abusive operation before the gateway calls any subgraph. */
export function operationLimits(limits: LimitsConfig, maxPageSize: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const m = measureOperation(schema, document, operation, request.variables ?? {});
          if (m.depth > limits.maxDepth) throw tooMuch("depth", m.depth, limits.maxDepth);
          if (m.aliases > limits.maxAliases) throw tooMuch("aliases", m.aliases, limits.maxAliases);
          if (m.largestPage > maxPageSize) throw tooMuch("page size", m.largestPage, maxPageSize);
          if (m.cost > limits.maxCost) throw tooMuch("cost", m.cost, limits.maxCost);
        },
      };
    },
  };
}
