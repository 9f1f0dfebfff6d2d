import { openDatabase } from "./subgraphs/kit/database";
import { communityCouncils as def } from "./subgraphs/community-councils/subgraph";
(async () => {
  const { ds } = await openDatabase({ url: "postgres://root@127.0.0.1:5432/cc_seed_110000", entities: def.entities, migrations: def.migrations });
  const q = async (label: string, sql: string) => { const t = Date.now(); await ds.query(sql); console.log(label, ((Date.now() - t) / 1000).toFixed(1)); };
  await q("copy", `CREATE TABLE fc_copy AS SELECT fund_id, person_id, paid_on, amount FROM fund_contribution`);
  await ds.query(`BEGIN`);
  await q("truncate", `DELETE FROM fund_contribution`);
  await q("insert with fk ordered", `INSERT INTO fund_contribution (fund_id, person_id, paid_on, amount) SELECT * FROM fc_copy ORDER BY person_id, paid_on`);
  await ds.query(`ROLLBACK`);
  await ds.query(`DROP TABLE fc_copy`);
  await ds.destroy();
})();
