// Every test process: the gateway must never call home (set before @apollo/gateway is imported).
process.env.APOLLO_TELEMETRY_DISABLED = "true";
// A hub in a test logs a line per request; the failures are what a test run needs to show.
process.env.LOG_LEVEL ??= "warn";
// The hub's decorated classes need the metadata API before they load; the servers get it from
// kit/federation.ts, a unit test of one module (kit/pagination.ts) would not.
import "reflect-metadata";
