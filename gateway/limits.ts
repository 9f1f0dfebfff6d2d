import type { ApolloServerPlugin } from "@apollo/server";
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLFormattedError,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import type { LimitsConfig } from "../subgraphs/kit/config";

/** A list whose size no argument gives is assumed to hold this many items when estimating cost. */
const ASSUMED_LIST_SIZE = 10;

/** The arguments that size a list (`first` on connections, `last` on audit logs); limits.test.ts checks the schema has no other. */
export const PAGE_ARGUMENTS = ["first", "last"];

export interface OperationMeasure {
  /** Deepest field nesting; an introspection `ofType` chain does not deepen (one object per level). */
  depth: number;
  aliases: number;
  directives: number;
  /** Fragment definitions in the document. */
  fragments: number;
  /** Fields resolved, each multiplied by the sizes of the lists around it. */
  cost: number;
  /** The largest page size asked for (argument, variable, the variable's default or the argument's). */
  largestPage: number;
}

type Tally = Omit<OperationMeasure, "fragments">;
const empty = (): Tally => ({ depth: 0, aliases: 0, directives: 0, cost: 0, largestPage: 0 });
function add(into: Tally, t: Tally, depthOffset = 0, costFactor = 1): void {
  into.depth = Math.max(into.depth, t.depth + depthOffset);
  into.aliases += t.aliases;
  into.directives += t.directives;
  into.cost += t.cost * costFactor;
  into.largestPage = Math.max(into.largestPage, t.largestPage);
}

function fieldOf(schema: GraphQLSchema, parent: GraphQLNamedType | undefined, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  if (parent && parent === schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  }
  return parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
}

/**
 * Measures an operation before it is planned, introspection included. Linear in the document:
 * each fragment is measured once per page size its spread inherits (the only context its tally
 * depends on; depth and list multipliers scale a tally), not once per expansion.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const values: Record<string, unknown> = {};
  for (const v of operation.variableDefinitions ?? []) {
    if (v.defaultValue) values[v.variable.name.value] = valueFromASTUntyped(v.defaultValue);
  }
  Object.assign(values, variables);

  /** The page a field asks for: its argument (a literal or a variable, else the variable's default), else the argument's default. */
  const pageOf = (node: FieldNode, field: GraphQLField<unknown, unknown> | undefined): number | undefined => {
    let page: number | undefined;
    for (const name of PAGE_ARGUMENTS) {
      const given = node.arguments?.find((a) => a.name.value === name);
      const raw = (given && valueFromASTUntyped(given.value, values)) ?? field?.args.find((a) => a.name === name)?.defaultValue;
      const size = raw === null || raw === undefined ? Number.NaN : Number(raw);
      if (Number.isFinite(size)) page = Math.max(page ?? size, size);
    }
    return page;
  };

  // Keyed by fragment and inherited page size; null while being measured (a cycle, which validation refuses).
  const memo = new Map<string, Tally | null>();
  const spread = (name: string, pendingPage: number | undefined): Tally => {
    const key = `${name}:${pendingPage ?? ""}`;
    const known = memo.get(key);
    if (known !== undefined) return known ?? empty();
    const fragment = fragments.get(name);
    if (!fragment) return empty();
    memo.set(key, null);
    const tally = measureSet(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), pendingPage);
    tally.directives += fragment.directives?.length ?? 0;
    memo.set(key, tally);
    return tally;
  };

  /** `pendingPage`: the page size of the connection this set belongs to, which sizes its `nodes` list. */
  function measureSet(set: SelectionSetNode, parent: GraphQLNamedType | undefined, pendingPage?: number): Tally {
    const tally = empty();
    for (const sel of set.selections) {
      tally.directives += sel.directives?.length ?? 0;
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        add(tally, spread(sel.name.value, pendingPage));
        continue;
      }
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const on = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        add(tally, measureSet(sel.selectionSet, on, pendingPage));
        continue;
      }
      const field = fieldOf(schema, parent, sel.name.value);
      const page = pageOf(sel, field);
      if (sel.alias) tally.aliases++;
      if (page !== undefined) tally.largestPage = Math.max(tally.largestPage, page);
      const own: Tally = { ...empty(), depth: 1, cost: 1 };
      if (sel.selectionSet) {
        const isList = !!field && isListType(getNullableType(field.type));
        const size = isList ? (page ?? pendingPage ?? ASSUMED_LIST_SIZE) : 1;
        const below = measureSet(sel.selectionSet, field && getNamedType(field.type), isList ? undefined : page);
        add(own, below, sel.name.value === "ofType" ? 0 : 1, Math.max(1, size));
      }
      add(tally, own);
    }
    return tally;
  }

  const tally = measureSet(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined);
  tally.directives +=
    (operation.directives?.length ?? 0) + (operation.variableDefinitions ?? []).reduce((n, v) => n + (v.directives?.length ?? 0), 0);
  return { ...tally, fragments: fragments.size };
}

