import {
  type DataModelFromSchemaDefinition,
  type MutationBuilder,
  type QueryBuilder,
  mutationGeneric,
  queryGeneric,
} from "convex/server";
import { v } from "convex/values";
import schema, { orderFields, orderItem } from "./schema";

// Builders typed with this app's tables, as `npx convex codegen` would generate them.
type DataModel = DataModelFromSchemaDefinition<typeof schema>;
const mutation: MutationBuilder<DataModel, "public"> = mutationGeneric;
const query: QueryBuilder<DataModel, "public"> = queryGeneric;

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

/** Records a paid order after a successful charge and returns its id. */
export const save = mutation({
  args: {
    chargeId: v.string(),
    amountCents: v.number(),
    currency: v.string(),
    items: v.array(orderItem),
  },
  returns: v.id("orders"),
  handler: async (ctx, { chargeId, amountCents, currency, items }) => {
    return await ctx.db.insert("orders", { chargeId, amountCents, currency, items, status: "paid" });
  },
});

/** The most recent orders, newest first. */
export const list = query({
  args: { limit: v.optional(v.number()) },
  returns: v.array(
    v.object({ _id: v.id("orders"), _creationTime: v.number(), ...orderFields }),
  ),
  handler: async (ctx, { limit }) => {
    const count = limit === undefined || !Number.isFinite(limit) ? DEFAULT_LIMIT : Math.floor(limit);
    return await ctx.db
      .query("orders")
      .order("desc")
      .take(Math.min(Math.max(count, 0), MAX_LIMIT));
  },
});
