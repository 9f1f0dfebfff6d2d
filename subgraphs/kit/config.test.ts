import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { DEMO_LINKAGE_SECRET, DEMO_TOKEN_SECRET, loadConfig, refuseUnsafeSettings, unsafeSettings } from "./config";

const KEY = "-----BEGIN KEY-----"; // any text: the rule looks only at whether a key is configured
const SECRET = "s".repeat(32);
const production = (env: Record<string, string> = {}) => loadConfig({ HUB_ENV: "production", ...env });
const safeGateway = { AUTH_HS256_SECRET: SECRET, GATEWAY_PRIVATE_KEY: KEY };

describe("production refuses unsafe settings", () => {
  it("HUB_ENV or NODE_ENV=production switches introspection and the playground off unless asked for", () => {
    for (const env of [{ HUB_ENV: "production" }, { NODE_ENV: "production" }]) {
      expect(loadConfig(env)).toMatchObject({ production: true, introspection: false, playground: false });
    }
    expect(loadConfig({ HUB_ENV: "production", INTROSPECTION: "true" }).introspection).toBe(true);
    expect(loadConfig({})).toMatchObject({ production: false, introspection: true, playground: true });
    expect(loadConfig({ NODE_ENV: "production", HUB_ENV: "development" }).production).toBe(false); // HUB_ENV decides
  });

  it("the gateway on the public demo secret, a short secret or without its private key does not start, naming each", () => {
    expect(() => refuseUnsafeSettings(production(), { gateway: true })).toThrow(
      /the gateway refuses to start in production: AUTH_HS256_SECRET is the public demo secret.*; GATEWAY_PRIVATE_KEY is not set/,
    );
    expect(unsafeSettings(production({ ...safeGateway, AUTH_HS256_SECRET: "short" }), { gateway: true })).toEqual([
      "AUTH_HS256_SECRET is shorter than 32 characters: anyone who knows it can mint a user token for any role",
    ]);
    expect(() => refuseUnsafeSettings(production(safeGateway), { gateway: true })).not.toThrow();
    expect(production().auth.hs256Secret).toBe(DEMO_TOKEN_SECRET);
  });

  it("with an identity provider's keys the gateway needs an audience and no HMAC algorithm, and ignores the demo secret", () => {
    const jwks = { AUTH_JWKS_URL: "https://idp.example/jwks", GATEWAY_PRIVATE_KEY: KEY };
    expect(unsafeSettings(production(jwks), { gateway: true })).toEqual([
      "AUTH_AUDIENCE is not set: a token the identity provider issued for another application would pass",
    ]);
    expect(unsafeSettings(production({ ...jwks, AUTH_AUDIENCE: "hub", AUTH_ALGORITHMS: "RS256,HS256" }), { gateway: true })).toEqual([
      "AUTH_ALGORITHMS names an HMAC algorithm beside JWKS keys",
    ]);
    expect(unsafeSettings(production({ ...jwks, AUTH_AUDIENCE: "hub" }), { gateway: true })).toEqual([]);
  });

  it("only the social registry holds the linkage secret: it needs a real one, every other subgraph must have none", () => {
    const registry = { subgraph: "social-development" } as const;
    expect(unsafeSettings(production({ GATEWAY_PUBLIC_KEY: KEY }), registry)).toEqual([
      "LINKAGE_SECRET is not set: whoever knows it can turn linkage ids back into citizen IDs",
    ]);
    expect(unsafeSettings(production({ GATEWAY_PUBLIC_KEY: KEY, LINKAGE_SECRET: DEMO_LINKAGE_SECRET }), registry)[0]).toMatch(
      /^LINKAGE_SECRET is the public demo secret/,
    );
    expect(unsafeSettings(production({ GATEWAY_PUBLIC_KEY: KEY, LINKAGE_SECRET: SECRET }), registry)).toEqual([]);
    expect(() => refuseUnsafeSettings(production({ GATEWAY_PUBLIC_KEY: KEY, LINKAGE_SECRET: SECRET }), { subgraph: "housing" })).toThrow(
      "housing refuses to start in production: LINKAGE_SECRET is set for housing: only social-development may hold it",
    );
    expect(unsafeSettings(production(), { subgraph: "area" })).toEqual([
      "GATEWAY_PUBLIC_KEY is not set: the subgraph could verify no caller",
    ]);
  });

  it("plain HTTP beyond this machine is refused: a public HOST without TLS, a subgraph on another host over http", () => {
    const gateway = { ...safeGateway, HOST: "0.0.0.0", HOUSING_URL: "http://10.1.2.3:4003/graphql" };
    expect(unsafeSettings(production(gateway), { gateway: true })).toEqual([
      "HOST 0.0.0.0 serves plain HTTP beyond this machine: give TLS_CERT_FILE and TLS_KEY_FILE (or bind 127.0.0.1 behind a TLS terminator)",
      "HOUSING_URL calls another machine over plain HTTP: use https",
    ]);
    const tls = { TLS_CERT_FILE: "cert.pem", TLS_KEY_FILE: "key.pem", HOUSING_URL: "https://10.1.2.3:4003/graphql" };
    expect(unsafeSettings(production({ ...gateway, ...tls }), { gateway: true })).toEqual([]);
    expect(unsafeSettings(production({ ...safeGateway, HOUSING_URL: "http://localhost:4003/graphql" }), { gateway: true })).toEqual([]);
  });

  it("development starts on the same settings (it warns instead)", () => {
    expect(() => refuseUnsafeSettings(loadConfig({}), { gateway: true })).not.toThrow();
    expect(unsafeSettings(loadConfig({}), { gateway: true }).length).toBe(2);
  });
});

