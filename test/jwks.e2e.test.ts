import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHub, type TestHub } from "./hub";

/** An identity provider's keys instead of the demo secret: the gateway verifies against a JWKS file. */
let hub: TestHub;
let privateKey: Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];
beforeAll(async () => {
  const pair = await generateKeyPair("ES256", { extractable: true });
  privateKey = pair.privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: "idp-1", alg: "ES256", use: "sig" };
  const file = join(mkdtempSync(join(tmpdir(), "jwks-")), "jwks.json");
  writeFileSync(file, JSON.stringify({ keys: [jwk] }));
  hub = await startHub({ env: { AUTH_JWKS_FILE: file, AUTH_ISSUER: "https://idp.example" } });
});
afterAll(() => hub?.stop());

const query = `{ households(first: 1) { totalCount } }`;
const idpToken = (issuer = "https://idp.example") =>
  new SignJWT({ agency: "social-development", role: "social-worker", scope: "social-development:read" })
    .setProtectedHeader({ alg: "ES256", kid: "idp-1" })
    .setSubject("somchai@pmj")
    .setIssuer(issuer)
    .setIssuedAt()
    .setExpirationTime("5m")
    .sign(privateKey);

describe("user tokens from an identity provider (JWKS)", () => {
  it("a token signed with the provider's key is accepted with its scopes", async () => {
    const { data, errors } = await hub.query(query, {}, { headers: { authorization: `Bearer ${await idpToken()}` } });
    expect(errors).toBeUndefined();
    expect(data.households.totalCount).toBe(hub.config.demoHouseholds);
  });

  it("a demo token (HS256 secret) is refused once keys are configured, and so is another issuer", async () => {
    for (const token of [await hub.token("social-worker"), await idpToken("https://elsewhere.example")]) {
      const response = await fetch(hub.gatewayUrl, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
      });
      expect(response.status).toBe(401);
    }
  });
});
