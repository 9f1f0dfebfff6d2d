import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { request as httpsRequest } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { decodeJwt, SignJWT } from "jose";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, SUBGRAPH_NAMES } from "../subgraphs/kit/config";
import { PUBLIC_IDENTITY, ROLES } from "../subgraphs/kit/identity";
import { citizenIdCheckDigit } from "../subgraphs/kit/citizen-id";
import { LIFETIME_SECONDS, privateKey, signInternalToken } from "../subgraphs/kit/internal-token";
import { startSubgraph } from "../subgraphs/kit/subgraph";
import { SUBGRAPHS } from "../subgraphs/registry";
import { LOOKUPS_PER_MINUTE } from "../subgraphs/social-development/linkage.mutation";
import { servingRoleName } from "../subgraphs/kit/serving-role";
import { startGateway, type RunningGateway } from "../gateway/server";
import { post, startHub, type TestHub } from "./hub";

/** The attacks of issue 10 on the trust chain, each refused through the real gateway and subgraphs. */
let hub: TestHub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.stop());

const now = () => Math.floor(Date.now() / 1000);
const withCheckDigit = (first12: string) => `${first12}${citizenIdCheckDigit(first12)}`;

describe("user tokens", () => {
  const secret = () => new TextEncoder().encode(hub.config.auth.hs256Secret);
  const worker = { role: "social-worker", scope: ROLES["social-worker"].scopes.join(" ") };
  const token = (claims: Record<string, unknown>, alg = "HS256") =>
    new SignJWT({ ...worker, sub: "somchai", iss: hub.config.auth.issuer, iat: now(), exp: now() + 3600, ...claims })
      .setProtectedHeader({ alg })
      .sign(secret());
  const refusal = async (jwt: string) => {
    const response = await post(hub.gatewayUrl, { query: "{ households(first: 1) { totalCount } }" }, { authorization: `Bearer ${jwt}` });
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    return { status: response.status, code: body.errors?.[0].extensions.code, message: body.errors?.[0].message };
  };

  it.each([
    ["signed HS384 with the right secret", () => token({}, "HS384"), "algorithm is not accepted"],
    ["signed HS512 with the right secret", () => token({}, "HS512"), "algorithm is not accepted"],
    ["expiring in 2999", () => token({ exp: Date.UTC(2999, 0, 1) / 1000 }), "lives longer"],
    ["living 13 hours (AUTH_MAX_TOKEN_LIFETIME is 12 h)", () => token({ exp: now() + 13 * 3600 }), "lives longer"],
    ["without iat", () => token({ iat: undefined }), "iat"],
    ["issued an hour ahead", () => token({ iat: now() + 3600, exp: now() + 7200 }), "iat"],
    ["without sub", () => token({ sub: undefined }), "sub"],
    ["whose sub is an object", () => token({ sub: { id: 1 } }), "sub"],
    ["whose sub holds a newline", () => token({ sub: "x\nforged log line" }), "sub"],
    ["expired two minutes ago", () => token({ iat: now() - 600, exp: now() - 120 }), "expired"],
    ["unsigned (alg none)", async () => `${btoa(JSON.stringify({ alg: "none" }))}.${btoa(JSON.stringify({ sub: "x" }))}.`, "algorithm"],
  ])("a token %s is refused with 401 saying why", async (_name, make, reason) => {
    const { status, code, message } = await refusal(await make());
    expect(status).toBe(401);
    expect(code).toBe("UNAUTHENTICATED");
    expect(message).toContain(reason);
  });

  it("a token a few seconds past its expiry still passes (the clock tolerance), and so does one of exactly 12 h", async () => {
    for (const jwt of [await token({ iat: now() - 600, exp: now() - 5 }), await token({ exp: now() + 12 * 3600 })]) {
      const { data, errors } = await hub.query(
        `{ households(first: 1) { totalCount } }`,
        {},
        { headers: { authorization: `Bearer ${jwt}` } },
      );
      expect(errors).toBeUndefined();
      expect(data.households.totalCount).toBe(hub.config.demoHouseholds);
    }
  });

  it("an unknown role and agency are audited as unknown and none, never as given; unknown scopes grant nothing", async () => {
    const jwt = await token({ role: "'); DROP TABLE audit_log; --", agency: "<script>", scope: `${worker.scope} everything:all` });
    const worked = await hub.query(`{ households(first: 1) { nodes { houseCode } } }`, {}, { role: "social-worker" });
    const houseCode = worked.data.households.nodes[0].houseCode;
    const { data } = await hub.query(
      `query Probe($h: String!) { household(houseCode: $h) { members { firstName } } }`,
      { h: houseCode },
      { headers: { authorization: `Bearer ${jwt}` } },
    );
    expect(data.household.members[0].firstName).toBeTruthy(); // the scopes authorized, not the role
    const [row] = await hub.subgraphs["social-development"].ds.query(
      `SELECT subject, agency, role FROM audit_log WHERE operation_name = 'Probe' ORDER BY id DESC LIMIT 1`,
    );
    expect(row).toEqual({ subject: "somchai", agency: null, role: "unknown" });
  });
});