describe("user-token settings", () => {
  it("algorithms are HS256 with the secret and the asymmetric ones with JWKS keys, unless AUTH_ALGORITHMS names them", () => {
    expect(loadConfig({}).auth.algorithms).toEqual(["HS256"]);
    expect(loadConfig({ AUTH_JWKS_FILE: "keys.json" }).auth.algorithms).toEqual(["ES256", "ES384", "RS256", "PS256", "EdDSA"]);
    expect(loadConfig({ AUTH_ALGORITHMS: "ES256, EdDSA" }).auth.algorithms).toEqual(["ES256", "EdDSA"]);
  });

  it("lifetimes and tolerances read as seconds, minutes or hours; anything else stops the start naming the key", () => {
    expect(loadConfig({}).auth).toMatchObject({ maxTokenLifetimeSeconds: 43_200, clockToleranceSeconds: 30 });
    expect(loadConfig({ AUTH_MAX_TOKEN_LIFETIME: "15m", AUTH_CLOCK_TOLERANCE: "5" }).auth).toMatchObject({
      maxTokenLifetimeSeconds: 900,
      clockToleranceSeconds: 5,
    });
    expect(() => loadConfig({ AUTH_MAX_TOKEN_LIFETIME: "a day" })).toThrow(
      'AUTH_MAX_TOKEN_LIFETIME must be a duration such as 90, 15m or 12h, got "a day"',
    );
  });
});

describe("deadlines", () => {
  const timeouts = (env: Record<string, string>) => Object.fromEntries(loadConfig(env).subgraphs.map((s) => [s.name, s.timeoutMs]));

  it("every subgraph call has a deadline: 4 s by default, SUBGRAPH_TIMEOUT_MS for all, <NAME>_TIMEOUT_MS for one", () => {
    expect(new Set(Object.values(timeouts({})))).toEqual(new Set([4000]));
    expect(timeouts({ SUBGRAPH_TIMEOUT_MS: "2500", HOUSING_TIMEOUT_MS: "9000" })).toEqual({
      area: 2500,
      "social-development": 2500,
      housing: 9000,
      agriculture: 2500,
      "community-councils": 2500,
    });
    expect(loadConfig({}).healthIntervalMs).toBe(1000);
  });

  it("a deadline of 0 or not a number is refused, naming the key", () => {
    expect(() => loadConfig({ SUBGRAPH_TIMEOUT_MS: "0" })).toThrow("SUBGRAPH_TIMEOUT_MS must be above 0");
    expect(() => loadConfig({ AGRICULTURE_TIMEOUT_MS: "4s" })).toThrow('AGRICULTURE_TIMEOUT_MS must be a whole number, got "4s"');
  });

  it("GATEWAY_WORKERS: one process by default, a count above 0, or one per core", () => {
    expect(loadConfig({}).gatewayWorkers).toBe(1);
    expect(loadConfig({ GATEWAY_WORKERS: "3" }).gatewayWorkers).toBe(3);
    expect(loadConfig({ GATEWAY_WORKERS: "auto" }).gatewayWorkers).toBe(availableParallelism());
    for (const bad of ["0", "-2", "1.5", "two"]) {
      expect(() => loadConfig({ GATEWAY_WORKERS: bad })).toThrow(`GATEWAY_WORKERS must be a whole number above 0 or "auto", got "${bad}"`);
    }
  });
});
