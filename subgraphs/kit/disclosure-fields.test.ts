import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Kind, type ObjectTypeDefinitionNode, parse, type TypeNode } from "graphql";
import { describe, expect, it } from "vitest";
import { PUBLIC_COUNT, PUBLIC_MEASURE, PUBLIC_TOTAL, SHOWN_EXACT } from "./disclosure-fields";

const SUPERGRAPH = readFileSync(resolve(__dirname, "../../schema/supergraph.graphql"), "utf8");
const named = (t: TypeNode): string => (t.kind === Kind.NAMED_TYPE ? t.name.value : named(t.type));
// Root fields the public may call; the others need an agency's read scope (or audit:read) and serve records.
const PUBLIC_ROOTS = [
  "tambonPlan",
  "provincePlans",
  "province",
  "districts",
  "district",
  "tambon",
  "tambons",
  "village",
  "tambonCouncil",
  "tambonCouncils",
  "welfareFund",
  "farmerOrganizations",
  "farmerTrainings",
  "cropPrices",
  "programmeBudgets",
  "housingProgrammes",
];
const RECORD_ROOTS = [
  "farmer",
  "farmers",
  "priceComplaints",
  "agricultureAuditLog",
  "welfareFundMembers",
  "welfareFundPayouts",
  "communityCouncilsAuditLog",
  "assistanceCase",
  "assistanceCases",
  "housingAuditLog",
  "households",
  "household",
  "person",
  "socialDevelopmentAuditLog",
  "referral",
  "referralQueue",
];
// Fields of public types that need a read scope: people and their records, not figures.
const BEHIND_READ = new Set([
  "TambonCouncils.changeLeaders",
  "TambonCouncil.members",
  "TambonCouncil.chair",
  "FarmerOrganization.members",
  "FarmerTraining.attendees",
  "District.householdsInNeed",
  "District.housingCandidates",
  "District.householdMoves",
  "District.housingOutcomes",
  "District.agricultureOutcomes",
  "District.councilsOutcomes",
]);

/** Walks every type a public caller can reach; returns the figures without the kit's rule or a reason. */
function publicFigures(sdl: string) {
  const doc = parse(sdl);
  const types = new Map(
    doc.definitions.filter((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION).map((d) => [d.name.value, d]),
  );
  const roots = types.get("Query")!.fields!;
  const seen = new Set<string>();
  const unruled: string[] = [];
  let ruled = 0;
  const walk = (typeName: string) => {
    const type = types.get(typeName);
    if (!type || seen.has(typeName)) return;
    seen.add(typeName);
    for (const field of type.fields ?? []) {
      const name = `${typeName}.${field.name.value}`;
      const of = named(field.type);
      const description = field.description?.value ?? "";
      if (types.has(of)) {
        if (!BEHIND_READ.has(name)) walk(of);
        continue;
      }
      const figure = of === "Int" || of === "Float" || (of === "String" && /baht/i.test(description));
      if (!figure || /Year(BE)?$/.test(field.name.value) || field.name.value === "level") continue;
      if ([PUBLIC_COUNT, PUBLIC_MEASURE, PUBLIC_TOTAL].some((rule) => description.includes(rule))) ruled++;
      else if (!SHOWN_EXACT[name]) unruled.push(name);
    }
  };
  for (const root of PUBLIC_ROOTS) walk(named(roots.find((f) => f.name.value === root)!.type));
  return { roots: roots.map((f) => f.name.value), seen, unruled, ruled };
}

/**
 * The guard that no figure skips the rule: every number (Int, Float) and every amount of baht a
 * public caller can reach in the committed supergraph is declared with the kit's fields (its
 * description then says how the public sees it), or is listed in SHOWN_EXACT with a reason.
 */
describe("every public figure of every agency is under the kit's rule", () => {
  it("each root field is known to be public or to need a read scope", () => {
    expect(publicFigures(SUPERGRAPH).roots.filter((r) => !PUBLIC_ROOTS.includes(r) && !RECORD_ROOTS.includes(r))).toEqual([]);
  });

  it("every number and amount of baht a public caller can reach is a kit field, a year, or shown exact for a reason", () => {
    const { unruled, ruled, seen } = publicFigures(SUPERGRAPH);
    expect(unruled).toEqual([]);
    expect(ruled).toBeGreaterThan(40);
    expect(Object.keys(SHOWN_EXACT).filter((name) => !seen.has(name.split(".")[0]))).toEqual([]); // no stale reason
  });

  it("it bites: a count added to a tambon's housing figures without the kit's field is caught", () => {
    const sdl = SUPERGRAPH.replace(
      /type TambonHousing\b[^{]*\{/,
      (head) => `${head}\n  """Households with a new grant."""\n  granted: Int\n`,
    );
    expect(publicFigures(sdl).unruled).toEqual(["TambonHousing.granted"]);
  });
});
