import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The province's clock: every "today" of the hub (dates that cannot be in the future, ages, the
 * current fiscal and crop year) is the civil date in the hub's time zone (`HUB_TIME_ZONE`), never
 * the UTC date of `toISOString()` nor the process's local date. From 00:00 to 07:00 in Bangkok
 * those are still yesterday.
 */
export interface Clock {
  /** An IANA time zone name, e.g. Asia/Bangkok. */
  readonly timeZone: string;
  now(): Date;
}

export const DEFAULT_TIME_ZONE = "Asia/Bangkok";

/** The real time, read in `timeZone`. Tests pin it with vitest's `vi.setSystemTime`. */
export const zoneClock = (timeZone: string): Clock => ({ timeZone, now: () => new Date() });

const requestClock = new AsyncLocalStorage<Clock>();
const defaultClock = zoneClock(DEFAULT_TIME_ZONE);

/**
 * Runs `work` (a subgraph's handling of one request, kit/http.ts) with its hub's clock, so entity
 * getters and argument checks, which have no context, read the hub's zone; several hubs in one
 * process (the tests) each keep their own.
 */
export const withClock = <T>(clock: Clock, work: () => T): T => requestClock.run(clock, work);

/** The clock of the request being handled; outside one, the real time in Asia/Bangkok. */
export const hubClock = (): Clock => requestClock.getStore() ?? defaultClock;

const formats = new Map<string, Intl.DateTimeFormat>();

/** The ISO date (YYYY-MM-DD, Gregorian) that `instant` falls on in `timeZone`. */
export function civilDate(instant: Date, timeZone: string): string {
  let format = formats.get(timeZone);
  if (!format) {
    const options = { timeZone, calendar: "gregory", numberingSystem: "latn", year: "numeric", month: "2-digit", day: "2-digit" } as const;
    format = new Intl.DateTimeFormat("en-US", options);
    formats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** Today as an ISO date in the hub's time zone. */
export const today = (clock: Clock = hubClock()): string => civilDate(clock.now(), clock.timeZone);

/**
 * `value` if it names a time zone both the runtime (Intl) and PostgreSQL read the same way: an IANA
 * name (canonical spelling), never a bare offset, which PostgreSQL would read POSIX-style, with
 * the sign reversed ("+07:00" as UTC−7).
 */
export function checkTimeZone(key: string, value: string): string {
  const refuse = () => new Error(`${key} must be an IANA time zone name such as ${DEFAULT_TIME_ZONE}, got "${value}"`);
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(value)) throw refuse();
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    throw refuse();
  }
}
