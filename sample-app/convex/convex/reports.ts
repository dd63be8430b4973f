import {
  type DataModelFromSchemaDefinition,
  type DocumentByName,
  actionGeneric,
  makeFunctionReference,
} from "convex/server";
import { v } from "convex/values";
import type schema from "./schema";

type Order = DocumentByName<DataModelFromSchemaDefinition<typeof schema>, "orders">;

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
  returns: v.object({
    reportId: v.string(),
    reportType: v.string(),
    rows: v.int64(),
    generatedAt: v.number(),
    downloadUrl: v.string(),
  }),
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
