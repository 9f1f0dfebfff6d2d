import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateGatewayKeys, privateKey, signInternalToken } from "../subgraphs/kit/internal-token";
import { PUBLIC_IDENTITY, ROLES } from "../subgraphs/kit/identity";
import { post, startHub, type TestHub } from "./hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.stop());

const firstHouseCode = async () =>
  (await hub.query(`{ households(first: 1) { nodes { houseCode } } }`, {}, { role: "social-worker" })).data.households.nodes[0]
    .houseCode as string;

describe("authentication at the gateway", () => {
  const signed = (secret: string, claims: Record<string, unknown>, expires: string | number = "1h") =>
    new SignJWT({ role: "social-worker", scope: ROLES["social-worker"].scopes.join(" "), ...claims })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("someone")
      .setIssuer(hub.config.auth.issuer)
      .setIssuedAt()
      .setExpirationTime(expires)
      .sign(new TextEncoder().encode(secret));

  it.each([
    ["an expired token", async () => signed(hub.config.auth.hs256Secret, {}, Math.floor(Date.now() / 1000) - 60), "expired"],
    ["a token signed with another secret", async () => signed("not-the-secret", {}), "signature"],
    ["a malformed token", async () => "not.a.jwt", "malformed"],
  ])("%s is refused with 401 and says why", async (_name, make, reason) => {
    const response = await post(hub.gatewayUrl, { query: "{ province { code } }" }, { authorization: `Bearer ${await make()}` });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    expect(body.errors[0].message).toContain(reason);
  });

  it("no token is the public role: aggregates yes, records no", async () => {
    const { data, errors } = await hub.query(
      `{ tambon(code: "490101") { nameEn registry { householdCount } } households(first: 5) { totalCount } }`,
    );
    expect(data.tambon.nameEn).toBe("Mukdahan");
    expect(data.households).toBeNull();
    expect(errors?.[0]).toMatchObject({ path: ["households"], extensions: { code: "FORBIDDEN" } });
    expect(errors?.[0].message).toContain("social-development:read");
  });
});

describe("subgraphs trust nobody but the gateway", () => {
  it("a subgraph called directly without credentials answers only its health check and _service", async () => {
    const url = hub.subgraphs["social-development"].url;
    const refused = await post(url, { query: "{ households(first: 5) { totalCount } }" });
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain("UNAUTHENTICATED");
    const service = await post(url, { query: "{ _service { sdl } }" });
    expect(service.status).toBe(200);
    expect(((await service.json()) as { data: { _service: { sdl: string } } }).data._service.sdl).toContain("type Household");
    expect((await fetch(new URL("/health", url))).status).toBe(200);
  });

  it("a token the gateway did not sign, or signed for another subgraph, gets nothing", async () => {
    const worker = { ...PUBLIC_IDENTITY, subject: "x", role: "social-worker", scopes: ROLES["social-worker"].scopes };
    const body = { query: "{ households(first: 1) { totalCount } }" };
    const forged = await signInternalToken(
      privateKey(generateGatewayKeys().privateKeyPem),
      worker,
      "social-development",
      JSON.stringify(body),
    );
    const misdirected = await signInternalToken(privateKey(hub.config.auth.gatewayPrivateKey!), worker, "housing", JSON.stringify(body));
    for (const token of [forged, misdirected]) {
      const response = await post(hub.subgraphs["social-development"].url, body, { authorization: `Bearer ${token}` });
      expect(response.status).toBe(401);
    }
  });
});