describe("the gateway's tokens to the subgraphs", () => {
  /** A recording stand-in for housing: what the gateway sends there, forwarded unchanged. */
  let proxy: Server;
  let gateway: RunningGateway;
  const seen: { headers: IncomingHttpHeaders; body: string }[] = [];
  beforeAll(async () => {
    const target = hub.subgraphs.housing.url;
    proxy = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString("utf8");
      seen.push({ headers: req.headers, body });
      const answer = await fetch(target, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: req.headers.authorization ?? "" },
        body,
      });
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(await answer.text());
    });
    await new Promise<void>((listening) => proxy.listen(0, "127.0.0.1", listening));
    const urls = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, hub.subgraphs[n].url]));
    urls.housing = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql`;
    gateway = await startGateway({ config: hub.config, port: 0, subgraphUrls: urls });
  });
  afterAll(async () => {
    await gateway?.stop();
    proxy?.close();
  });

  it("a token captured from a public read cannot be replayed, carry a write, or be used at another subgraph", async () => {
    const read = await post(gateway.url, { query: `{ tambon(code: "490101") { housing { unsafeHousing } } }` });
    expect(((await read.json()) as { data: { tambon: { housing: object } } }).data.tambon.housing).not.toBeNull();
    const captured = seen.at(-1)!;
    const claims = decodeJwt(captured.headers.authorization!.slice("Bearer ".length));
    expect(claims.exp! - claims.iat!).toBe(LIFETIME_SECONDS);
    expect(claims).toMatchObject({ aud: "housing", jti: expect.any(String), bh: expect.any(String) });

    const surveys = async () => (await hub.asOwner("housing", "SELECT count(*)::int AS n FROM housing_survey"))[0].n;
    const before = await surveys();
    const write = JSON.stringify({
      query: `mutation { recordHousingSurvey(input: { houseCode: "49010000001", villageCode: "49010101", surveyedOn: "2025-01-10",
        roof: GOOD, walls: GOOD, floor: GOOD, posts: GOOD, toilet: GOOD, tenure: OWN }) { surveyedOn } }`,
    });
    const attempts = [
      { url: hub.subgraphs.housing.url, body: captured.body }, // the same request again
      { url: hub.subgraphs.housing.url, body: write }, // another body
      { url: hub.subgraphs.agriculture.url, body: captured.body.replace("housing{unsafeHousing}", "agriculture{farmerCount}") }, // another subgraph
    ];
    for (const { url, body } of attempts) {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: captured.headers.authorization! },
        body,
      });
      expect(response.status, body).toBe(401);
    }
    expect(await surveys()).toBe(before);
  });
});

describe("the linkage secret has one holder", () => {
  const LINK = `mutation Link($c: String!) { linkPerson(citizenId: $c) { id } }`;
  const citizenIdOf = async () =>
    (await hub.asOwner("social-development", "SELECT citizen_id, id FROM person ORDER BY id LIMIT 1"))[0] as {
      citizen_id: string;
      id: string;
    };
  const auditRows = () =>
    hub.asOwner("social-development", `SELECT subject, purpose, fields, records FROM audit_log WHERE operation_name = 'Link' ORDER BY id`);

  it("an agency's officer gets a registered person's linkage id from the registry, and the registry logs who asked, why and for whom", async () => {
    const person = await citizenIdOf();
    const before = (await auditRows()).length;
    const response = await hub.query(
      LINK,
      { c: person.citizen_id },
      { role: "farmers-council-officer", headers: { "x-purpose": "farm book" } },
    );
    expect(response).toEqual({ data: { linkPerson: { id: person.id } } });
    const rows = await auditRows();
    expect(rows.slice(before)).toEqual([
      { subject: "demo-farmers-council-officer", purpose: "farm book", fields: ["Mutation.linkPerson"], records: [`Person:${person.id}`] },
    ]);
  });

  it("an unregistered ID is NOT_FOUND and still logged; a bad one is BAD_USER_INPUT; the public and an analyst may not ask", async () => {
    const before = (await auditRows()).length;
    const missing = await hub.query(LINK, { c: "3100600445635" }, { role: "housing-officer" });
    expect(missing.errors?.[0].extensions).toMatchObject({ code: "NOT_FOUND", field: "citizenId" });
    expect(JSON.stringify(missing)).not.toContain("3100600445635");
    expect((await auditRows()).slice(before)).toEqual([
      { subject: "demo-housing-officer", purpose: null, fields: ["Mutation.linkPerson"], records: [] },
    ]);
    const bad = await hub.query(LINK, { c: "3100600445636" }, { role: "housing-officer" });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "citizenId" });
    for (const role of [undefined, "provincial-analyst", "data-protection-officer"]) {
      const refused = await hub.query(LINK, { c: (await citizenIdOf()).citizen_id }, { role });
      expect(refused.errors?.[0].extensions?.code).toBe("FORBIDDEN");
      expect(refused.data?.linkPerson).toBeNull();
    }
  });

  it("a caller trying IDs one after another is stopped after LOOKUPS_PER_MINUTE lookups, and every try is logged", async () => {
    const who = { role: "welfare-fund-treasurer" };
    const before = (await auditRows()).length;
    const tries = Array.from({ length: LOOKUPS_PER_MINUTE + 2 }, (_, i) => `3100600445${String(i).padStart(2, "0")}`).map(withCheckDigit);
    const codes: string[] = [];
    for (const c of tries) codes.push((await hub.query(LINK, { c }, who)).errors?.[0].extensions?.code ?? "OK");
    expect(new Set(codes.slice(0, LOOKUPS_PER_MINUTE)), codes.join()).toEqual(new Set(["NOT_FOUND"]));
    expect(codes.slice(LOOKUPS_PER_MINUTE)).toEqual(["RATE_LIMITED", "RATE_LIMITED"]);
    expect((await auditRows()).length - before).toBe(tries.length);
    // Another caller is not held up by it.
    expect((await hub.query(LINK, { c: (await citizenIdOf()).citizen_id }, { role: "housing-officer" })).errors).toBeUndefined();
  });

  it("the council network takes no citizen ID at all: its mutations name a person by linkage id only", async () => {
    const { errors } = await hub.query(
      `mutation { addCouncilMember(input: { tambonCode: "490101", citizenId: "3100600445635", role: MEMBER, termStart: "2024-01-01", termEnd: "2027-01-01" }) { role } }`,
      {},
      { role: "council-network-officer" },
    );
    expect(errors?.map((e) => e.message)).toContain('Field "citizenId" is not defined by type "AddCouncilMemberInput".');
  });
});

describe("least privilege in the databases", () => {
  const ATTACKS = [
    "ALTER TABLE audit_log DISABLE TRIGGER USER",
    "DELETE FROM audit_log",
    "UPDATE audit_log SET subject = 'nobody'",
    "TRUNCATE audit_log",
    "DROP TABLE audit_log",
    "ALTER TABLE audit_log ADD COLUMN note text",
    "CREATE TABLE stolen (x text)",
    "DELETE FROM migrations",
  ];
  const audited = SUBGRAPH_NAMES.filter((n) => n !== "area");

  it.each(audited)("%s's own connection cannot alter, empty or drop its audit log, and the log is unchanged", async (name) => {
    const count = async () => (await hub.asOwner(name, "SELECT count(*)::int AS n FROM audit_log"))[0].n;
    const before = await count();
    for (const statement of ATTACKS) {
      await expect(hub.subgraphs[name].ds.query(statement), statement).rejects.toThrow(/permission denied|must be (the )?owner/);
    }
    expect(await count()).toBe(before);
    const [{ user }] = await hub.subgraphs[name].ds.query("SELECT current_user AS user");
    expect(user).toBe(servingRoleName(name));
  });

  it("a statement serving a request runs under HUB_STATEMENT_TIMEOUT_MS, so one the gateway gave up on stops holding a core", async () => {
    for (const name of SUBGRAPH_NAMES) {
      const [{ limit }] = await hub.subgraphs[name].ds.query("SELECT current_setting('statement_timeout') AS limit");
      expect(limit, name).toBe(`${hub.config.statementTimeoutMs / 1000}s`);
    }
  });

  it("one agency's serving role cannot even connect to another agency's database", async () => {
    const urlOf = (name: "housing" | "social-development") => new URL((hub.subgraphs[name].ds.options as { url: string }).url);
    const [housingLogin, registry] = [urlOf("housing"), urlOf("social-development")];
    housingLogin.pathname = registry.pathname;
    const client = new Client({ connectionString: housingLogin.toString() });
    await expect(client.connect()).rejects.toThrow(/permission denied for database/);
  });
});

describe("production", () => {
  it("the gateway refuses to start on the demo secret, and says so before it listens", async () => {
    const config = { ...loadConfig({ HUB_ENV: "production", GATEWAY_PRIVATE_KEY: hub.config.auth.gatewayPrivateKey }) };
    await expect(startGateway({ config, port: 0, subgraphUrls: {} })).rejects.toThrow(
      "the gateway refuses to start in production: AUTH_HS256_SECRET is the public demo secret",
    );
  });
});

describe("TLS between machines", () => {
  it("a subgraph given TLS_CERT_FILE and TLS_KEY_FILE answers only over HTTPS, to a client that trusts the hub's CA", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hub-tls-"));
    const [cert, key] = [join(dir, "cert.pem"), join(dir, "key.pem")];
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1",
        "-keyout",
        key,
        "-out",
        cert,
      ],
      { stdio: "ignore" },
    );
    const config = { ...hub.config, tls: { certFile: cert, keyFile: key } };
    const area = await startSubgraph(SUBGRAPHS.area, { config, databaseUrl: hub.ownerUrls.area, port: 0 });
    try {
      expect(area.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/graphql$/);
      const body = JSON.stringify({ query: `{ tambon(code: "490101") { nameEn } }` });
      const token = await signInternalToken(privateKey(hub.config.auth.gatewayPrivateKey!), PUBLIC_IDENTITY, "area", body);
      const answer = await new Promise<string>((done, failed) => {
        const req = httpsRequest(
          area.url,
          { method: "POST", ca: readFileSync(cert), headers: { "content-type": "application/json", authorization: `Bearer ${token}` } },
          (res) => {
            let text = "";
            res.on("data", (chunk) => (text += chunk));
            res.on("end", () => done(text));
          },
        );
        req.on("error", failed);
        req.end(body);
      });
      expect(JSON.parse(answer)).toEqual({ data: { tambon: { nameEn: "Mukdahan" } } });
      await expect(fetch(area.url.replace("https:", "http:"), { method: "POST", body })).rejects.toThrow(); // no plain HTTP
      await expect(fetch(area.url, { method: "POST", body })).rejects.toThrow(); // an untrusted certificate
    } finally {
      await area.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
