// @apollo/gateway probes cloud metadata addresses and reports usage telemetry unless this is set
// before it is first imported. A hub of personal data must not call home: import this first.
process.env.APOLLO_TELEMETRY_DISABLED = "true";
