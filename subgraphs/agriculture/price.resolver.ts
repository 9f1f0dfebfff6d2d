import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import { BadUserInputError } from "../kit/errors";
import { ConnectionType, PageArgs, pageWindow, toConnection, type Connection } from "../kit/pagination";
import type { SubgraphContext } from "../kit/subgraph";
import { READ } from "./access";
import { knownTambon } from "../kit/validate";
import { Crop } from "./crop";
import { Farmer } from "./farmer.entity";
import type { AgricultureLoaders } from "./loaders";
import { ComplaintStatus, PriceComplaint } from "./price-complaint.entity";
import { CropPrice, cropPrices } from "./price.figures";
import { CropSeason, seasonArg } from "./season";

type Context = SubgraphContext<AgricultureLoaders>;

@ObjectType()
export class PriceComplaintConnection extends ConnectionType(PriceComplaint) {}

@ArgsType()
export class PriceComplaintFilter extends PageArgs {
  @Field(() => ComplaintStatus, { nullable: true }) status?: ComplaintStatus | null;
  @Field(() => Crop, { nullable: true }) crop?: Crop | null;
  @Field(() => String, { nullable: true, description: "The complainants' tambon (6 digits)." }) tambonCode?: string | null;
}

@ObjectType({ description: "Reference, received and offered prices of every crop in one season." })
export class CropPrices {
  @Field(() => CropSeason) season: CropSeason;
  @Field(() => [CropPrice]) crops: CropPrice[];
}

@Resolver(() => PriceComplaint)
export class PriceComplaintResolver {
  @Authorized(READ)
  @Query(() => PriceComplaintConnection, { nullable: true, description: "Price complaints, newest first." })
  async priceComplaints(
    @Args(() => PriceComplaintFilter) filter: PriceComplaintFilter,
    @Ctx() ctx: Context,
  ): Promise<Connection<PriceComplaint>> {
    const { limit, afterKey } = pageWindow(filter, ctx.config.maxPageSize);
    if (afterKey !== null && !/^\d{1,18}$/.test(afterKey)) throw new BadUserInputError("after", "is not a cursor this API issued");
    const query = ctx.ds.getRepository(PriceComplaint).createQueryBuilder("pc");
    if (filter.status != null) query.andWhere("pc.status = :status", { status: filter.status });
    if (filter.crop != null) query.andWhere("pc.crop = :crop", { crop: filter.crop });
    if (filter.tambonCode != null) {
      query.andWhere("pc.farm_book_no IN (SELECT farm_book_no FROM farmer WHERE tambon_code = :tambon)", {
        tambon: knownTambon("tambonCode", filter.tambonCode),
      });
    }
    const totalCount = await query.getCount();
    if (afterKey !== null) query.andWhere("pc.id < :after", { after: afterKey });
    const rows = await query
      .orderBy("pc.id", "DESC")
      .limit(limit + 1)
      .getMany();
    return toConnection(rows, limit, (c) => c.id, totalCount);
  }

  @Query(() => CropPrices, {
    nullable: true,
    description: "Per crop: the reference price against prices received and offered, in a season (default: the last completed).",
  })
  async cropPrices(
    @Arg("cropYear", () => Int, { nullable: true, description: "CE year the crop year starts (2025 = 2568/69)." }) cropYear: number | null,
    @Ctx() ctx: Context,
  ): Promise<CropPrices> {
    const season = seasonArg(cropYear);
    return { season, crops: await cropPrices(ctx.ds, season) };
  }

  @FieldResolver(() => Farmer, { description: "Who complained." })
  async farmer(@Root() complaint: PriceComplaint, @Ctx() ctx: Context): Promise<Farmer> {
    return (await ctx.loaders.farmer.load(complaint.farmBookNumber))!;
  }
}
