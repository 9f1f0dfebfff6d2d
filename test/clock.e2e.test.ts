import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { citizenIdCheckDigit } from "../subgraphs/kit/citizen-id";
import { civilDate, today } from "../subgraphs/kit/clock";
import { answered, refusedUnchanged, sqlOn } from "./expect";
import { startHub, type TestHub } from "./hub";

/**
 * One clock for the province: at 01:30 in Bangkok (18:30 UTC the day before) a district officer's
 * records dated today are today's, ages have turned over at midnight, and SQL agrees. A second hub
 * in the same process with HUB_TIME_ZONE=Pacific/Honolulu keeps its own day.
 */
let bangkok: TestHub;
let honolulu: TestHub;
beforeAll(async () => {
  [bangkok, honolulu] = await Promise.all([startHub(), startHub({ env: { HUB_TIME_ZONE: "Pacific/Honolulu" } })]);
});
afterAll(() => Promise.all([bangkok?.stop(), honolulu?.stop()]));
afterEach(() => {
  vi.useRealTimers();
});

/** Pins the process clock (the hubs run in it) at 01:30 in Bangkok on today's Bangkok date, and lets it run. */
function pinAt0130InBangkok(): string {
  const day = today();
  vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true });
  vi.setSystemTime(new Date(`${day}T01:30:00+07:00`));
  expect(new Date().toISOString().slice(0, 10)).not.toBe(day); // UTC is still on the day before
  return day;
}

const plusDays = (day: string, days: number): string => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

const ASSESS = `mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { assessedOn yearBE } }`;
const ADD = `mutation($input: AddMemberInput!) { addMember(input: $input) { id age birthDate vulnerability { elderly childUnder7 } } }`;
const VULNERABLE = `query($code: String!) { tambon(code: $code) { registry { vulnerablePeople { people elderly childrenUnder7 } } } }`;
const asSocialWorker = { role: "social-worker" };

const registry = (hub: TestHub) => sqlOn(() => hub, "social-development");
const aHousehold = async (hub: TestHub): Promise<{ houseCode: string; tambonCode: string }> =>
  (await registry(hub)(`SELECT house_code AS "houseCode", tambon_code AS "tambonCode" FROM household ORDER BY house_code LIMIT 1`))[0];

const scores = { human: 2, physical: 2, financial: 2, natural: 2, social: 2 };
const assess = (hub: TestHub, houseCode: string, assessedOn: string) =>
  answered(hub, ASSESS, { input: { houseCode, assessedOn, ...scores } }, asSocialWorker);
/** An assessment dated `assessedOn` is refused as after `lastDay`, and none is written. */
const refusedAfter = (hub: TestHub, houseCode: string, assessedOn: string, lastDay: string) =>
  refusedUnchanged(
    hub,
    ASSESS,
    { input: { houseCode, assessedOn, ...scores } },
    { code: "BAD_USER_INPUT", field: "assessedOn", because: `must not be after ${lastDay}` },
    () => registry(hub)("SELECT count(*)::int AS n FROM assessment"),
    asSocialWorker,
  );

