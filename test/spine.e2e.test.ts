import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHub, type TestHub } from "./hub";

let hub: TestHub;
const asSocialWorker = { role: "social-worker" };
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.stop());

describe("the area and the social registry through the gateway", () => {
  it("a tambon shows its Thai and English names, its district and the registry's figures", async () => {
    const { data, errors } = await hub.query(
      `{
      tambon(code: "490201") {
        code nameTh nameEn postcode point { lat lng approximate }
        district { code nameTh nameEn }
        registry {
          householdCount
          householdsByPovertyLevel { level label households }
          vulnerablePeople { people elderly childrenUnder7 disabled bedridden welfareCardHolders }
        }
      }
    }`,
      {},
      { role: "provincial-analyst" },
    );
    expect(errors).toBeUndefined();
    const t = data.tambon;
    expect(t).toMatchObject({ code: "490201", nameTh: "นิคมคำสร้อย", nameEn: "Nikhom Kham Soi", postcode: "49130" });
    expect(t.district).toEqual({ code: "4902", nameTh: "นิคมคำสร้อย", nameEn: "Nikhom Kham Soi" });
    const r = t.registry;
    expect(r.householdCount).toBeGreaterThan(0);
    const byLevel = r.householdsByPovertyLevel.reduce((sum: number, l: { households: number }) => sum + l.households, 0);
    expect(byLevel).toBe(r.householdCount);
    expect(r.vulnerablePeople.people).toBeGreaterThanOrEqual(r.householdCount);
  });

  it("a tambon without a point in the source shows its approximate centroid, marked so", async () => {
    const { data } = await hub.query(`{ tambon(code: "490601") { point { lat lng approximate } } }`);
    expect(data.tambon.point).toEqual({ lat: 16.712, lng: 104.7427, approximate: true });
  });

  it("the province lists its 7 districts and 53 tambons", async () => {
    const { data } = await hub.query(`{ province { code nameEn districts { code tambons { code } } } tambons { code } }`);
    expect(data.province.code).toBe("49");
    expect(data.province.districts).toHaveLength(7);
    expect(data.tambons).toHaveLength(53);
    expect(data.province.districts.flatMap((d: { tambons: unknown[] }) => d.tambons)).toHaveLength(53);
  });

  it("a household shows its village, tambon and district names, members and latest assessment", async () => {
    const page = await hub.query(`{ households(first: 1, tambonCode: "490201") { nodes { houseCode } } }`, {}, asSocialWorker);
    const houseCode = page.data.households.nodes[0].houseCode;
    const { data, errors } = await hub.query(
      `query($c: String!) { household(houseCode: $c) {
      houseCode village { code nameTh synthetic tambon { nameTh district { nameTh } } }
      members { id maskedCitizenId firstName relationToHead }
      latestAssessment { povertyLevel povertyLevelLabel } assessments { assessedOn }
    } }`,
      { c: houseCode },
      asSocialWorker,
    );
    expect(errors).toBeUndefined();
    const h = data.household;
    expect(h.village.code.startsWith("490201")).toBe(true);
    expect(h.village.synthetic).toBe(true);
    expect(h.village.tambon.nameTh).toBe("นิคมคำสร้อย");
    expect(h.village.tambon.district.nameTh).toBe("นิคมคำสร้อย");
    expect(h.members.filter((m: { relationToHead: string }) => m.relationToHead === "HEAD")).toHaveLength(1);
    expect(h.members[0].maskedCitizenId).toMatch(/^x-xxxx-xxxxx-\d\d-\d$/);
    expect(h.latestAssessment.povertyLevel).toBeGreaterThanOrEqual(1);
    expect(h.assessments.length).toBeGreaterThanOrEqual(1);
  });

  it("households page through a tambon with cursors, without gaps or repeats", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const { data }: { data?: any } = await hub.query(
        `query($a: String) { households(tambonCode: "490101", first: 3, after: $a) {
        totalCount pageInfo { hasNextPage endCursor } nodes { houseCode } } }`,
        { a: after },
        asSocialWorker,
      );
      total = data.households.totalCount;
      seen.push(...data.households.nodes.map((n: { houseCode: string }) => n.houseCode));
      after = data.households.pageInfo.hasNextPage ? data.households.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect([...seen].sort()).toEqual(seen);
  });

  it("filters households by poverty level, and the gateway refuses a page larger than the cap", async () => {
    const { data } = await hub.query(
      `{ households(first: 50, povertyLevel: 1) { nodes { latestAssessment { povertyLevel } } } }`,
      {},
      asSocialWorker,
    );
    expect(data.households.nodes.length).toBeGreaterThan(0);
    for (const n of data.households.nodes) expect(n.latestAssessment.povertyLevel).toBe(1);
    const tooMany = await hub.query(`{ households(first: 1000) { totalCount } }`);
    expect(tooMany.errors?.[0].extensions?.code).toBe("OPERATION_LIMIT_EXCEEDED");
    expect(tooMany.errors?.[0].message).toContain("page size 1000 exceeds the limit of 100");
  });

  it("not even a social worker's response carries a raw citizen ID", async () => {
    const { data } = await hub.query(
      `{ households(first: 20) { nodes { houseCode members { id maskedCitizenId } } } }`,
      {},
      asSocialWorker,
    );
    const body = JSON.stringify(data);
    const raw: { citizen_id: string }[] = await hub.subgraphs["social-development"].ds.query(
      "SELECT p.citizen_id FROM person p WHERE p.house_code = ANY($1)",
      [data.households.nodes.map((n: { houseCode: string }) => n.houseCode)],
    );
    expect(raw.length).toBeGreaterThan(20);
    for (const { citizen_id } of raw) expect(body).not.toContain(citizen_id);
    expect(body).not.toMatch(/(?<![0-9a-f])\d{13}(?![0-9a-f])/); // no 13-digit number outside a hex linkage id
  });
});
