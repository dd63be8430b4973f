import { actionGeneric } from "convex/server";
import { ConvexError, v } from "convex/values";
import { requireEnv } from "./lib/env";

const DEFAULT_SIZE = "1024x1024";

/** Generates an image with OpenAI (https://platform.openai.com/docs/api-reference/images/create). */
export const generateImage = actionGeneric({
  args: {
    prompt: v.string(),
    size: v.optional(v.union(v.literal("256x256"), v.literal("512x512"), v.literal("1024x1024"))),
  },
  returns: v.object({
    url: v.string(),
    prompt: v.string(),
    size: v.string(),
    seed: v.int64(),
  }),
  handler: async (_ctx, { prompt, size = DEFAULT_SIZE }) => {
    if (prompt.trim() === "") {
      throw new ConvexError({ code: "EMPTY_PROMPT", message: "Describe the image you want" });
    }
    const response = await fetch("https://api.openai.com/v1/images/generations", {
      method: "POST",
      headers: {
        Authorization: `Bearer ${requireEnv("OPENAI_API_KEY")}`,
        "Content-Type": "application/json",
      },
      // dall-e-2 is the model that offers all three sizes.
      body: JSON.stringify({ model: "dall-e-2", prompt, size, n: 1, response_format: "url" }),
    });
    if (!response.ok) {
      throw new Error(`OpenAI answered ${response.status}: ${await response.text()}`);
    }
    const { data } = (await response.json()) as { data: { url: string }[] };
    return { url: data[0].url, prompt, size, seed: randomSeed() };
  },
});

/** A random non-negative int64 that identifies this generation in logs and the UI. */
function randomSeed(): bigint {
  const [random] = crypto.getRandomValues(new BigUint64Array(1));
  return random >> 1n;
}
