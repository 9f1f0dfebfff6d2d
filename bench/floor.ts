import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Kind, parse, type OperationDefinitionNode, type SelectionNode } from "graphql";
import type { DataSource } from "typeorm";
import { loadOperations } from "../gateway/operations";
import {
  type Count,
  exactCount,
  exactMeasure,
  type Measure,
  MeasureTotal,
  publicCount,
  publicMeasure,
  seesExact,
} from "../subgraphs/kit/disclosure";
import { toBahtString } from "../subgraphs/kit/money";
import { withClock, zoneClock } from "../subgraphs/kit/clock";
import { loadConfig, type SubgraphName } from "../subgraphs/kit/config";
import { PUBLIC_IDENTITY, ROLES, type Identity } from "../subgraphs/kit/identity";
import { openSubgraphDatabase } from "../subgraphs/kit/subgraph";
import { SUBGRAPHS } from "../subgraphs/registry";
import { area } from "../subgraphs/area/subgraph";
import { Tambon } from "../subgraphs/area/tambon.entity";
import { socialDevelopment } from "../subgraphs/social-development/subgraph";
import type { TambonRegistry } from "../subgraphs/social-development/tambon.figures";
import { TambonRegistryResolver } from "../subgraphs/social-development/tambon.resolver";
import { housing } from "../subgraphs/housing/subgraph";
import type { TambonHousing } from "../subgraphs/housing/tambon.figures";
import { TambonHousingResolver } from "../subgraphs/housing/tambon.resolver";
import { SurveyMutationResolver } from "../subgraphs/housing/survey.mutation";
import { agriculture } from "../subgraphs/agriculture/subgraph";
import { plotArea } from "../subgraphs/agriculture/area";
import { cropSeason, lastCompletedCropYear, seasonArg } from "../subgraphs/agriculture/season";
import { TambonCrops } from "../subgraphs/agriculture/tambon.resolver";
import { communityCouncils } from "../subgraphs/community-councils/subgraph";
import { housingReferrals } from "../subgraphs/housing/referrals";
import { agricultureReferrals } from "../subgraphs/agriculture/referrals";
import { councilReferrals } from "../subgraphs/community-councils/referrals";
import { reportReady } from "./processes";
import { WRITE_OPERATION } from "./scenarios";

/**
 * The SQL floor: what answering a scenario costs without the federation. One process holds the
 * five databases and answers each named operation by calling the agencies' own loaders and figure
 * functions (so the same SQL statements, batched the same way per request), applying the same
 * small-count suppression for the operation's role, and returning the same JSON (the operation's
 * selection projected over the rows). Left out: GraphQL parsing, validation, planning and
 * execution, the gateway→subgraph HTTP hops, token verification and signing, field authorization
 * and the audit-log insert that Q1/Q4 cost in each subgraph that returns personal fields.
 */
type Thunk = (args: Record<string, any>) => unknown;

/** The loaders of one request, as each subgraph makes them in its context factory. */
function requestLoaders(dbs: Record<SubgraphName, DataSource>, config: ReturnType<typeof loadConfig>) {
  return {
    area: area.loaders(dbs.area, config),
    registry: socialDevelopment.loaders(dbs["social-development"], config),
    housing: housing.loaders(dbs.housing, config),
    agriculture: agriculture.loaders(dbs.agriculture, config),
    councils: communityCouncils.loaders(dbs["community-councils"], config),
    answers: {
      housing: housingReferrals.loaders(dbs.housing),
      agriculture: agricultureReferrals.loaders(dbs.agriculture),
      councils: councilReferrals.loaders(dbs["community-councils"]),
    },
  };
}
type Loaders = ReturnType<typeof requestLoaders>;

/** An entity with extra fields, its own fields and getters still readable. */
const withFields = <T extends object>(entity: T, extra: Record<string, unknown>): T => Object.assign(Object.create(entity), extra);

