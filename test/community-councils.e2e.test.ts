import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toSatang } from "../subgraphs/kit/money";
import { startHub, type TestHub } from "./hub";

let hub: TestHub;
let FUND_TAMBON: string;
beforeAll(async () => {
  hub = await startHub({ data: "demo" }); // enough people in every tambon for its council
  // The tambon whose welfare fund has paid the most benefits: one with records to page through.
  [{ tambon_code: FUND_TAMBON }] = await sql(
    "SELECT f.tambon_code FROM welfare_fund f JOIN fund_payout p ON p.fund_id = f.id GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1",
  );
});
afterAll(() => hub?.stop());

const OFFICER = { role: "council-network-officer" };
const ANALYST = { role: "provincial-analyst" }; // exact aggregates, no records
const sql = (text: string, params: unknown[] = []) => hub.subgraphs["community-councils"].ds.query(text, params);

/** Each tambon's code with the fields of its `councils` section. */
const councilsOf = (tambons: any[]): any[] => tambons.map((t) => ({ code: t.code, ...t.councils }));

const DASHBOARD = `{ tambons { code councils { council { name notifiedOn } trainedChangeLeaders welfareFundMembers welfareFundBalance
  codiGrantsTotal codiGrants { amount } } } }`;

describe("the council network on the tambon dashboard", () => {
  it("each tambon shows its council, trained change leaders, fund members and balance, and CODI grants, as the records add up", async () => {
    const { data, errors } = await hub.query(DASHBOARD, {}, ANALYST);
    expect(errors).toBeUndefined();
    expect(data.tambons).toHaveLength(53);
    // Computed here straight from the tables, the balance from the ledgers rather than the kept totals.
    const expected: Record<string, string | null>[] = await sql(
      `SELECT t.code, c.name AS council, c.notified_on::text AS notified_on,
         (SELECT count(DISTINCT x.person_id) FROM leader_training x JOIN change_leader l USING (person_id)
          WHERE l.tambon_code = t.code AND x.completed)::int AS trained,
         (SELECT count(*) FROM fund_member m JOIN welfare_fund f ON f.id = m.fund_id WHERE f.tambon_code = t.code)::int AS members,
         (SELECT (coalesce((SELECT sum(amount) FROM fund_contribution WHERE fund_id = f.id), 0)
                + coalesce((SELECT sum(amount) FROM fund_matching WHERE fund_id = f.id), 0)
                - coalesce((SELECT sum(amount) FROM fund_payout WHERE fund_id = f.id), 0))::numeric(14,2)::text
          FROM welfare_fund f WHERE f.tambon_code = t.code) AS balance,
         (SELECT coalesce(sum(amount), 0)::numeric(14,2)::text FROM codi_grant g WHERE g.tambon_code = t.code) AS grants_total,
         (SELECT count(*) FROM codi_grant g WHERE g.tambon_code = t.code)::int AS grants
       FROM unnest($1::text[]) AS t(code) LEFT JOIN council c ON c.tambon_code = t.code`,
      [data.tambons.map((t: { code: string }) => t.code)],
    );
    const byCode = new Map(expected.map((row) => [row.code, row]));
    for (const t of councilsOf(data.tambons)) {
      const e = byCode.get(t.code)!;
      expect(t.council, t.code).toEqual(e.council === null ? null : { name: e.council, notifiedOn: e.notified_on });
      expect(t.trainedChangeLeaders, t.code).toBe(e.trained);
      expect(t.welfareFundMembers, t.code).toBe(e.members);
      expect(t.welfareFundBalance, t.code).toBe(e.balance);
      expect(t.codiGrantsTotal, t.code).toBe(e.grants_total);
      expect(t.codiGrants, t.code).toHaveLength(Number(e.grants));
    }
  });

  it("the demo has councils in 48 of the 53 tambons, trained change leaders in 44 of them and a welfare fund in most", async () => {
    const { data } = await hub.query(
      `{ province { councils { tambons councils tambonsWithTrainedLeaders welfareFunds welfareFundMembers } } }`,
      {},
      ANALYST,
    );
    expect(data.province.councils).toMatchObject({ tambons: 53, councils: 48, tambonsWithTrainedLeaders: 44, welfareFunds: 45 });
    expect(data.province.councils.welfareFundMembers).toBeGreaterThan(300);
  });

  it("district and province figures add up their tambons", async () => {
    const { data } = await hub.query(
      `{ province { councils { councils trainedChangeLeaders welfareFundMembers welfareFundBalance codiGrantsTotal communityEnterprises } }
      districts { code councils { tambons councils trainedChangeLeaders welfareFundMembers welfareFundBalance codiGrantsTotal communityEnterprises }
        tambons { code councils { council { id } trainedChangeLeaders welfareFundMembers welfareFundBalance codiGrantsTotal communityEnterprises { id } } } } }`,
      {},
      ANALYST,
    );
    const sum = (items: any[], of: (item: any) => number) => items.reduce((n, item) => n + of(item), 0);
    const sumBaht = (items: any[], of: (item: any) => string | null) =>
      items.reduce((n: bigint, item) => n + toSatang(of(item) ?? "0"), 0n);
    for (const d of data.districts) {
      const ts = councilsOf(d.tambons);
      expect(d.councils, d.code).toMatchObject({
        tambons: ts.length,
        councils: ts.filter((t: { council: unknown }) => t.council).length,
        trainedChangeLeaders: sum(ts, (t) => t.trainedChangeLeaders),
        welfareFundMembers: sum(ts, (t) => t.welfareFundMembers),
        communityEnterprises: sum(ts, (t) => t.communityEnterprises.length),
      });
      expect(toSatang(d.councils.welfareFundBalance), d.code).toBe(sumBaht(ts, (t) => t.welfareFundBalance));
      expect(toSatang(d.councils.codiGrantsTotal), d.code).toBe(sumBaht(ts, (t) => t.codiGrantsTotal));
    }
    const province = data.province.councils;
    expect(province.councils).toBe(sum(data.districts, (d) => d.councils.councils));
    expect(province.welfareFundMembers).toBe(sum(data.districts, (d) => d.councils.welfareFundMembers));
    expect(toSatang(province.welfareFundBalance)).toBe(sumBaht(data.districts, (d) => d.councils.welfareFundBalance));
    expect(toSatang(province.codiGrantsTotal)).toBe(sumBaht(data.districts, (d) => d.councils.codiGrantsTotal));
  });

  it("a fund's balance is its contributions plus matching money less its payouts, shown by source and by benefit", async () => {
    const { data } = await hub.query(
      `{ tambons { councils { welfareFund { contributionRule contributionsTotal matchingTotal payoutsTotal balance
      matchingBySource { source total } payoutsByBenefit { benefit payouts total } } } } }`,
      {},
      OFFICER,
    );
    const funds = councilsOf(data.tambons)
      .map((t) => t.welfareFund)
      .filter(Boolean);
    expect(funds).toHaveLength(45);
    for (const f of funds) {
      expect(toSatang(f.balance)).toBe(toSatang(f.contributionsTotal) + toSatang(f.matchingTotal) - toSatang(f.payoutsTotal));
      expect(toSatang(f.balance) >= 0n).toBe(true);
      expect(f.matchingBySource.reduce((n: bigint, m: { total: string }) => n + toSatang(m.total), 0n)).toBe(toSatang(f.matchingTotal));
      expect(f.payoutsByBenefit.reduce((n: bigint, p: { total: string }) => n + toSatang(p.total), 0n)).toBe(toSatang(f.payoutsTotal));
    }
    expect(funds.filter((f: { contributionRule: string }) => f.contributionRule === "วันละ 1 บาท (365 บาทต่อปี)").length).toBeGreaterThan(20);
  });
});

