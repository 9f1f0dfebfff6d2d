import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHub, type TestHub } from "./hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.stop());

/** A social worker reads one household's names (personal data: the registry audits the read). */
async function readNames(headers: Record<string, string> = {}) {
  const [{ house_code }] = await hub.subgraphs["social-development"].ds.query("SELECT house_code FROM household ORDER BY 1 LIMIT 1");
  const response = await fetch(hub.gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${await hub.token("social-worker")}`, ...headers },
    body: JSON.stringify({
      query: `query Names($h: String!) { household(houseCode: $h) { members { firstName } } }`,
      variables: { h: house_code },
    }),
  });
  expect(response.status).toBe(200);
  return response.headers.get("x-request-id");
}

const auditRowOf = async (requestId: string | null) =>
  (
    await hub.subgraphs["social-development"].ds.query("SELECT operation_name, subject FROM audit_log WHERE request_id = $1", [requestId])
  )[0];

describe("one request traced from the gateway to the audit log", () => {
  it("the gateway keeps the caller's x-request-id, returns it, and the registry's audit row records it", async () => {
    const id = await readNames({ "x-request-id": "meeting-2569-11-30.42" });
    expect(id).toBe("meeting-2569-11-30.42");
    expect(await auditRowOf(id)).toEqual({ operation_name: "Names", subject: "demo-social-worker" });
  });

  it("without one, the gateway makes an id, returns it, and the audit row records that one", async () => {
    const id = await readNames();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await auditRowOf(id)).toMatchObject({ operation_name: "Names" });
  });

  it("an id with unsafe characters is replaced, not echoed or stored", async () => {
    const id = await readNames({ "x-request-id": "<script>alert(1)</script>" });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await auditRowOf("<script>alert(1)</script>")).toBeUndefined();
  });
});
