import CircuitBreaker from "opossum";
import type { Logger } from "../subgraphs/kit/log";

/** What the gateway last knew of one subgraph, as `/ready` shows it. */
export interface SubgraphState {
  state: "up" | "down" | "slow";
  /** When it entered that state (ISO time). */
  since: string;
  /** The last failure seen, by a call or a probe, in words that name no URL. */
  lastError: { message: string; at: string } | null;
}

/** Why a call to a subgraph failed: the `reason` of a SUBGRAPH_UNAVAILABLE error (README, "Partial answers"). */
export type FailureReason = "TIMEOUT" | "UNREACHABLE" | "BAD_RESPONSE" | "CIRCUIT_OPEN";

/** A failure of a call or a probe, classified; its message names no URL, status text or body. */
export class SubgraphFailure extends Error {
  constructor(
    readonly reason: FailureReason,
    message: string,
  ) {
    super(message);
  }
}

const CONNECTION_CODES = /^(ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|EPIPE|UND_ERR_\w+)$/;

/** Any error of a call (undici's, an abort, ours) as a SubgraphFailure. */
export function classify(error: unknown, timeoutMs: number): SubgraphFailure {
  if (error instanceof SubgraphFailure) return error;
  const e = error as { name?: string; code?: string; cause?: { code?: string; name?: string } };
  if (e.code === "EOPENBREAKER") return new SubgraphFailure("CIRCUIT_OPEN", "known to be down: not called");
  if (
    e.name === "TimeoutError" ||
    e.name === "AbortError" ||
    e.cause?.name === "TimeoutError" ||
    e.cause?.code === "UND_ERR_CONNECT_TIMEOUT"
  )
    return new SubgraphFailure("TIMEOUT", `no answer within ${timeoutMs} ms`);
  const code = e.cause?.code ?? e.code;
  if (code && CONNECTION_CODES.test(code)) return new SubgraphFailure("UNREACHABLE", `could not connect (${code})`);
  return new SubgraphFailure("BAD_RESPONSE", "the answer could not be read");
}

export interface CircuitOptions {
  name: string;
  /** The subgraph's `/health`. */
  healthUrl: string;
  /** The calls' deadline: a probe slower than half of it (at most 1 s) makes the subgraph "slow". */
  timeoutMs: number;
  /** How often `/health` is probed. */
  probeIntervalMs: number;
  log: Logger;
}

/**
 * A probe has failed when it takes longer than a call may (the deadline), but never less than
 * this: a subgraph's /health gives its database 1 s. A busy machine whose calls still meet their
 * deadline must not have its subgraphs declared down by a probe stricter than the calls.
 */
const PROBE_MIN_TIMEOUT_MS = 1500;
/** A probe answered later than this (or than half the calls' deadline) makes the subgraph "slow". */
const SLOW_PROBE_MS = 1000;

/**
 * One subgraph's circuit breaker (opossum): calls that keep failing open it, and while it is open
 * calls fail at once instead of waiting for their deadline. Probes of `/health` feed it from the
 * side, outside its statistics: a failed probe opens it (the next request need not find out the
 * slow way), a good one closes it (the gateway notices a return within a probe interval, not only
 * when a half-open trial call happens to succeed). Probes never go through the breaker, so a
 * breaker opened by a timed-out probe cannot keep the probes that would close it from running.
 */
export class SubgraphCircuit {
  private readonly breaker: CircuitBreaker<[() => Promise<unknown>], unknown>;
  private current: SubgraphState = { state: "up", since: new Date().toISOString(), lastError: null };
  private timer: NodeJS.Timeout | undefined;
  private probing = false;

  constructor(private readonly options: CircuitOptions) {
    this.breaker = new CircuitBreaker((work: () => Promise<unknown>) => work(), {
      name: options.name,
      timeout: false, // each call has its own deadline, which also aborts the socket
      resetTimeout: 10_000, // a half-open trial call after this, should probes be blocked
      rollingCountTimeout: 10_000,
      errorThresholdPercentage: 50,
      volumeThreshold: 3,
    });
    this.breaker.on("open", () => this.enter("down"));
    this.breaker.on("close", () => this.enter("up"));
  }

  /** Runs one call through the breaker; rejects at once, with CIRCUIT_OPEN, while it is open. */
  async call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return (await this.breaker.fire(work)) as T;
    } catch (error) {
      const failure = classify(error, this.options.timeoutMs);
      if (failure.reason !== "CIRCUIT_OPEN") {
        this.failed(failure);
        if (failure.reason === "TIMEOUT" && this.current.state === "up") this.enter("slow");
      }
      throw failure;
    }
  }

  private get probeTimeoutMs(): number {
    return Math.max(this.options.timeoutMs, PROBE_MIN_TIMEOUT_MS);
  }

  get state(): SubgraphState {
    return this.current;
  }

  /** Probes `/health` every interval until `stop()`; timers never hold the process open. */
  startProbing(): void {
    this.timer = setInterval(() => void this.probe(), this.options.probeIntervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.breaker.shutdown();
  }

  /** One probe (skipped while the previous one is still waiting). */
  async probe(): Promise<void> {
    if (this.probing) return;
    this.probing = true;
    const started = performance.now();
    try {
      const response = await fetch(this.options.healthUrl, { signal: AbortSignal.timeout(this.probeTimeoutMs) });
      await response.body?.cancel();
      if (!response.ok) throw new SubgraphFailure("BAD_RESPONSE", `health answered ${response.status}`);
      const ms = performance.now() - started;
      if (!this.breaker.closed) this.breaker.close();
      this.enter(ms > Math.min(this.options.timeoutMs / 2, SLOW_PROBE_MS) ? "slow" : "up");
    } catch (error) {
      this.failed(classify(error, this.probeTimeoutMs));
      if (!this.breaker.opened) this.breaker.open();
    } finally {
      this.probing = false;
    }
  }

  private failed(failure: SubgraphFailure): void {
    this.current = { ...this.current, lastError: { message: failure.message, at: new Date().toISOString() } };
  }

  private enter(state: SubgraphState["state"]): void {
    if (state === this.current.state) return;
    const level = state === "up" ? "info" : "warn";
    this.options.log[level](
      { subgraph: this.options.name, state, was: this.current.state, lastError: this.current.lastError?.message },
      `${this.options.name} is ${state}`,
    );
    this.current = { ...this.current, state, since: new Date().toISOString() };
  }
}
