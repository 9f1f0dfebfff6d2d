import pino, { type Logger } from "pino";

/**
 * The hub's logs: one JSON object per line on stdout (pino), each with the `service` that wrote
 * it and, for a request, the `requestId` the gateway gave it, so an operator can follow one request
 * from the gateway through every subgraph to the audit row it left. `LOG_LEVEL` (default info;
 * the tests use warn) is read here rather than from the typed config: logging must work before,
 * and while, the config is read.
 */
const root = pino({ level: process.env.LOG_LEVEL || "info", timestamp: pino.stdTimeFunctions.isoTime });

export type { Logger };

export const logger = (service: string): Logger => root.child({ service });
