import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

/** An order line: a product and how many of it (an int64, a Java `long`). */
export const orderItem = v.object({
  sku: v.string(),
  quantity: v.int64(),
});

/** The fields of an order, besides the system fields `_id` and `_creationTime`. */
export const orderFields = {
  chargeId: v.string(),
  amountCents: v.number(),
  currency: v.string(),
  items: v.array(orderItem),
  status: v.literal("paid"),
};

export default defineSchema({
  orders: defineTable(orderFields).index("by_chargeId", ["chargeId"]),
});
