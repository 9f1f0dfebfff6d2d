import { Client } from "pg";
import { demoToken } from "../gateway/demo-token";
import { loadOperations, type ExampleOperation } from "../gateway/operations";
import type { AuthConfig } from "../subgraphs/kit/config";
import type { BenchRequest } from "./load";

/**
 * The scenarios: the named operations of schema/operations/ (read by name, so a reshaped schema
 * needs no change here), each sent with a demo token for the role its `# role:` line names.
 */
export interface Scenario {
  key: string;
  title: string;
  /** Taken in turn, one per request, by all connections together. */
  requests: BenchRequest[];
  /**
   * The keep-alive trap: before each of its rounds a gateway is kept busy for a second, so that
   * every pooled socket to the subgraphs was just used, then left idle this many seconds (round r
   * takes the r-th, cycling), then measured.
   */
  idleGaps?: number[];
  /** The SQL floor (floor.ts) models Q1-Q4 and the write only: a scenario it cannot answer skips it. */
  noFloor?: boolean;
  /** A read whose growth with the data a province run measures (against the hub at demo size, in the same run). */
  compareSizes?: boolean;
}

/** The write of the 90/10 mix: a housing survey (no example operation writes, so the bench names its own). */
export const WRITE_OPERATION = {
  name: "RecordHousingSurvey",
  role: "housing-officer",
  query: `mutation RecordHousingSurvey($input: RecordHousingSurveyInput!) { recordHousingSurvey(input: $input) { id condition } }`,
};

type Operation = Pick<ExampleOperation, "name" | "query" | "role">;

export interface ScenarioOptions {
  auth: AuthConfig;
  /** The run's copy of the social registry, where the households to ask for are picked. */
  registryUrl: string;
  /** Idle seconds before the rounds of the idle-gap scenario, one per round, cycling. */
  gaps: number[];
}

export async function buildScenarios(options: ScenarioOptions): Promise<Scenario[]> {
  const operations = new Map<string, Operation>(loadOperations().map((op) => [op.name, op]));
  const named = (name: string): Operation => {
    const op = operations.get(name);
    if (!op) throw new Error(`schema/operations/ has no operation named ${name}`);
    return op;
  };
  const tokens = new Map<string, string>();
  const request = async (op: Operation, variables: Record<string, unknown>): Promise<BenchRequest> => {
    if (op.role && !tokens.has(op.role)) tokens.set(op.role, await demoToken(options.auth, op.role));
    return {
      body: JSON.stringify({ query: op.query, operationName: op.name, variables }),
      headers: op.role ? { authorization: `Bearer ${tokens.get(op.role)}` } : {},
    };
  };
  const example = (name: string) => (operations.get(name) as ExampleOperation | undefined)?.variableValues ?? {};

  const db = new Client({ connectionString: options.registryUrl });
  await db.connect();
  const [spread, tambon] = await Promise.all([
    // 200 households spread over the province, the same ones for every gateway and every run.
    db.query("SELECT house_code FROM household ORDER BY md5(house_code) LIMIT 200"),
    db.query("SELECT house_code, village_code FROM household WHERE tambon_code = $1 ORDER BY house_code LIMIT 100", [
      example("TambonProfile").code,
    ]),
  ]).finally(() => db.end());

  const q2 = await request(named("TambonProfile"), example("TambonProfile"));
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const writes = await Promise.all(
    (tambon.rows as { house_code: string; village_code: string }[]).map((h, i) =>
      request(WRITE_OPERATION, {
        input: {
          houseCode: h.house_code,
          villageCode: h.village_code,
          surveyedOn: yesterday,
          ...Object.fromEntries(["roof", "walls", "floor", "posts", "toilet"].map((e, j) => [e, ["GOOD", "WORN", "UNSAFE"][(i + j) % 3]])),
          tenure: "OWN",
          surveyedBy: "bench",
        },
      }),
    ),
  );
  // The dashboard's three views as a visitor without a token opens them (gateway/dashboard.ts).
  const dashboards = await Promise.all(
    ["DashboardProvince", "DashboardDistrict", "DashboardTambon"].map(async (name) => ({
      key: name.replace("Dashboard", "dash-").toLowerCase(),
      title: `${name} ${JSON.stringify(example(name))}`,
      requests: [await request(named(name), example(name))],
      noFloor: true,
      compareSizes: true,
    })),
  );
  return [
    {
      key: "Q1",
      title: "HouseholdProfile, 200 different households",
      compareSizes: true,
      requests: await Promise.all(
        spread.rows.map((r: { house_code: string }) => request(named("HouseholdProfile"), { houseCode: r.house_code })),
      ),
    },
    { key: "Q2", title: `TambonProfile ${example("TambonProfile").code}`, requests: [q2], compareSizes: true },
    {
      key: "Q3",
      title: "DistrictRollup, the whole province",
      requests: [await request(named("DistrictRollup"), {})],
      compareSizes: true,
    },
    {
      key: "Q4",
      compareSizes: true,
      title: `HousingCandidates ${example("HousingCandidates").districtCode}`,
      requests: [await request(named("HousingCandidates"), example("HousingCandidates"))],
    },
    // Nine reads, then one write, over and over: 90/10.
    { key: "mix", title: "90% Q2 reads, 10% housing-survey writes", requests: writes.flatMap((write) => [...Array(9).fill(q2), write]) },
    ...dashboards,
    { key: "gap", title: `Q2 after ${options.gaps.join(" / ")} s idle`, requests: [q2], idleGaps: options.gaps },
  ];
}