const limitExtensions = (limit: string, value: number, max: number) => ({
  code: "OPERATION_LIMIT_EXCEEDED",
  limit,
  value: Math.min(value, Number.MAX_SAFE_INTEGER),
  max,
});

const limitExceeded = (limit: string, value: number, max: number, change: string) => {
  const extensions = limitExtensions(limit, value, max);
  return new GraphQLError(`operation refused: ${limit} ${extensions.value} exceeds the limit of ${max}; ${change}`, {
    extensions: { ...extensions, http: { status: 400 } },
  });
};

/** The first limit an operation exceeds, as the error the client gets (saying what to change); undefined when within all. */
export function refusal(m: OperationMeasure, limits: LimitsConfig, maxPageSize: number): GraphQLError | undefined {
  const checks: [limit: string, value: number, max: number, change: string][] = [
    ["fragments", m.fragments, limits.maxFragments, "use fewer fragment definitions"],
    ["directives", m.directives, limits.maxDirectives, "use fewer directives"],
    ["depth", m.depth, limits.maxDepth, "select fewer nested levels"],
    ["aliases", m.aliases, limits.maxAliases, "use fewer aliases, or split the operation"],
    ["page size", m.largestPage, maxPageSize, "ask for smaller pages (first/last)"],
    ["cost", m.cost, limits.maxCost, "ask for smaller pages (first/last), fewer nested lists, or split the operation"],
  ];
  for (const [limit, value, max, change] of checks) if (value > max) return limitExceeded(limit, value, max, change);
  return undefined;
}

// graphql-js's wording when `maxTokens` stops the parser (16.x spells it "more that").
const TOO_MANY_TOKENS = /Document contains more tha[nt] \d+ tokens/;
const SUGGESTION = / ?Did you mean [^?]*\?/g;

/** How the gateway applies the limits: Apollo Server options, and a formatError step. */
export interface GatewayLimits {
  /** Apollo's `parseOptions`: graphql-js stops lexing at MAX_TOKENS, before building any AST beyond it. */
  parseOptions: { maxTokens: number };
  /** Measures every operation after validation and before the gateway plans or calls anything. */
  plugin: ApolloServerPlugin;
  /** Reports the token limit like the others, and hides "Did you mean" suggestions when asked. */
  formatError(formatted: GraphQLFormattedError): GraphQLFormattedError;
}

export function operationLimits(limits: LimitsConfig, maxPageSize: number, options: { hideSuggestions: boolean }): GatewayLimits {
  return {
    parseOptions: { maxTokens: limits.maxTokens },
    plugin: {
      async requestDidStart() {
        return {
          async didResolveOperation({ schema, document, operation, request }) {
            if (!operation) return;
            const error = refusal(measureOperation(schema, document, operation, request.variables ?? {}), limits, maxPageSize);
            if (error) throw error;
          },
        };
      },
    },
    formatError(formatted) {
      if (formatted.extensions?.code === "GRAPHQL_PARSE_FAILED" && TOO_MANY_TOKENS.test(formatted.message)) {
        // The parser stopped at the first token past the limit: "more than max" is all that is known.
        const max = limits.maxTokens;
        return {
          message: `operation refused: the document has more than ${max} tokens, the limit; send a smaller document`,
          locations: formatted.locations,
          extensions: limitExtensions("tokens", max + 1, max),
        };
      }
      return options.hideSuggestions ? { ...formatted, message: formatted.message.replace(SUGGESTION, "") } : formatted;
    },
  };
}