/** The resolver tree of one request: each node's fields are values or thunks that load them. */
function graph(l: Loaders, identity: Identity, dbs: Record<SubgraphName, DataSource>) {
  // The kit's disclosure rules (kit/disclosure.ts) for the operation's role; the complementary
  // suppression of money tied by an equation is not applied here.
  const count = (owner: string, n: Count): number | null => (seesExact(identity, owner) ? exactCount(n) : publicCount(n));
  const baht = (owner: string, m: Measure<bigint>): string | null => {
    const v = seesExact(identity, owner) ? exactMeasure(m) : publicMeasure(m);
    return v === null ? null : toBahtString(v);
  };
  const counts = <T extends object>(owner: string, row: T, fields: (keyof T)[]) =>
    withFields(row, Object.fromEntries(fields.map((f) => [f, count(owner, row[f] as number)])));

  const district = (d: { code: string } | null) =>
    d &&
    withFields(d, {
      housingCandidates: async ({ first }: { first: number }) => {
        const needs = await l.registry.householdsInNeed.load(d.code);
        const found = await l.housing.candidates.load({ districtCode: d.code, needs, first });
        return found.map((c) => ({
          ...c,
          latestSurvey: survey(c.latestSurvey),
          household: household({ houseCode: c.household.houseCode }),
        }));
      },
    });
  const survey = <S extends { villageCode: string } | null>(s: S) =>
    s && withFields(s, { village: () => l.area.village.load(s.villageCode).then(village) });
  const village = (v: { tambonCode: string } | null) => v && withFields(v, { tambon: () => l.area.tambon.load(v.tambonCode).then(tambon) });

  const tambon = (t: Tambon | null) => {
    if (!t) return null;
    const { code } = t;
    const farmers = () => l.agriculture.farmerCounts.load(code);
    const network = async () => (await l.councils.tambonFigures.load(code))!;
    return withFields(t, {
      district: () => l.area.district.load(t.districtCode).then(district),
      registry: (() => {
        const registry = new TambonRegistryResolver();
        const [root, ctx] = [{ code } as TambonRegistry, { loaders: l.registry } as never];
        return {
          householdCount: async () => count("social-development", await registry.householdCount(root, ctx)),
          householdsNotAssessed: async () => count("social-development", await registry.householdsNotAssessed(root, ctx)),
          householdsByPovertyLevel: async () =>
            (await registry.householdsByPovertyLevel(root, ctx)).map((r) => counts("social-development", r, ["households"])),
          vulnerablePeople: async () =>
            counts("social-development", await registry.vulnerablePeople(root, ctx), [
              "people",
              "elderly",
              "childrenUnder7",
              "disabled",
              "bedridden",
              "singleParents",
              "welfareCardHolders",
            ]),
        };
      })(),
      housing: (() => {
        const housing = new TambonHousingResolver();
        const [root, ctx] = [{ code } as TambonHousing, { loaders: l.housing } as never];
        return {
          surveyedHouseholds: async () => count("housing", await housing.surveyedHouseholds(root, ctx)),
          unsafeHousing: async () => count("housing", await housing.unsafeHousing(root, ctx)),
          insecureTenure: async () => count("housing", await housing.insecureTenure(root, ctx)),
          unsafeOrInsecure: async () => count("housing", await housing.unsafeOrInsecure(root, ctx)),
          openCases: async () => count("housing", await housing.openCases(root, ctx)),
          casesByStage: async () => (await housing.casesByStage(root, ctx)).map((r) => counts("housing", r, ["cases"])),
          budgetApproved: async () => baht("housing", await housing.budgetApproved(root, ctx)),
          budgetSpent: async () => baht("housing", await housing.budgetSpent(root, ctx)),
        };
      })(),
      agriculture: {
        farmerCount: async () => count("agriculture", (await farmers())?.farmers ?? 0),
        youngFarmerCount: async () => count("agriculture", (await farmers())?.youngFarmers ?? 0),
        crops: async ({ cropYear }: { cropYear?: number }) => {
          const season = seasonArg(cropYear);
          const byCrop = (await l.agriculture.cropFigures(season).load(code)).map((c) =>
            withFields(counts("agriculture", c, ["cropCycles", "farmers", "soldCycles"]), {
              medianIncomePerRai: publicMeasure(c.medianIncomePerRai as Measure<unknown>),
            }),
          );
          return Object.assign(new TambonCrops(), { season, byCrop });
        },
      },
      councils: {
        council: async () => {
          const c = await l.councils.councilByTambon.load(code);
          return c && withFields(c, { memberCount: async () => (await l.councils.councilMemberCounts.load(c.id))?.current ?? 0 });
        },
        trainedChangeLeaders: async () => count("community-councils", (await network()).trainedChangeLeaders),
        welfareFundMembers: async () => count("community-councils", (await network()).fundMembers),
        welfareFundBalance: async () => (await network()).fundBalance,
        codiGrantsTotal: async () => (await network()).grantsTotal,
      },
    });
  };

  const household = (h: { houseCode: string; villageCode?: string }) =>
    withFields(h, {
      village: async () => village(await l.area.village.load(h.villageCode ?? (await l.registry.household.load(h.houseCode))!.villageCode)),
      members: async () => (await l.registry.members.load(h.houseCode)).map((p) => withFields(p, { relationToHead: p.relation })),
      latestAssessment: () => l.registry.latestAssessment.load(h.houseCode),
      assessments: () => l.registry.assessments.load(h.houseCode),
      casePlan: () => l.registry.casePlan.load(h.houseCode),
      // Each receiving agency's answer, from its own database (kit/referral-answer.ts).
      referrals: async () =>
        (await l.registry.referralsOf.load(h.houseCode)).map((r) =>
          withFields(r, {
            housing: () => l.answers.housing.referralAnswer.load(r.id),
            agriculture: () => l.answers.agriculture.referralAnswer.load(r.id),
            councils: () => l.answers.councils.referralAnswer.load(r.id),
          }),
        ),
      latestHousingSurvey: () => l.housing.latestSurvey.load(h.houseCode),
      housingCases: async () =>
        (await l.housing.casesOfHousehold.load(h.houseCode)).map((c) => withFields(c, { steps: () => l.housing.stepsOfCase.load(c.id) })),
      farms: async () =>
        (await l.agriculture.farmsOfHousehold.load(h.houseCode)).map((f) => {
          const plots = () => l.agriculture.plotsOfFarmer.load(f.farmBookNumber);
          return withFields(f, { plots, totalArea: async () => plotArea((await plots()).reduce((sum, p) => sum + p.areaSquareWa, 0)) });
        }),
      lastSeasonCropIncome: () => l.agriculture.seasonIncome(cropSeason(lastCompletedCropYear())).load(h.houseCode),
      welfareFundMemberships: async () =>
        (await l.councils.membershipsOfHousehold.load(h.houseCode)).map((m) =>
          withFields(m, { person: { id: m.personId }, fund: () => l.councils.fundById.load(m.fundId) }),
        ),
    });

  return {
    tambon: async ({ code }: { code: string }) => tambon(await l.area.tambon.load(code)),
    tambons: async ({ districtCode }: { districtCode?: string }) =>
      (districtCode == null
        ? await dbs.area.getRepository(Tambon).find({ order: { code: "ASC" } })
        : await l.area.tambonsOfDistrict.load(districtCode)
      ).map(tambon),
    household: async ({ houseCode }: { houseCode: string }) => {
      const h = await l.registry.household.load(houseCode);
      return h && household(h);
    },
    district: async ({ code }: { code: string }) => district(await l.area.district.load(code)),
    recordHousingSurvey: ({ input }: { input: any }) =>
      new SurveyMutationResolver().recordHousingSurvey(input, { ds: dbs.housing } as never),
  };
}

