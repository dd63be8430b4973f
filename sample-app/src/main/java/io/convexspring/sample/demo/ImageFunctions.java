package io.convexspring.sample.demo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

import io.convexspring.codec.ConvexInt64;
import io.convexspring.test.server.FunctionCall;
import io.convexspring.test.server.LocalConvexDeployment;

/**
 * {@code ai:generateImage}: stands in for an image model. The "image" is an SVG of the prompt on
 * a gradient picked by the seed, returned as a data URL so a browser shows it with no storage,
 * and the seed is an int64 so the lossless encoding of large integers is exercised.
 */
final class ImageFunctions {

	private static final String[] SIZES = { "256x256", "512x512", "1024x1024" };

	/** As in {@code ai.ts}. */
	private static final String DEFAULT_SIZE = "1024x1024";

	private ImageFunctions() {
	}

	static void registerTo(LocalConvexDeployment.Builder deployment) {
		deployment.action("ai:generateImage", (call) -> generate(Args.of(call), call));
	}

	private static Object generate(Args args, FunctionCall call) {
		args.allowOnly("prompt", "size");
		String prompt = args.string("prompt");
		String size = args.optionalOneOf("size", SIZES).orElse(DEFAULT_SIZE);
		if (JsStrings.isBlank(prompt)) {
			throw ConvexErrors.of("EMPTY_PROMPT", "Describe the image you want");
		}
		call.log("Generating image for prompt \"" + prompt + "\"");
		// Beyond 2^53 on purpose most of the time: a client that reads int64 as a double loses digits.
		long seed = ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
		int pixels = Integer.parseInt(size.substring(0, size.indexOf('x')));
		String svg = SvgPoster.render(prompt.strip(), pixels, seed);
		String url = "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
		return ConvexValues.object("url", url, "prompt", prompt, "size", size, "seed", ConvexInt64.of(seed));
	}

}
