// Every test process: the gateway must never call home (set before @apollo/gateway is imported).
process.env.APOLLO_TELEMETRY_DISABLED = "true";
