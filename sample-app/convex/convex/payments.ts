import { actionGeneric } from "convex/server";
import { ConvexError, v } from "convex/values";
import { requireEnv } from "./lib/env";

/** The products on sale, priced in US cents. */
const PRODUCTS: Record<string, { name: string; unitAmountCents: number }> = {
  "pro-monthly": { name: "Pro (monthly)", unitAmountCents: 2000 },
  "pro-yearly": { name: "Pro (yearly)", unitAmountCents: 20000 },
  team: { name: "Team", unitAmountCents: 50000 },
};
const MAX_QUANTITY = 100;

/** Starts a Stripe Checkout session (https://docs.stripe.com/api/checkout/sessions/create). */
export const createCheckoutSession = actionGeneric({
  args: {
    productId: v.string(),
    quantity: v.number(),
    successUrl: v.string(),
    cancelUrl: v.string(),
  },
  returns: v.object({
    sessionId: v.string(),
    url: v.string(),
    amountCents: v.number(),
    currency: v.literal("usd"),
  }),
  handler: async (_ctx, { productId, quantity, successUrl, cancelUrl }) => {
    const product = Object.hasOwn(PRODUCTS, productId) ? PRODUCTS[productId] : undefined;
    if (product === undefined) {
      throw new ConvexError({ code: "UNKNOWN_PRODUCT", message: `Unknown product: ${productId}` });
    }
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
      throw new ConvexError({
        code: "INVALID_QUANTITY",
        message: `Quantity must be a whole number from 1 to ${MAX_QUANTITY}, not ${quantity}`,
      });
    }
    const session = (await stripe("checkout/sessions", {
      mode: "payment",
      success_url: successUrl,
      cancel_url: cancelUrl,
      "line_items[0][quantity]": String(quantity),
      "line_items[0][price_data][currency]": "usd",
      "line_items[0][price_data][unit_amount]": String(product.unitAmountCents),
      "line_items[0][price_data][product_data][name]": product.name,
      "metadata[productId]": productId,
    })) as { id: string; url: string; amount_total: number | null };
    return {
      sessionId: session.id,
      url: session.url,
      amountCents: session.amount_total ?? product.unitAmountCents * quantity,
      currency: "usd" as const,
    };
  },
});

/** Charges a card token with Stripe (https://docs.stripe.com/api/charges/create). */
export const charge = actionGeneric({
  args: { amountCents: v.number(), currency: v.string(), cardToken: v.string() },
  returns: v.object({
    chargeId: v.string(),
    amountCents: v.number(),
    currency: v.string(),
    status: v.literal("succeeded"),
  }),
  handler: async (_ctx, { amountCents, currency, cardToken }) => {
    if (!Number.isInteger(amountCents) || amountCents <= 0) {
      throw new ConvexError({
        code: "INVALID_AMOUNT",
        message: `The amount must be a positive whole number of cents, not ${amountCents}`,
      });
    }
    const charge = (await stripe("charges", {
      amount: String(amountCents),
      currency: currency.toLowerCase(),
      source: cardToken,
    })) as { id: string; status: string; failure_message: string | null };
    if (charge.status !== "succeeded") {
      throw new Error(`Charge ${charge.id} is ${charge.status}: ${charge.failure_message ?? ""}`);
    }
    return { chargeId: charge.id, amountCents, currency, status: "succeeded" as const };
  },
});

type StripeError = { type: string; code?: string; decline_code?: string; message?: string };

/** POSTs a form to the Stripe API; a card error becomes the CARD_DECLINED ConvexError. */
async function stripe(path: string, form: Record<string, string>): Promise<unknown> {
  const response = await fetch(`https://api.stripe.com/v1/${path}`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${requireEnv("STRIPE_SECRET_KEY")}`,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams(form),
  });
  const body = (await response.json()) as { error?: StripeError };
  if (body.error?.type === "card_error") {
    throw new ConvexError({
      code: "CARD_DECLINED",
      message: "Your card was declined.",
      declineCode: body.error.decline_code ?? body.error.code ?? "generic_decline",
    });
  }
  if (!response.ok || body.error) {
    throw new Error(`Stripe answered ${response.status}: ${body.error?.message ?? "unknown error"}`);
  }
  return body;
}
