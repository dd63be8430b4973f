import {
  type DataModelFromSchemaDefinition,
  type DocumentByName,
  type MutationBuilder,
  type QueryBuilder,
  actionGeneric,
  makeFunctionReference,
  mutationGeneric,
  queryGeneric,
} from "convex/server";
import { ConvexError, type Infer, v } from "convex/values";
import schema, { reportError, reportResult, reportStatus, reportStatusView } from "./schema";

type DataModel = DataModelFromSchemaDefinition<typeof schema>;
type Order = DocumentByName<DataModel, "orders">;
const statusView = v.object(reportStatusView);
type StatusView = Infer<typeof statusView>;
const mutation: MutationBuilder<DataModel, "public"> = mutationGeneric;
const query: QueryBuilder<DataModel, "public"> = queryGeneric;

// A reference to orders:list, as the generated `api.orders.list` would be.
const listOrders = makeFunctionReference<"query", { limit?: number }, Order[]>("orders:list");

/** Builds a CSV report and returns it as a `data:` URL ready to download. */
export const generate = actionGeneric({
  args: {
    reportType: v.union(
      v.literal("sales"),
      v.literal("inventory"),
      v.literal("users"),
      v.literal("broken"),
    ),
  },
  returns: reportResult,
  handler: async (ctx, { reportType }) => {
    let table: string[][];
    switch (reportType) {
      case "sales": {
        const orders = await ctx.runQuery(listOrders, { limit: 100 });
        table = [
          ["order_id", "created_at", "charge_id", "amount_cents", "currency"],
          ...orders.map((o) => [
            o._id,
            new Date(o._creationTime).toISOString(),
            o.chargeId,
            String(o.amountCents),
            o.currency,
          ]),
        ];
        break;
      }
      case "inventory":
        table = [
          ["sku", "name", "in_stock"],
          ["A-1", "Notebook", "120"],
          ["B-2", "Pen", "540"],
          ["C-3", "Backpack", "18"],
        ];
        break;
      case "users":
        table = [
          ["plan", "active_users"],
          ["free", "1250"],
          ["pro-monthly", "310"],
          ["pro-yearly", "95"],
          ["team", "12"],
        ];
        break;
      case "broken":
        // Stands for a failing data source: a plain Error, which production deployments redact.
        throw new Error("Report data source timed out");
    }
    const csv = table.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
    return {
      reportId: `rpt_${crypto.randomUUID()}`,
      reportType,
      rows: BigInt(table.length - 1),
      generatedAt: Date.now(),
      downloadUrl: `data:text/csv;base64,${base64(csv)}`,
    };
  },
});

/** A report card's status, for every instance of the app to show (and subscribe to). */
export const status = query({
  args: { card: v.string() },
  returns: statusView,
  handler: async (ctx, { card }) => {
    const row = await ctx.db
      .query("reportStatuses")
      .withIndex("by_card", (q) => q.eq("card", card))
      .unique();
    return row === null ? { status: "idle" as const, version: 0 } : viewOf(row);
  },
});

/**
 * Writes a report card's status. `pending` starts a run (refused while another is pending:
 * the table, not any one instance, decides); `success` and `error` end the run `runId` names and
 * are ignored once a newer run or a reset replaced it; `idle` resets the card.
 */
export const setStatus = mutation({
  args: {
    card: v.string(),
    status: reportStatus,
    runId: v.optional(v.string()),
    reportType: v.optional(v.string()),
    report: v.optional(reportResult),
    error: v.optional(reportError),
  },
  returns: statusView,
  handler: async (ctx, args) => {
    const row = await ctx.db
      .query("reportStatuses")
      .withIndex("by_card", (q) => q.eq("card", args.card))
      .unique();
    const current: StatusView = row === null ? { status: "idle", version: 0 } : viewOf(row);
    if (args.status !== "idle" && args.runId === undefined) {
      throw new ConvexError({ code: "MISSING_RUN_ID", message: `A ${args.status} status needs a runId` });
    }
    if (args.status === "pending" && current.status === "pending") {
      throw new ConvexError({ code: "REPORT_PENDING", message: "A report is already being generated" });
    }
    if ((args.status === "success" || args.status === "error") && current.runId !== args.runId) {
      return current;
    }
    if (args.status === "success" && args.report === undefined) {
      throw new ConvexError({ code: "MISSING_REPORT", message: "A success status needs its report" });
    }
    if (args.status === "error" && args.error === undefined) {
      throw new ConvexError({ code: "MISSING_ERROR", message: "An error status needs its error" });
    }
    const next: StatusView = { status: args.status, version: current.version + 1 };
    if (args.status !== "idle") {
      next.runId = args.runId;
      next.reportType = args.reportType ?? current.reportType;
      const report = args.status === "success" ? args.report : current.report;
      if (report !== undefined) {
        next.report = report;
      }
    }
    if (args.status === "error") {
      next.error = args.error;
    }
    if (row === null) {
      await ctx.db.insert("reportStatuses", { card: args.card, ...next });
    } else {
      await ctx.db.replace(row._id, { card: args.card, ...next });
    }
    return next;
  },
});

function viewOf(row: DocumentByName<DataModel, "reportStatuses">): StatusView {
  const { _id, _creationTime, card, ...view } = row;
  return view;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) {
    binary += String.fromCharCode(b);
  }
  return btoa(binary);
}
