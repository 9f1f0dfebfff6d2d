import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { type DirectiveNode, type FieldDefinitionNode, Kind, type ObjectTypeDefinitionNode, parse, print } from "graphql";
import { describe, expect, it } from "vitest";
import { SECTION_FIELDS, type SectionAgency } from "./sections";

/**
 * The rules that let the hub degrade by agency (README, "Adding fields to another agency's type"),
 * checked on the committed supergraph (test/schema.test.ts keeps it fresh), so that an agency adding
 * a flat or non-null field to another owner's type fails here before it can blank the others.
 */
const SUPERGRAPH = readFileSync(resolve(__dirname, "../../schema/supergraph.graphql"), "utf8");

/** Who owns each entity that several subgraphs share; a new shared entity must be added here. */
const OWNER_OF: Record<string, string> = {
  Province: "area",
  District: "area",
  Tambon: "area",
  Village: "area",
  Household: "social-development",
  Person: "social-development",
  Referral: "social-development",
};
/** The places: their other agencies' fields go under one section per agency (rule 1). */
const PLACES = ["Province", "District", "Tambon", "Village"];

const arg = (d: DirectiveNode, name: string): string | boolean | undefined => {
  const value = d.arguments?.find((a) => a.name.value === name)?.value;
  if (value?.kind === Kind.STRING || value?.kind === Kind.ENUM) return value.value;
  if (value?.kind === Kind.BOOLEAN) return value.value;
  return undefined;
};
const directives = (node: { directives?: readonly DirectiveNode[] }, name: string) =>
  (node.directives ?? []).filter((d) => d.name.value === name);
const pascal = (name: string) => name[0].toUpperCase() + name.slice(1);

/** The supergraph read as: each object type's subgraphs and keys, each field's subgraphs (by subgraph name). */
function read(sdl: string) {
  const doc = parse(sdl);
  const graphs = new Map<string, string>();
  const types = new Map<string, ObjectTypeDefinitionNode>();
  for (const def of doc.definitions) {
    if (def.kind === Kind.ENUM_TYPE_DEFINITION && def.name.value === "join__Graph") {
      for (const v of def.values ?? []) graphs.set(v.name.value, arg(directives(v, "join__graph")[0], "name") as string);
    }
    if (def.kind === Kind.OBJECT_TYPE_DEFINITION) types.set(def.name.value, def);
  }
  const subgraphsOf = (type: ObjectTypeDefinitionNode) => directives(type, "join__type").map((d) => graphs.get(arg(d, "graph") as string)!);
  const keysOf = (type: ObjectTypeDefinitionNode) =>
    new Set(
      directives(type, "join__type").flatMap((d) =>
        String(arg(d, "key") ?? "")
          .split(/\s+/)
          .filter(Boolean),
      ),
    );
  /** The subgraphs that resolve a field (a field without @join__field is in every subgraph of its type). */
  const resolvedBy = (type: ObjectTypeDefinitionNode, field: FieldDefinitionNode) => {
    const joins = directives(field, "join__field");
    if (joins.length === 0) return subgraphsOf(type);
    return joins.filter((d) => arg(d, "external") !== true).map((d) => graphs.get(arg(d, "graph") as string)!);
  };
  /** Fields federation needs on the entity itself: a field with `requires`, or one another field requires. */
  const neededOnEntity = (type: ObjectTypeDefinitionNode) => {
    const names = new Set<string>();
    for (const field of type.fields ?? []) {
      for (const d of directives(field, "join__field")) {
        const requires = arg(d, "requires");
        if (typeof requires !== "string") continue;
        names.add(field.name.value);
        for (const required of requires
          .replace(/\{[^}]*\}/g, " ")
          .split(/\s+/)
          .filter(Boolean))
          names.add(required);
      }
    }
    return names;
  };
  return { types, subgraphsOf, keysOf, resolvedBy, neededOnEntity };
}

/** Every breach of the four rules in a supergraph, one line each. */
function violations(sdl: string) {
  const { types, subgraphsOf, keysOf, resolvedBy, neededOnEntity } = read(sdl);
  const found = { sections: [] as string[], nullable: [] as string[], roots: [] as string[], owners: [] as string[] };
  const nullable = (f: FieldDefinitionNode) => f.type.kind !== Kind.NON_NULL_TYPE;

  for (const [name, type] of types) {
    const shared = keysOf(type).size > 0 && new Set(subgraphsOf(type)).size > 1;
    if (shared && !OWNER_OF[name]) found.owners.push(`${name} is shared by ${subgraphsOf(type).join(", ")} but has no owner in OWNER_OF`);
    if (!shared) continue;
    // Rules 2 and 3: every non-key field of a shared entity, the owner's and the others', is nullable.
    for (const field of type.fields ?? []) {
      if (!keysOf(type).has(field.name.value) && !nullable(field)) {
        found.nullable.push(`${name}.${field.name.value}: ${print(field.type)} (by ${resolvedBy(type, field).join(", ")})`);
      }
    }
    if (!PLACES.includes(name)) continue;
    // Rule 1: another agency's fields on a place are one section per agency, named for it, of its own type.
    const exceptions = neededOnEntity(type);
    for (const field of type.fields ?? []) {
      const by = resolvedBy(type, field);
      if (keysOf(type).has(field.name.value) || by.includes(OWNER_OF[name]) || exceptions.has(field.name.value)) continue;
      const where = `${name}.${field.name.value} (by ${by.join(", ")})`;
      const agency = by[0] as SectionAgency;
      const expected = SECTION_FIELDS[agency];
      const named = field.type.kind === Kind.NON_NULL_TYPE ? field.type.type : field.type; // non-null: the nullable rule's
      const sectionType = named.kind === Kind.NAMED_TYPE ? types.get(named.name.value) : undefined;
      if (by.length !== 1 || field.name.value !== expected)
        found.sections.push(`${where}: an agency's fields on ${name} go under ${name}.${expected}`);
      else if (!sectionType || sectionType.name.value !== `${name}${pascal(expected)}`) {
        found.sections.push(`${where}: the section's type must be the object ${name}${pascal(expected)}`);
      } else if (subgraphsOf(sectionType).join() !== agency)
        found.sections.push(`${where}: ${sectionType.name.value} must be ${agency}'s own type`);
    }
  }
  // Rule 4: one failing root field does not null `data`.
  for (const root of ["Query", "Mutation"]) {
    for (const field of types.get(root)?.fields ?? [])
      if (!nullable(field)) found.roots.push(`${root}.${field.name.value}: ${print(field.type)}`);
  }
  return found;
}

