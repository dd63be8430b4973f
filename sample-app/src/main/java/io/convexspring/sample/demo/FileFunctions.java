package io.convexspring.sample.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import io.convexspring.test.server.FunctionCall;
import io.convexspring.test.server.LocalConvexDeployment;

/**
 * {@code files:process}: takes an uploaded file as Convex bytes and describes it as
 * {@code files.ts} does, so the sample shows binary arguments crossing the wire intact (the
 * SHA-256 proves it).
 */
final class FileFunctions {

	/** A Node-runtime action accepts at most 5 MiB of arguments. */
	private static final int MAX_BYTES = 5 * 1024 * 1024;

	private static final int PREVIEW_CHARS = 200;

	private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	private FileFunctions() {
	}

	static void registerTo(LocalConvexDeployment.Builder deployment) {
		deployment.action("files:process", (call) -> process(Args.of(call), call));
	}

	private static Object process(Args args, FunctionCall call) throws NoSuchAlgorithmException {
		args.allowOnly("fileName", "contentType", "content");
		String fileName = args.string("fileName");
		String contentType = args.string("contentType");
		byte[] content = args.bytes("content");
		if (content.length == 0) {
			throw ConvexErrors.of("EMPTY_FILE", "The file is empty");
		}
		if (content.length > MAX_BYTES) {
			throw ConvexErrors.of("FILE_TOO_LARGE", "The file is " + content.length
					+ " bytes; the limit is " + MAX_BYTES + " bytes (5 MiB)", "maxBytes", (double) MAX_BYTES);
		}
		call.log("Processing " + fileName + " (" + contentType + ", " + content.length + " bytes)");
		String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		String text = decode(content);
		return ConvexValues.object("fileName", fileName, "contentType", contentType,
				"sizeBytes", (double) content.length,
				"lines", (double) countLines(text),
				"words", (double) JsStrings.countWords(text),
				"sha256", sha256,
				"preview", preview(text));
	}

	/**
	 * {@code new TextDecoder().decode(content)}: UTF-8, each malformed sequence replaced by
	 * U+FFFD (so a binary file gets a garbled preview, as with the real function), a leading
	 * byte order mark dropped.
	 */
	private static String decode(byte[] content) {
		String text = new String(content, StandardCharsets.UTF_8);
		return (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) ? text.substring(1) : text;
	}

	/** Lines as an editor counts them: a final line break does not start another line. */
	private static int countLines(String text) {
		int breaks = (int) LINE_BREAK.matcher(text).results().count();
		boolean endsWithBreak = text.endsWith("\n") || text.endsWith("\r");
		return endsWithBreak ? breaks : breaks + 1;
	}

	/** Cut by code points, like {@code Array.from(text).slice(0, 200)}: an emoji is never split. */
	private static String preview(String text) {
		int count = text.codePointCount(0, text.length());
		return (count <= PREVIEW_CHARS) ? text : text.substring(0, text.offsetByCodePoints(0, PREVIEW_CHARS));
	}

}