/**
 * A leaf as JSON can carry it: a kit Measure (money, area, median) that no section above turned
 * into its published form is shown by its value, and bigints as numbers (not the hub's format).
 */
function leaf(v: unknown): unknown {
  if (isPromise(v)) return v.then(leaf);
  const value =
    v instanceof MeasureTotal
      ? exactMeasure(v)
      : v && typeof v === "object" && "contributors" in v && "value" in v
        ? (v as Measure<unknown>).value
        : v;
  return typeof value === "bigint" ? Number(value) : value;
}

const isPromise = (v: unknown): v is Promise<unknown> => typeof (v as Promise<unknown> | null)?.then === "function";

/**
 * The operation's selection over the tree, as graphql-js walks it: every field of a level is asked
 * for before any answer is awaited, and plain values are not awaited at all, so the loads of one
 * level across all list items land in one DataLoader batch (one SQL statement). Thunks get the
 * field's arguments.
 */
function project(value: any, selections: readonly SelectionNode[], variables: Record<string, unknown>): unknown {
  if (value == null) return null;
  if (isPromise(value)) return value.then((v) => project(v, selections, variables));
  if (Array.isArray(value)) {
    const items = value.map((item) => project(item, selections, variables));
    return items.some(isPromise) ? Promise.all(items) : items;
  }
  const answer: Record<string, unknown> = {};
  const pending: Promise<unknown>[] = [];
  for (const s of selections) {
    if (s.kind !== Kind.FIELD) throw new Error("the floor answers operations without fragments");
    const key = s.alias?.value ?? s.name.value;
    let v = value[s.name.value];
    if (v === undefined) throw new Error(`the floor has no field ${s.name.value}`);
    if (typeof v === "function") {
      const args = (s.arguments ?? []).map((a) => [
        a.name.value,
        a.value.kind === Kind.VARIABLE ? variables[a.value.name.value] : (a.value as { value?: unknown }).value,
      ]);
      v = (v as Thunk)(Object.fromEntries(args));
    }
    const projected = s.selectionSet ? project(v, s.selectionSet.selections, variables) : leaf(v);
    answer[key] = null; // the key's place, in selection order
    if (isPromise(projected)) pending.push(projected.then((p) => (answer[key] = p ?? null)));
    else answer[key] = projected ?? null;
  }
  return pending.length ? Promise.all(pending).then(() => answer) : answer;
}