describe("the council network's people are the registry's people", () => {
  it("a household shows its members' fund memberships, each a person of that household in that tambon's fund", async () => {
    const { data, errors } = await hub.query(
      `{ households(first: 100) { nodes { houseCode tambon { code } members { id }
      welfareFundMemberships { joinedOn person { id } fund { tambon { code } } } } } }`,
      {},
      OFFICER,
    );
    expect(errors).toBeUndefined();
    let memberships = 0;
    for (const h of data.households.nodes) {
      const ids = new Set(h.members.map((m: { id: string }) => m.id));
      for (const m of h.welfareFundMemberships) {
        memberships++;
        expect(ids.has(m.person.id), h.houseCode).toBe(true);
        expect(m.fund.tambon.code).toBe(h.tambon.code);
      }
    }
    expect(memberships).toBeGreaterThan(5);
  });

  it("a council's seats and a tambon's change leaders are held by people registered in that tambon", async () => {
    const { data, errors } = await hub.query(
      `{ tambons { code councils { council { chair { person { id household { tambon { code } } } }
      members { role person { id household { tambon { code } } } } } changeLeaders { trained person { household { tambon { code } } } } } } }`,
      {},
      OFFICER,
    );
    expect(errors).toBeUndefined();
    const tambons = councilsOf(data.tambons);
    const withCouncil = tambons.filter((t: { council: unknown }) => t.council);
    for (const t of withCouncil) {
      expect(t.council.members.length, t.code).toBeGreaterThanOrEqual(5);
      expect(t.council.members[0].role).toBe("CHAIR");
      expect(t.council.chair.person.id).toBe(t.council.members[0].person.id);
      for (const seat of t.council.members) expect(seat.person.household.tambon.code, t.code).toBe(t.code);
      for (const leader of t.changeLeaders) expect(leader.person.household.tambon.code, t.code).toBe(t.code);
    }
    expect(tambons.filter((t: { changeLeaders: { trained: boolean }[] }) => t.changeLeaders.some((l) => l.trained))).toHaveLength(44);
  });

  it("a person's profile shows their council seats, change-leader trainings and fund membership", async () => {
    const { data } = await hub.query(`{ tambonCouncils { chair { person { id } } } }`, {}, OFFICER);
    const id = data.tambonCouncils.find((c: { chair: unknown }) => c.chair).chair.person.id;
    const [expected] = await sql(
      `SELECT (SELECT count(*) FROM council_member WHERE person_id = $1)::int AS seats,
      (SELECT count(*) FROM leader_training WHERE person_id = $1)::int AS trainings, (SELECT joined_on::text FROM fund_member WHERE person_id = $1) AS joined`,
      [id],
    );
    const profile = await hub.query(
      `query($id: String!) { person(id: $id) { id councilSeats { role current council { name } }
      changeLeader { trainings { module } } welfareFundMembership { joinedOn } } }`,
      { id },
      OFFICER,
    );
    expect(profile.errors).toBeUndefined();
    const p = profile.data.person;
    expect(p.councilSeats).toHaveLength(expected.seats);
    expect(p.councilSeats.find((s: { current: boolean }) => s.current).role).toBe("CHAIR");
    expect(p.changeLeader?.trainings.length ?? 0).toBe(expected.trainings);
    expect(p.welfareFundMembership?.joinedOn ?? null).toBe(expected.joined);
  });
});