/** The committed supergraph with one more field declared on a type, as if a subgraph had added it. */
const withField = (type: string, field: string) =>
  SUPERGRAPH.replace(new RegExp(`(\\ntype ${type}\\n(?:  @join__type[^\\n]*\\n)+\\{\\n)`), `$1  ${field}\n`);

describe("the schema degrades by agency", () => {
  it("every shared entity has its owner named, and only the places' rule-1 exceptions are the Q4 and Q5 fields", () => {
    expect(violations(SUPERGRAPH).owners).toEqual([]);
    const { types, neededOnEntity } = read(SUPERGRAPH);
    const exceptions = PLACES.flatMap((p) => [...neededOnEntity(types.get(p)!)].map((f) => `${p}.${f}`));
    expect(exceptions.sort()).toEqual([
      "District.agricultureOutcomes",
      "District.councilsOutcomes",
      "District.householdMoves",
      "District.householdsInNeed",
      "District.housingCandidates",
      "District.housingOutcomes",
    ]);
  });

  it("rule 1: every agency's figures on a tambon, district or province are one nullable section named for it", () => {
    expect(violations(SUPERGRAPH).sections).toEqual([]);
    const { types, resolvedBy } = read(SUPERGRAPH);
    const sections = (place: string) =>
      (types.get(place)!.fields ?? [])
        .filter((f) => !resolvedBy(types.get(place)!, f).includes("area") && f.name.value !== "code")
        .map((f) => `${f.name.value}: ${print(f.type)}`)
        .sort();
    expect(sections("Tambon")).toEqual([
      "agriculture: TambonAgriculture",
      "councils: TambonCouncils",
      "housing: TambonHousing",
      "registry: TambonRegistry",
    ]);
    expect(sections("District")).toEqual([
      "agricultureOutcomes: [HelpOutcome!]",
      "councils: DistrictCouncils",
      "councilsOutcomes: [HelpOutcome!]",
      "householdMoves: [HouseholdMove!]",
      "householdsInNeed: [HouseholdNeed!]",
      "housingCandidates: [HousingCandidate!]",
      "housingOutcomes: [HelpOutcome!]",
      "registry: DistrictRegistry",
    ]);
    expect(sections("Province")).toEqual(["councils: ProvinceCouncils", "registry: ProvinceRegistry"]);
  });

  it("rules 2 and 3: every non-key field of an entity several subgraphs share is nullable, its owner's fields too", () => {
    expect(violations(SUPERGRAPH).nullable).toEqual([]);
  });

  it("rule 4: every root query and mutation field is nullable", () => {
    expect(violations(SUPERGRAPH).roots).toEqual([]);
  });

  it("an agency adding a flat or non-null field to another owner's type is caught", () => {
    const flat = violations(withField("Tambon", "farmerCount: Int! @join__field(graph: AGRICULTURE)"));
    expect(flat.sections).toEqual(["Tambon.farmerCount (by agriculture): an agency's fields on Tambon go under Tambon.agriculture"]);
    expect(flat.nullable).toEqual(["Tambon.farmerCount: Int! (by agriculture)"]);
    const strictList = violations(withField("Household", "plots: [FarmPlot!]! @join__field(graph: AGRICULTURE)"));
    expect(strictList.nullable).toEqual(["Household.plots: [FarmPlot!]! (by agriculture)"]);
    const foreignType = violations(withField("District", "agriculture: TambonCrops @join__field(graph: AGRICULTURE)"));
    expect(foreignType.sections).toEqual([
      "District.agriculture (by agriculture): the section's type must be the object DistrictAgriculture",
    ]);
    const ownerField = violations(withField("Village", "postcode: String! @join__field(graph: AREA)"));
    expect(ownerField.nullable).toEqual(["Village.postcode: String! (by area)"]);
    const root = violations(
      SUPERGRAPH.replace("tambon(code: String!): Tambon @join__field", "tambon(code: String!): Tambon! @join__field"),
    );
    expect(root.roots).toEqual(["Query.tambon: Tambon!"]);
  });
});