describe("personal data", () => {
  it("a field the caller may not see is null with a FORBIDDEN error naming it, and the rest still returns", async () => {
    const houseCode = await firstHouseCode();
    const { data, errors } = await hub.query(
      `query($h: String!) { household(houseCode: $h) { houseCode members { id firstName relationToHead } } }`,
      { h: houseCode },
      { role: "housing-officer" },
    );
    expect(data.household.houseCode).toBe(houseCode);
    expect(data.household.members[0].relationToHead).toBeTruthy();
    expect(data.household.members.every((m: { firstName: unknown }) => m.firstName === null)).toBe(true);
    expect(errors?.[0].extensions).toMatchObject({ code: "FORBIDDEN", field: "Person.firstName" });
  });

  it("sensitive flags need the sensitive scope even where names are shared", async () => {
    const houseCode = await firstHouseCode();
    const q = `query($h: String!) { household(houseCode: $h) { members { firstName vulnerability { elderly disabled } } } }`;
    const committee = await hub.query(q, { h: houseCode }, { role: "district-screening-committee" });
    expect(committee.data.household.members[0].firstName).toBeTruthy();
    expect(committee.data.household.members[0].vulnerability.disabled).toBeNull();
    expect(committee.errors?.[0].extensions?.field).toBe("Vulnerability.disabled");
    const worker = await hub.query(q, { h: houseCode }, { role: "social-worker" });
    expect(worker.errors).toBeUndefined();
    expect(typeof worker.data.household.members[0].vulnerability.disabled).toBe("boolean");
  });

  it("the public sees counts rounded to 5, 1-4 as null; the provincial analyst sees them exact", async () => {
    const q = `{ tambons { registry { vulnerablePeople { bedridden disabled elderly } } } }`;
    type Row = { registry: { vulnerablePeople: Record<string, number | null> } };
    const pub = (await hub.query(q)).data.tambons.flatMap((t: Row) => Object.values(t.registry.vulnerablePeople));
    const exact = (await hub.query(q, {}, { role: "provincial-analyst" })).data.tambons.flatMap((t: Row) =>
      Object.values(t.registry.vulnerablePeople),
    );
    expect(exact.some((n: number) => n >= 1 && n <= 4)).toBe(true);
    expect(pub.some((n: number | null) => n !== null && n >= 1 && n <= 4)).toBe(false);
    expect(pub).toEqual(exact.map((n: number) => (n === 0 ? 0 : n <= 4 ? null : Math.round(n / 5) * 5)));
  });

  it("no answer to a request without a token holds a 13-digit number or a person's name", async () => {
    const houseCode = await firstHouseCode();
    const names = (
      await hub.query(
        `query($h: String!) { household(houseCode: $h) { members { firstName lastName } } }`,
        { h: houseCode },
        { role: "social-worker" },
      )
    ).data.household.members.flatMap((m: { firstName: string; lastName: string }) => [m.firstName, m.lastName]);
    const probes = [
      `{ households(first: 50) { nodes { houseCode houseNumber members { id firstName lastName birthDate maskedCitizenId } } } }`,
      `query($h: String!) { household(houseCode: $h) { houseNumber members { firstName lastName maskedCitizenId } } }`,
      `{ tambons { code registry { householdCount householdsByPovertyLevel { households } vulnerablePeople { people } } } }`,
    ];
    for (const q of probes) {
      const text = JSON.stringify(await hub.query(q, { h: houseCode }));
      expect(text).not.toMatch(/\d{13}/);
      for (const name of names) expect(text).not.toContain(name);
    }
  });
});

describe("the audit trail", () => {
  const auditRows = () => hub.subgraphs["social-development"].ds.query(`SELECT * FROM audit_log ORDER BY id`);

  it("a read of names leaves a row with who, why and which records; an aggregate read leaves none", async () => {
    const before = (await auditRows()).length;
    await hub.query(`{ tambons { registry { householdCount } } }`, {}, { role: "social-worker" });
    expect((await auditRows()).length).toBe(before);

    const houseCode = await firstHouseCode();
    await hub.query(
      `query HomeVisit($h: String!) { household(houseCode: $h) { members { id firstName } } }`,
      { h: houseCode },
      { role: "social-worker", headers: { "x-purpose": "home visit" } },
    );
    const rows = await auditRows();
    expect(rows.length).toBe(before + 1);
    const row = rows[rows.length - 1];
    expect(row).toMatchObject({
      subject: "demo-social-worker",
      agency: "social-development",
      role: "social-worker",
      purpose: "home visit",
      operation_name: "HomeVisit",
    });
    expect(row.fields).toEqual(["Person.firstName"]);
    expect(row.records.length).toBeGreaterThan(0);
    expect(row.records[0]).toMatch(/^Person:[0-9a-f]{32}$/);
  });

  it("the data-protection officer reads the log; nobody else can", async () => {
    const q = `{ socialDevelopmentAuditLog(last: 5) { at subject role purpose operationName fields records } }`;
    const dpo = await hub.query(q, {}, { role: "data-protection-officer" });
    expect(dpo.errors).toBeUndefined();
    expect(dpo.data.socialDevelopmentAuditLog[0].subject).toBe("demo-social-worker");
    for (const role of [undefined, "social-worker", "provincial-analyst"]) {
      const other = await hub.query(q, {}, { role });
      expect(other.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
  });

  it("the log cannot be edited or deleted: not with the service's own database user, and not even by the database's owner", async () => {
    const ds = hub.subgraphs["social-development"].ds;
    for (const statement of [`UPDATE audit_log SET subject = 'nobody'`, `DELETE FROM audit_log`, `TRUNCATE audit_log`]) {
      await expect(ds.query(statement)).rejects.toThrow("permission denied");
      await expect(hub.asOwner("social-development", statement)).rejects.toThrow("append-only");
    }
  });
});
