import type { Counters, Latest } from "../kit/summary";

/**
 * The registry's figures kept by its own writes (kit/summary.ts says why by triggers), made by
 * migrations/1765300000001-registry-figures.ts and read by tambon.figures.ts.
 */

/**
 * `household.latest_level`: the poverty level of the household's latest assessment, by
 * `(assessed_on, id)` like `LATEST_LEVEL_SQL` (NULL: not assessed yet). Rounds of assessment only
 * add rows to `assessment`: whichever is latest by this order is the household's level.
 */
export const LATEST_LEVEL: Latest = {
  history: "assessment",
  key: "house_code",
  order: "h.assessed_on DESC, h.id DESC",
  into: "household",
  columns: { latest_level: "h.poverty_level" },
};

/** Households per tambon and latest level (0: not assessed yet). */
export const LEVEL_COUNTS: Counters = {
  table: "tambon_level_count",
  source: "household",
  keys: { tambon_code: ["char(6)", "r.tambon_code"], level: ["smallint", "coalesce(r.latest_level, 0)"] },
  counts: { households: "1" },
};

/**
 * Registered people per tambon and month of birth: ages change every day, so the elderly and the
 * young children are counted from whole months here and from the people born in the one month at
 * each boundary (`vulnerabilityCounts`). A household's village is fixed once it is registered (no
 * write moves it), so a person's tambon is read from the household when the person is written.
 */
export const PEOPLE_COUNTS: Counters = {
  table: "tambon_people_count",
  source: "person",
  keys: {
    tambon_code: ["char(6)", "(SELECT h.tambon_code FROM household h WHERE h.house_code = r.house_code)"],
    birth_month: ["date", "date_trunc('month', r.birth_date)::date"],
  },
  counts: {
    people: "1",
    disabled: "r.disabled::int",
    bedridden: "r.bedridden::int",
    single_parents: "r.single_parent::int",
    welfare_card_holders: "r.welfare_card::int",
  },
};

/** All of them, in the order they build on each other (the demo seed recomputes them so). */
export const KEPT_FIGURES = [LATEST_LEVEL, LEVEL_COUNTS, PEOPLE_COUNTS];