describe("who may see what", () => {
  it("the public sees councils and fund figures, not who sits or pays, and small counts are hidden", async () => {
    const { data, errors } = await hub.query(`{ tambons { code councils { council { name memberCount members { role } }
      welfareFund { balance payoutsByBenefit { payouts total } } changeLeaderTraining { leadersCompleted } } } }`);
    const tambons = councilsOf(data.tambons);
    const withCouncil = tambons.filter((t: { council: unknown }) => t.council);
    expect(withCouncil).toHaveLength(48);
    for (const t of withCouncil) {
      expect(t.council.name).toMatch(/^สภาองค์กรชุมชนตำบล/);
      expect(t.council.members).toBeNull();
    }
    expect(errors?.[0]).toMatchObject({ extensions: { code: "FORBIDDEN", field: "TambonCouncil.members" } });
    const groups = tambons.flatMap((t: any) => t.welfareFund?.payoutsByBenefit ?? []);
    expect(groups.some((g: { payouts: number | null }) => g.payouts === null)).toBe(true);
    for (const g of groups) {
      expect(g.payouts === null || g.payouts % 5 === 0).toBe(true); // counts rounded to 5, 1-4 hidden
      if (g.payouts === null) expect(g.total).toBeNull(); // a few people's benefits are not shown by their amount either
      if (g.payouts === 0) expect(g.total).toBe("0.00");
    }
  });

  it("a fund's accounts do not give away a hidden benefit: its payouts total less the shown benefits never leaves one alone", async () => {
    const q = `{ tambons { code councils { welfareFund { payoutsTotal payoutsByBenefit { benefit total } } } } }`;
    const pub = councilsOf((await hub.query(q)).data.tambons);
    const people: { tambon_code: string; benefit: string; n: number }[] = await sql(
      `SELECT f.tambon_code, p.benefit, count(DISTINCT p.person_id)::int AS n FROM fund_payout p JOIN welfare_fund f ON f.id = p.fund_id GROUP BY 1, 2`,
    );
    let protectedFunds = 0;
    for (const t of pub.filter((x) => x.welfareFund)) {
      const paid = (benefit: string) => people.find((r) => r.tambon_code === t.code && r.benefit === benefit)?.n ?? 0;
      const hidden = t.welfareFund.payoutsByBenefit.filter((b: { total: string | null }) => b.total === null);
      for (const b of hidden) expect(paid(b.benefit), `${t.code} ${b.benefit}`).toBeGreaterThan(0);
      if (t.welfareFund.payoutsTotal !== null && hidden.length > 0) {
        // What the total less the shown benefits tells: the sum of at least two benefits, paid to 5 people or more.
        expect(hidden.length, t.code).toBeGreaterThanOrEqual(2);
        expect(
          hidden.reduce((n: number, b: { benefit: string }) => n + paid(b.benefit), 0),
          t.code,
        ).toBeGreaterThanOrEqual(5);
        protectedFunds++;
      }
    }
    expect(protectedFunds).toBeGreaterThan(0);
  });

  it("what a benefit paid for is health data: only a caller with the sensitive scope sees it, and the read is audited", async () => {
    const payouts = `{ welfareFundPayouts(tambonCode: "${FUND_TAMBON}", first: 5) { totalCount nodes { id paidOn amount benefit benefitLabel } } }`;
    const officer = await hub.query(payouts, {}, OFFICER);
    expect(officer.data.welfareFundPayouts.nodes[0].amount).toMatch(/^\d+\.\d{2}$/);
    expect(officer.data.welfareFundPayouts.nodes[0].benefit).toBeNull();
    expect(officer.errors?.[0].extensions).toMatchObject({ code: "FORBIDDEN", field: "WelfareFundPayout.benefit" });

    const treasurer = await new SignJWT({
      role: "welfare-fund-treasurer",
      agency: "community-councils",
      scope: ["read", "pii", "sensitive"].map((s) => `community-councils:${s}`).join(" "),
    })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(`treasurer-${FUND_TAMBON}`)
      .setIssuer(hub.config.auth.issuer)
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode(hub.config.auth.hs256Secret));
    const seen = await hub.query(payouts, {}, { headers: { authorization: `Bearer ${treasurer}`, "x-purpose": "monthly fund report" } });
    expect(seen.errors).toBeUndefined();
    const first = seen.data.welfareFundPayouts.nodes[0];
    expect(first.benefitLabel).toMatch(/\(.+\)$/);
    const [audit] = await sql(`SELECT subject, purpose, fields, records FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(audit).toMatchObject({ subject: `treasurer-${FUND_TAMBON}`, purpose: "monthly fund report" });
    expect(audit.fields).toEqual(expect.arrayContaining(["WelfareFundPayout.benefit", "WelfareFundPayout.amount"]));
    expect(audit.records).toContain(`WelfareFundPayout:${first.id}`);
  });

  it("a fund's members page through with cursors, without gaps or repeats", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const { data }: { data?: any } = await hub.query(
        `query($a: String) { welfareFundMembers(tambonCode: "${FUND_TAMBON}", first: 4, after: $a) {
        totalCount pageInfo { hasNextPage endCursor } nodes { person { id } household { houseCode } } } }`,
        { a: after },
        OFFICER,
      );
      total = data.welfareFundMembers.totalCount;
      seen.push(...data.welfareFundMembers.nodes.map((n: any) => `${n.household.houseCode}${n.person.id}`));
      after = data.welfareFundMembers.pageInfo.hasNextPage ? data.welfareFundMembers.pageInfo.endCursor : null;
    } while (after);
    expect(total).toBeGreaterThan(4);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect([...seen].sort()).toEqual(seen);
    const [{ count }] = await sql(
      `SELECT count(*)::int FROM fund_member m JOIN welfare_fund f ON f.id = m.fund_id WHERE f.tambon_code = '${FUND_TAMBON}'`,
    );
    expect(total).toBe(count);
  });
});
