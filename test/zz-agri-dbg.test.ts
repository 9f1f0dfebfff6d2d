import { it } from "vitest";
import { startHub } from "./hub";
it("dbg", async () => {
  const hub = await startHub({ households: 300 });
  const r = await hub.query(`{ tambons { code farmerCount crops { byCrop { crop cropCycles medianIncomePerRai } } } }`);
  console.log(JSON.stringify(r).slice(0, 1500));
  await hub.stop();
});