/** Defaults of the operation's variables (`$first: Int = 10`) under the ones sent. */
function withDefaults(operation: OperationDefinitionNode, variables: Record<string, unknown>): Record<string, unknown> {
  const defaults = (operation.variableDefinitions ?? []).flatMap((d) =>
    d.defaultValue && "value" in d.defaultValue ? [[d.variable.name.value, Number(d.defaultValue.value)] as const] : [],
  );
  return { ...Object.fromEntries(defaults), ...variables };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const opened = await Promise.all(
    config.subgraphs.map(async (s) => [s.name, await openSubgraphDatabase(SUBGRAPHS[s.name], s.databaseUrl!, config.timeZone)] as const),
  );
  const dbs = Object.fromEntries(opened.map(([name, db]) => [name, db.ds])) as Record<SubgraphName, DataSource>;
  const operations = new Map(
    [...loadOperations(), WRITE_OPERATION].map((op) => {
      const definition = parse(op.query).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
      const spec = op.role ? ROLES[op.role] : undefined;
      const identity: Identity = spec
        ? { subject: "floor", agency: spec.agency, role: op.role!, scopes: spec.scopes, purpose: null }
        : PUBLIC_IDENTITY;
      return [op.name, { definition, identity }] as const;
    }),
  );
  const failures = new Set<string>();
  const clock = zoneClock(config.timeZone);
  const server = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    const { operationName, variables = {} } = JSON.parse(body) as { operationName: string; variables?: Record<string, unknown> };
    const op = operations.get(operationName);
    let answer: unknown;
    try {
      if (!op) throw new Error(`the floor does not know ${operationName}`);
      // As in a subgraph (kit/http.ts): the request runs on the hub's clock, which every "today" reads.
      const data = await withClock(clock, async () => {
        const root = graph(requestLoaders(dbs, config), op.identity, dbs);
        return project(root, op.definition.selectionSet.selections, withDefaults(op.definition, variables));
      });
      answer = { data };
    } catch (error) {
      const { message } = error as Error;
      if (!failures.has(message)) console.error(`floor: ${operationName}: ${message}`); // once per kind: the bench counts the rest
      failures.add(message);
      answer = { errors: [{ message, extensions: { code: "FLOOR_FAILED" } }] };
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(answer, (_key, v) => (typeof v === "bigint" ? Number(v) : v)));
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const { port } = server.address() as AddressInfo;
  reportReady(
    `http://127.0.0.1:${port}/graphql`,
    () => Object.fromEntries(opened.map(([name, db]) => [name, db.queries.count])),
    async () => {
      server.closeAllConnections();
      await Promise.all(opened.map(([, db]) => db.ds.destroy()));
    },
  );
}

main().catch((error: Error) => {
  console.error(`SQL floor failed to start: ${error.message}`);
  process.exit(1);
});
