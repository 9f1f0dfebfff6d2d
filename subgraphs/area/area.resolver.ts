import { Arg, Ctx, Directive, Field, ObjectType, Query, Resolver, FieldResolver, Root } from "type-graphql";
import type { SubgraphContext } from "../kit/subgraph";
import { knownDistrict, knownTambon, knownVillage } from "../kit/validate";
import { PROVINCE } from "../kit/geography";
import { District } from "./district.entity";
import { Tambon } from "./tambon.entity";
import { Village } from "./village.entity";
import type { AreaLoaders } from "./loaders";

type Context = SubgraphContext<AreaLoaders>;

/** An entity (by code) so that agencies can add their province-wide figures to it (community-councils does). */
@Directive(`@key(fields: "code")`)
@ObjectType({ description: "Mukdahan province (จังหวัดมุกดาหาร)." })
export class Province {
  @Field(() => String, { description: "DOPA geocode, 2 digits: 49." }) code: string;
  @Field(() => String, { nullable: true }) nameTh: string;
  @Field(() => String, { nullable: true }) nameEn: string;
}

const allDistricts = (ctx: Context): Promise<District[]> => ctx.ds.getRepository(District).find({ order: { code: "ASC" } });

@Resolver(() => Province)
export class ProvinceResolver {
  @FieldResolver(() => [District], { nullable: true })
  districts(@Root() _province: Province, @Ctx() ctx: Context): Promise<District[]> {
    return allDistricts(ctx);
  }
}

/**
 * The area queries. A code that is not one of Mukdahan's (well-formed, but not in the reference
 * data) is NOT_FOUND naming it, a malformed one BAD_USER_INPUT: never a silent null or [], which
 * would read as a place without data. Like every root field of the hub they are nullable, so one
 * failing root field does not null `data`.
 */
@Resolver()
export class AreaResolver {
  @Query(() => Province, { nullable: true })
  province(): Province {
    return { ...PROVINCE };
  }

  @Query(() => [District], { nullable: true, description: "The 7 districts of Mukdahan, by code." })
  districts(@Ctx() ctx: Context): Promise<District[]> {
    return allDistricts(ctx);
  }

  @Query(() => District, { nullable: true })
  district(@Arg("code", () => String) code: string, @Ctx() ctx: Context): Promise<District | null> {
    return ctx.loaders.district.load(knownDistrict("code", code));
  }

  @Query(() => Tambon, { nullable: true })
  tambon(@Arg("code", () => String) code: string, @Ctx() ctx: Context): Promise<Tambon | null> {
    return ctx.loaders.tambon.load(knownTambon("code", code));
  }

  @Query(() => [Tambon], { nullable: true, description: "The tambons of one district, or of the whole province." })
  tambons(@Arg("districtCode", () => String, { nullable: true }) districtCode: string | null, @Ctx() ctx: Context): Promise<Tambon[]> {
    if (districtCode == null) return ctx.ds.getRepository(Tambon).find({ order: { code: "ASC" } });
    return ctx.loaders.tambonsOfDistrict.load(knownDistrict("districtCode", districtCode));
  }

  @Query(() => Village, { nullable: true })
  village(@Arg("code", () => String) code: string, @Ctx() ctx: Context): Promise<Village | null> {
    return ctx.loaders.village.load(knownVillage("code", code));
  }
}
