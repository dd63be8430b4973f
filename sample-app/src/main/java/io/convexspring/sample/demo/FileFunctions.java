package io.convexspring.sample.demo;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code files:process}: takes an uploaded file as Convex bytes and describes it, so the sample
 * shows binary arguments crossing the wire intact (the SHA-256 proves it).
 */
final class FileFunctions {

	/** A Node-runtime action accepts at most 5 MiB of arguments. */
	private static final int MAX_BYTES = 5 * 1024 * 1024;

	private static final int PREVIEW_CHARS = 200;

	private FileFunctions() {
	}

	static void registerTo(FunctionRegistry registry) {
		registry.register("files:process", FunctionKind.ACTION, (args, logs) -> process(args, logs));
	}

	private static Object process(Args args, LogLines logs) throws NoSuchAlgorithmException {
		args.allowOnly("fileName", "contentType", "content");
		String fileName = args.string("fileName");
		String contentType = args.string("contentType");
		byte[] content = args.bytes("content");
		if (content.length == 0) {
			throw ConvexErrorException.of("EMPTY_FILE", "The file is empty");
		}
		if (content.length > MAX_BYTES) {
			throw ConvexErrorException.of("FILE_TOO_LARGE", "The file is " + content.length
					+ " bytes; the limit is " + MAX_BYTES + " bytes (5 MiB)", "maxBytes", (double) MAX_BYTES);
		}
		logs.log("Processing " + fileName + " (" + contentType + ", " + content.length + " bytes)");
		String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		Optional<String> text = asText(content);
		return ConvexValues.object("fileName", fileName, "contentType", contentType,
				"sizeBytes", (double) content.length,
				"lines", (double) text.map(FileFunctions::countLines).orElse(0),
				"words", (double) text.map(FileFunctions::countWords).orElse(0),
				"sha256", sha256,
				"preview", text.map(FileFunctions::preview).orElse(""));
	}

	/**
	 * The content as text if it is valid UTF-8 without NUL characters: judged by the bytes
	 * rather than the declared type, since browsers often send text as octet-stream.
	 */
	private static Optional<String> asText(byte[] content) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
			return (text.indexOf('\0') < 0) ? Optional.of(text) : Optional.empty();
		}
		catch (CharacterCodingException ex) {
			return Optional.empty();
		}
	}

	/** Lines as an editor shows them: a final line without a newline still counts. */
	private static int countLines(String text) {
		int lines = (int) text.chars().filter((c) -> c == '\n').count();
		return text.endsWith("\n") ? lines : lines + 1;
	}

	private static int countWords(String text) {
		String trimmed = text.strip();
		return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
	}

	/** Cut by code points so an emoji is never split in half. */
	private static String preview(String text) {
		int count = text.codePointCount(0, text.length());
		return (count <= PREVIEW_CHARS) ? text : text.substring(0, text.offsetByCodePoints(0, PREVIEW_CHARS));
	}

}