describe("at 01:30 in Bangkok (18:30 UTC the day before)", () => {
  it("a social worker records an assessment dated today in Bangkok; one dated tomorrow is refused, naming today", async () => {
    const { houseCode } = await aHousehold(bangkok);
    const day = pinAt0130InBangkok();
    expect(await assess(bangkok, houseCode, day)).toEqual({ assessedOn: day, yearBE: Number(day.slice(0, 4)) + 543 });
    await refusedAfter(bangkok, houseCode, plusDays(day, 1), day);
  });

  it("someone whose 60th birthday is today is 60 and elderly, a baby born today is under 7, and the tambon's counts agree", async () => {
    const { houseCode, tambonCode } = await aHousehold(bangkok);
    const day = pinAt0130InBangkok();
    const before = (await answered(bangkok, VULNERABLE, { code: tambonCode }, asSocialWorker)).registry.vulnerablePeople;
    const member = (n: number, birthDate: string) => {
      const first12 = `19000000000${n}`;
      const citizenId = `${first12}${citizenIdCheckDigit(first12)}`;
      return { houseCode, citizenId, firstName: "ทดสอบ", lastName: "นาฬิกา", sex: "FEMALE", birthDate, relationToHead: "RELATIVE" };
    };
    const sixty = `${Number(day.slice(0, 4)) - 60}${day.slice(4)}`;
    expect(await answered(bangkok, ADD, { input: member(1, sixty) }, asSocialWorker)).toMatchObject({
      age: 60,
      vulnerability: { elderly: true, childUnder7: false },
    });
    const dayShort = plusDays(sixty, 1);
    expect(await answered(bangkok, ADD, { input: member(2, dayShort) }, asSocialWorker)).toMatchObject({
      age: 59,
      vulnerability: { elderly: false },
    });
    expect(await answered(bangkok, ADD, { input: member(3, day) }, asSocialWorker)).toMatchObject({
      age: 0,
      vulnerability: { childUnder7: true },
    });

    const after = (await answered(bangkok, VULNERABLE, { code: tambonCode }, asSocialWorker)).registry.vulnerablePeople;
    expect(after).toEqual({ people: before.people + 3, elderly: before.elderly + 1, childrenUnder7: before.childrenUnder7 + 1 });
  });

  it("a hub with HUB_TIME_ZONE=Pacific/Honolulu, in the same process, is still on the day before", async () => {
    const { houseCode } = await aHousehold(honolulu);
    const day = pinAt0130InBangkok();
    const yesterday = plusDays(day, -1);
    await refusedAfter(honolulu, houseCode, day, yesterday);
    expect(await assess(honolulu, houseCode, yesterday)).toMatchObject({ assessedOn: yesterday });
  });
});

describe("SQL's dates on each subgraph's own connections", () => {
  /** On several pooled connections at once: the session zone, current_date, now()::date, and a fixed instant's date. */
  const sessions = (hub: TestHub, name: keyof TestHub["subgraphs"]) =>
    Promise.all(
      [1, 2, 3].map(async () => {
        const [row] = await hub.subgraphs[name].ds.query(
          `SELECT current_date::text AS "currentDate", now()::date::text AS "nowDate", current_setting('TimeZone') AS zone,
             (timestamptz '2026-09-30 18:30:00+00')::date::text AS "fiscalNewYear", pg_backend_pid() AS pid, pg_sleep(0.05)::text`,
        );
        return row as { currentDate: string; nowDate: string; zone: string; fiscalNewYear: string; pid: number };
      }),
    );

  it("every subgraph's sessions run in Asia/Bangkok, so current_date is the kit's today", async () => {
    for (const name of Object.keys(bangkok.subgraphs) as (keyof TestHub["subgraphs"])[]) {
      const before = today();
      const rows = await sessions(bangkok, name);
      const after = today(); // SQL's day is one of the two, even across midnight
      expect(new Set(rows.map((r) => r.pid)).size, name).toBe(3);
      for (const row of rows) {
        expect(row.zone, name).toBe("Asia/Bangkok");
        expect([before, after], name).toContain(row.currentDate);
        expect(row.nowDate, name).toBe(row.currentDate);
        expect(row.fiscalNewYear, name).toBe("2026-10-01"); // 01:30 on 1 October in Bangkok
      }
    }
  });

  it("a hub's HUB_TIME_ZONE is its sessions' zone", async () => {
    const before = civilDate(new Date(), "Pacific/Honolulu");
    const rows = await sessions(honolulu, "social-development");
    const after = civilDate(new Date(), "Pacific/Honolulu");
    for (const row of rows) {
      expect(row.zone).toBe("Pacific/Honolulu");
      expect([before, after]).toContain(row.currentDate);
      expect(row.fiscalNewYear).toBe("2026-09-30");
    }
  });
});
