import { actionGeneric } from "convex/server";
import { ConvexError, v } from "convex/values";

const MAX_BYTES = 5 * 1024 * 1024;
const PREVIEW_CHARACTERS = 200;

/** Summarizes an uploaded text file: size, line and word counts, SHA-256 and a preview. */
export const process = actionGeneric({
  args: { fileName: v.string(), contentType: v.string(), content: v.bytes() },
  returns: v.object({
    fileName: v.string(),
    contentType: v.string(),
    sizeBytes: v.number(),
    lines: v.number(),
    words: v.number(),
    sha256: v.string(),
    preview: v.string(),
  }),
  handler: async (_ctx, { fileName, contentType, content }) => {
    const sizeBytes = content.byteLength;
    if (sizeBytes === 0) {
      throw new ConvexError({ code: "EMPTY_FILE", message: "The file is empty" });
    }
    if (sizeBytes > MAX_BYTES) {
      throw new ConvexError({
        code: "FILE_TOO_LARGE",
        message: `The file is ${sizeBytes} bytes; the limit is ${MAX_BYTES} bytes (5 MiB)`,
        maxBytes: MAX_BYTES,
      });
    }
    const text = new TextDecoder().decode(content);
    const digest = await crypto.subtle.digest("SHA-256", content);
    return {
      fileName,
      contentType,
      sizeBytes,
      lines: countLines(text),
      words: text.split(/\s+/).filter((word) => word !== "").length,
      sha256: toHex(digest),
      preview: Array.from(text).slice(0, PREVIEW_CHARACTERS).join(""),
    };
  },
});

/** Lines as an editor counts them: a final line break does not start another line. */
function countLines(text: string): number {
  const lines = text.split(/\r\n|\r|\n/);
  return lines[lines.length - 1] === "" ? lines.length - 1 : lines.length;
}

function toHex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");
}
