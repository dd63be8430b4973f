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

/** A generated report, as `reports:generate` returns it. */
export const reportResult = v.object({
  reportId: v.string(),
  reportType: v.string(),
  rows: v.int64(),
  generatedAt: v.number(),
  downloadUrl: v.string(),
});

/** Where a report card stands. */
export const reportStatus = v.union(
  v.literal("idle"),
  v.literal("pending"),
  v.literal("success"),
  v.literal("error"),
);

/** Why a report failed, in a form safe to show anyone who sees the card. */
export const reportError = v.object({ code: v.string(), message: v.string() });

/**
 * A report card's status, without its key: the latest run, its last report (kept while a newer
 * run is pending or has failed), its error, and a version that grows with every write.
 */
export const reportStatusView = {
  status: reportStatus,
  runId: v.optional(v.string()),
  reportType: v.optional(v.string()),
  report: v.optional(reportResult),
  error: v.optional(reportError),
  version: v.number(),
};

export default defineSchema({
  orders: defineTable(orderFields).index("by_chargeId", ["chargeId"]),
  reportStatuses: defineTable({ card: v.string(), ...reportStatusView }).index("by_card", ["card"]),
});
