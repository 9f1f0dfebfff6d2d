import { type ChildProcess, fork } from "node:child_process";
import { Agent, request } from "node:http";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { envPrefix, SUBGRAPH_NAMES } from "../subgraphs/kit/config";
import { startHub, type TestHub } from "./hub";

/**
 * GATEWAY_WORKERS=2 (gateway/workers.ts): `npm run start:gateway` as a process, a primary and two
 * workers on one port, over the subgraphs of a test hub. Every request below opens a connection
 * of its own, so the primary hands them to the workers in turn.
 */
let hub: TestHub;
let gateway: ChildProcess;
let url: string;
let output = "";

beforeAll(async () => {
  hub = await startHub({ data: "small", env: { HUB_PUBLIC_CACHE_SECONDS: "30" } });
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LOG_LEVEL: "info",
    PORT: "0",
    GATEWAY_WORKERS: "2",
    GATEWAY_PRIVATE_KEY: hub.config.auth.gatewayPrivateKey,
    SUBGRAPH_TIMEOUT_MS: "30000",
  };
  for (const name of SUBGRAPH_NAMES) env[`${envPrefix(name)}_URL`] = hub.subgraphs[name].url;
  gateway = fork(resolve(__dirname, "../gateway/index.ts"), [], {
    env,
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  gateway.stdout!.on("data", (chunk) => (output += chunk));
  gateway.stderr!.on("data", (chunk) => (output += chunk));
  url = await new Promise<string>((ready, failed) => {
    gateway.on("message", (m: { url?: string }) => m.url && ready(m.url));
    gateway.once("exit", (code) => failed(new Error(`the gateway exited before it was ready (${code}): ${output}`)));
  });
});
afterAll(async () => {
  if (gateway?.exitCode === null) gateway.kill("SIGKILL");
  await hub?.stop();
});

/** One request on a connection of its own (or of `agent`'s): the status and parsed body. */
function send(
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  agent: Agent | false = false,
): Promise<{ status: number; body: any }> {
  return new Promise((done, failed) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(new URL(path, url), {
      method: payload ? "POST" : "GET",
      agent,
      headers: payload ? { "content-type": "application/json", ...headers } : headers,
    });
    req.on("response", (res) => {
      let text = "";
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => done({ status: res.statusCode!, body: JSON.parse(text) }));
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer to ${path} within 10 s`)));
    req.on("error", failed);
    req.end(payload);
  });
}

/** Which worker (id, pid) answered each of `n` /health requests. */
async function workersSeen(n: number): Promise<Map<number, number>> {
  const seen = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const { status, body } = await send("/health");
    expect(status).toBe(200);
    seen.set(body.worker, body.pid);
  }
  return seen;
}

const UNSAFE_HOUSING = `query($code: String!) { tambon(code: $code) { housing { unsafeHousing } } }`;
const unsafeHousing = async (code: string) => {
  const { body } = await send("/graphql", { query: UNSAFE_HOUSING, variables: { code } });
  expect(body.errors).toBeUndefined();
  return body.data.tambon.housing.unsafeHousing as number;
};

describe("GATEWAY_WORKERS=2", () => {
  it("reports the port its workers share, and both answer", async () => {
    expect(new URL(url).port).not.toBe("0");
    const seen = await workersSeen(6);
    expect(seen.size).toBe(2);
    expect([...seen.values()]).not.toContain(gateway.pid);
  });

  it("after a write through one worker has answered, no worker serves what it changed", async () => {
    const code = "490201";
    // Five houses of the tambon whose latest survey (if any) is not unsafe: made unsafe, the public count
    // (rounded to 5) moves by exactly 5.
    const officer = { authorization: `Bearer ${await hub.token("housing-officer")}` };
    const { body } = await send(
      "/graphql",
      {
        query: `{ households(first: 100, tambonCode: "${code}") { nodes { houseCode village { code } latestHousingSurvey { condition } } } }`,
      },
      officer,
    );
    const houses = body.data.households.nodes.filter((h: any) => h.latestHousingSurvey?.condition !== "UNSAFE").slice(0, 5);
    expect(houses).toHaveLength(5);
    const before = await unsafeHousing(code);
    await unsafeHousing(code); // asked of the other worker too
    // Both workers now keep the answer: the same question again costs no SQL.
    const kept = await hub.countStatements(() => Promise.all(Array.from({ length: 6 }, () => unsafeHousing(code))));
    expect(Object.values(kept).reduce((a, b) => a + b, 0)).toBe(0);

    // Every write on one kept-alive connection: through one worker, the other learns of them only from the primary.
    const oneWorker = new Agent({ keepAlive: true, maxSockets: 1 });
    for (const house of houses) {
      const written = await send(
        "/graphql",
        {
          query: "mutation($i: RecordHousingSurveyInput!) { recordHousingSurvey(input: $i) { id } }",
          variables: {
            i: {
              houseCode: house.houseCode,
              villageCode: house.village.code,
              surveyedOn: "2026-11-01",
              roof: "UNSAFE",
              walls: "UNSAFE",
              floor: "UNSAFE",
              posts: "UNSAFE",
              toilet: "UNSAFE",
              tenure: "OWN",
            },
          },
        },
        officer,
        oneWorker,
      );
      expect(written.body.errors).toBeUndefined();
    }
    oneWorker.destroy();
    // Right after the last write's answer, every public read, from either worker, sees it.
    const after = await Promise.all(Array.from({ length: 20 }, () => unsafeHousing(code)));
    expect(after).toEqual(Array(20).fill(before + 5));
  });

  it("a killed worker is replaced while the other keeps answering", async () => {
    const [[victim, pid], [survivor]] = [...(await workersSeen(4))];
    process.kill(pid, "SIGKILL");
    // A connection the primary hands to a worker in the instant it dies is lost (node:cluster):
    // from the moment the primary knows, every connection goes to a live worker.
    const stopped = new RegExp(`gateway worker ${victim} stopped \\(SIGKILL\\); starting another`);
    while (!stopped.test(output)) await new Promise((pause) => setTimeout(pause, 50));
    // Until the new one serves, every answer comes from the survivor.
    let seen = await workersSeen(2);
    while ([...seen.keys()].every((w) => w === survivor)) {
      await new Promise((pause) => setTimeout(pause, 100));
      seen = await workersSeen(2);
    }
    const replacement = [...seen.keys()].find((w) => w !== survivor);
    expect(replacement).toBeGreaterThan(Math.max(victim, survivor)); // a new worker, not the killed one
  });

  it("SIGTERM stops the primary and every worker", async () => {
    const pids = [...(await workersSeen(4)).values()];
    const exited = new Promise<number | null>((done) => gateway.once("exit", (code) => done(code)));
    gateway.kill("SIGTERM");
    expect(await exited).toBe(0);
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
  });
});
