import {
  type ConstDirectiveNode,
  type FieldDefinitionNode,
  Kind,
  type NamedTypeNode,
  type ObjectTypeDefinitionNode,
  parse,
  print,
} from "graphql";

/**
 * The hub's supergraph as Hive Gateway 2.15 can load it. Hive turns the supergraph into stitching
 * configuration, and a field with `@requires` gets a subschema of its own in which each type it
 * returns, if nothing else in its subgraph returns it, is marked canonical. A value type (no
 * `@key`) returned by such fields in several subgraphs (issue 13's outcomes: `HelpOutcome` from
 * housing, agriculture and the councils, each `@requires(householdMoves …)`) is then canonical
 * several times and Hive refuses the whole graph ("Multiple canonical definitions for
 * HelpOutcome"): every request answers 500. Apollo's composition accepts it. The workaround adds,
 * for each such subgraph, a Query field returning the type that is `@inaccessible` (filtered out
 * of the API Hive serves): the type is then no longer isolated, and nothing else changes.
 */
export function hiveLoadableSupergraph(sdl: string): string {
  const doc = parse(sdl);
  const directives = (d: readonly ConstDirectiveNode[] | undefined, name: string) =>
    (d ?? [])
      .filter((x) => x.name.value === name)
      .map((x) => ({ graph: arg(x, "graph"), key: arg(x, "key"), requires: arg(x, "requires") }));
  const valueTypes = new Set<string>();
  for (const def of doc.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const owners = directives(def.directives, "join__type");
    if (owners.length > 1 && owners.every((o) => o.key === undefined)) valueTypes.add(def.name.value);
  }
  /** Value types returned by `@requires` fields, with the graphs of those fields. */
  const computedIn = new Map<string, Set<string>>();
  for (const def of doc.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    for (const field of def.fields ?? []) {
      const type = namedType(field.type).name.value;
      if (!valueTypes.has(type)) continue;
      for (const { graph, requires } of directives(field.directives, "join__field")) {
        if (requires && graph) computedIn.set(type, (computedIn.get(type) ?? new Set()).add(graph));
      }
    }
  }
  const extra = [...computedIn]
    .filter(([, graphs]) => graphs.size > 1)
    .flatMap(([type, graphs]) => [...graphs].map((g) => `_hive${type}In${g}: ${type} @join__field(graph: ${g}) @inaccessible`));
  if (!extra.length) return sdl;
  const fields = (parse(`type X { ${extra.join(" ")} }`).definitions[0] as ObjectTypeDefinitionNode).fields!;
  const withFields = {
    ...doc,
    definitions: doc.definitions.map((d) =>
      d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === "Query" ? { ...d, fields: [...(d.fields ?? []), ...fields] } : d,
    ),
  };
  let out = print(withFields);
  if (!/specs\.apollo\.dev\/inaccessible\//.test(sdl)) {
    out = out.replace(/\n {2}@link\(/, '\n  @link(url: "https://specs.apollo.dev/inaccessible/v0.2", for: SECURITY)\n  @link(');
    out +=
      "\ndirective @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION\n";
  }
  return out;
}

function arg(directive: ConstDirectiveNode, name: string): string | undefined {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  return value && (value.kind === Kind.ENUM || value.kind === Kind.STRING) ? value.value : undefined;
}

function namedType(type: FieldDefinitionNode["type"]): NamedTypeNode {
  return type.kind === Kind.NAMED_TYPE ? type : namedType(type.type);
}
