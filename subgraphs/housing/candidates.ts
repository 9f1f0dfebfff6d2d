import DataLoader from "dataloader";
import { Field, Int, ObjectType } from "type-graphql";
import type { DataSource } from "typeorm";
import { Household, type HouseholdNeed } from "./stubs";
import { HousingSurvey } from "./survey.entity";

/**
 * Q4, housing candidates: "in a district, households at poverty level 1-2 (social-development's
 * latest assessment) whose latest housing survey is unsafe and that have no open case, ranked by need".
 *
 * The two halves of the condition live in two databases, and the gateway cannot filter across
 * subgraphs. So the selection runs where the second half lives, fed with the first:
 *   1. social-development adds `District.householdsInNeed` (house code + level of every level 1-2
 *      household of the district, one SQL statement);
 *   2. housing adds `District.housingCandidates @requires(fields: "householdsInNeed { … }")`: the
 *      gateway fetches that list and hands it to housing's `_entities` with the district's key;
 *   3. housing filters and ranks in ONE statement (below): the needy list goes in as arrays
 *      (`unnest`), each joined to its household's latest survey (a top-1 probe of the
 *      `housing_survey_latest` index), minus households with an open case.
 * The client sends one request (`district(code:) { housingCandidates { … household { members } } }`)
 * and each subgraph runs a fixed number of statements whatever the district's size.
 *
 * Why this way round: only social-development may read poverty levels, and the ranking needs both
 * the level and the survey, so one side must receive the other's keys. Sending the needy list to
 * housing keeps the answer (the candidates, their surveys, their rank) with the agency that acts on
 * it. The other ways were worse: the reverse (housing's unsafe houses sent to the registry) would put
 * housing's ranking in the registry; filtering in the client means shipping every needy household
 * to it; copying levels into housing's database goes stale and copies personal data. The list is
 * bounded by a district's level 1-2 households: Mueang Mukdahan, the largest, has 7,850 of 110,000
 * (350 KB of JSON, under the subgraphs' 1 MB request limit; this statement takes ~90 ms there). Many
 * districts in one request are still one statement (the loader below batches them). Housing trusts
 * the list because only the gateway, with a token it signed, can call `_entities`.
 *
 * "No open case" means no case still in screening or works; a household whose case was rejected
 * is a candidate again, and one whose house was handed over after its latest survey is not (that
 * survey no longer describes the house).
 */
@ObjectType({ description: "A household that needs housing help and has none under way, with why and how urgently." })
export class HousingCandidate {
  @Field(() => Int, { description: "1 = most in need within the district." }) rank: number;
  @Field(() => Household) household: Household;
  @Field(() => Int, { description: "Its latest assessment's level: 1 hardship, 2 difficult." }) povertyLevel: number;
  @Field(() => HousingSurvey, { description: "The survey that found the house unsafe (its latest)." }) latestSurvey: HousingSurvey;
}

export interface CandidateQuery {
  districtCode: string;
  needs: HouseholdNeed[];
  first: number;
}

/** Ranked by need: level, then condition score (worst first), insecure tenure, longest waiting. */
const CANDIDATES_SQL = `
  WITH ranked AS (
    SELECT n.for_district, n.poverty_level, l.*, row_number() OVER (PARTITION BY n.for_district
      ORDER BY n.poverty_level, l.condition_score, l.tenure_secure, l.surveyed_on, l.house_code) AS rank
    FROM unnest($1::bpchar[], $2::bpchar[], $3::int[]) AS n(for_district, house_code, poverty_level)
    CROSS JOIN LATERAL (SELECT * FROM housing_survey s WHERE s.house_code = n.house_code
      ORDER BY s.surveyed_on DESC, s.id DESC LIMIT 1) l
    WHERE l.overall_condition = 'UNSAFE'
      AND NOT EXISTS (SELECT 1 FROM assistance_case c WHERE c.house_code = l.house_code
        AND (c.stage NOT IN ('REJECTED', 'HANDED_OVER') OR (c.stage = 'HANDED_OVER' AND c.stage_on >= l.surveyed_on)))
  )
  SELECT r.for_district AS "forDistrict", r.poverty_level AS "povertyLevel", r.rank::int AS rank,
    r.id::text AS id, r.house_code AS "houseCode", r.village_code AS "villageCode", r.tambon_code AS "tambonCode", r.district_code AS "districtCode",
    r.surveyed_on::text AS "surveyedOn", r.roof_condition AS roof, r.wall_condition AS walls, r.floor_condition AS floor,
    r.post_condition AS posts, r.toilet_condition AS toilet, r.land_tenure AS tenure, r.condition_score AS "conditionScore",
    r.overall_condition AS condition, r.tenure_secure AS "tenureSecure", r.surveyed_by AS "surveyedBy", r.note
  FROM ranked r WHERE r.rank <= $4 ORDER BY r.for_district, r.rank`;

/** Candidates per district; all districts of a request in one statement, each cut to its `first`. */
export function candidateLoader(ds: DataSource, maxFirst: number): DataLoader<CandidateQuery, HousingCandidate[], string> {
  return new DataLoader<CandidateQuery, HousingCandidate[], string>(
    async (queries) => {
      // The same district asked twice (aliases with another `first`) is selected once.
      const byDistrict = new Map(queries.map((q) => [q.districtCode, q.needs]));
      const needs = [...byDistrict].flatMap(([district, list]) => list.map((n) => [district, n.houseCode, n.povertyLevel] as const));
      if (needs.length === 0) return queries.map(() => []);
      const rows: Record<string, any>[] = await ds.query(CANDIDATES_SQL, [
        needs.map((n) => n[0]),
        needs.map((n) => n[1]),
        needs.map((n) => n[2]),
        Math.min(maxFirst, Math.max(...queries.map((q) => q.first))),
      ]);
      return queries.map((q) =>
        rows
          .filter((r) => r.forDistrict === q.districtCode && r.rank <= q.first)
          .map(({ forDistrict: _d, povertyLevel, rank, ...survey }) => ({
            rank,
            povertyLevel,
            household: { houseCode: survey.houseCode },
            latestSurvey: Object.assign(new HousingSurvey(), survey),
          })),
      );
    },
    { cacheKeyFn: (q) => `${q.districtCode}:${q.first}` },
  );
}
