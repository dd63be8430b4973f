import { actionGeneric } from "convex/server";
import { ConvexError, v } from "convex/values";
import { requireEnv } from "./lib/env";

/** Sends a plain-text email through Resend (https://resend.com/docs/api-reference/emails/send-email). */
export const send = actionGeneric({
  args: { to: v.string(), subject: v.string(), body: v.string() },
  returns: v.object({
    id: v.string(),
    to: v.string(),
    status: v.literal("sent"),
    sentAt: v.number(),
  }),
  handler: async (_ctx, { to, subject, body }) => {
    if (!to.includes("@")) {
      throw new ConvexError({ code: "INVALID_EMAIL", message: `Invalid email address: ${to}` });
    }
    const response = await fetch("https://api.resend.com/emails", {
      method: "POST",
      headers: {
        Authorization: `Bearer ${requireEnv("RESEND_API_KEY")}`,
        "Content-Type": "application/json",
      },
      body: JSON.stringify({
        from: process.env.EMAIL_FROM ?? "Convex Sample <onboarding@resend.dev>",
        to: [to],
        subject,
        text: body,
      }),
    });
    if (!response.ok) {
      throw new Error(`Resend answered ${response.status}: ${await response.text()}`);
    }
    const { id } = (await response.json()) as { id: string };
    return { id, to, status: "sent" as const, sentAt: Date.now() };
  },
});
