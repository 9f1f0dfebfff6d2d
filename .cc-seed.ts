import { dropDatabase, ensureDatabase, openDatabase } from "./subgraphs/kit/database";
import { communityCouncils as def } from "./subgraphs/community-councils/subgraph";

(async () => {
  const server = "postgres://root@127.0.0.1:5432/postgres";
  const households = Number(process.argv[2] ?? 3000);
  const name = `cc_seed_${households}`;
  await dropDatabase(server, name);
  const url = await ensureDatabase(server, name);
  const { ds } = await openDatabase({ url, entities: def.entities, migrations: def.migrations });
  const t = Date.now();
  await def.seed!(ds, { households, seed: 20210201, linkageSecret: "mukdahan-demo-linkage-secret" });
  console.log(`seeded ${households} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  const counts = await ds.query(`SELECT (SELECT count(*) FROM council) c, (SELECT count(*) FROM council_member) cm, (SELECT count(*) FROM change_leader) l,
    (SELECT count(DISTINCT tambon_code) FROM change_leader) lt, (SELECT count(*) FROM leader_training) lx, (SELECT count(*) FROM welfare_fund) f,
    (SELECT count(*) FROM fund_member) fm, (SELECT count(*) FROM fund_contribution) fc, (SELECT count(*) FROM fund_matching) fx,
    (SELECT count(*) FROM fund_payout) fp, (SELECT count(*) FROM community_enterprise) e, (SELECT count(*) FROM codi_grant) g,
    (SELECT min(balance) FROM welfare_fund) minbal, (SELECT sum(balance) FROM welfare_fund) sumbal`);
  console.log(counts[0]);
  if (!process.argv[3]) await ds.destroy(); else await ds.destroy();
})().catch((e) => { console.error(e); process.exit(1); });
