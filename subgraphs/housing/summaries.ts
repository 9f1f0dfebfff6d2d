import type { Counters, Latest } from "../kit/summary";

/**
 * Housing's figures kept by its own writes (kit/summary.ts says why by triggers), made by
 * migrations/1765300000000-housing-figures.ts and read by tambon.figures.ts.
 */

/** Each surveyed household's latest survey, by `(surveyed_on, id)`, and the tambon it was made in. */
export const LATEST_SURVEY: Latest = {
  history: "housing_survey",
  key: "house_code",
  order: "h.surveyed_on DESC, h.id DESC",
  into: "household_latest_survey",
  columns: { tambon_code: "h.tambon_code", unsafe: "h.overall_condition = 'UNSAFE'", insecure: "NOT h.tenure_secure" },
  create: { keyType: "char(11)", types: { tambon_code: "char(6) NOT NULL", unsafe: "boolean NOT NULL", insecure: "boolean NOT NULL" } },
};

/** Surveyed households per tambon of their latest survey (a household that moved counts once, where it lives now). */
export const SURVEY_COUNTS: Counters = {
  table: "tambon_survey_count",
  source: "household_latest_survey",
  keys: { tambon_code: ["char(6)", "r.tambon_code"] },
  counts: { surveyed: "1", unsafe: "r.unsafe::int", insecure: "r.insecure::int", either: "(r.unsafe OR r.insecure)::int" },
};

/** All of them, in the order they build on each other (the demo seed recomputes them so). */
export const KEPT_FIGURES = [LATEST_SURVEY, SURVEY_COUNTS];
