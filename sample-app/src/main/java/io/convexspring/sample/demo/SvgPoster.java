package io.convexspring.sample.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws the demo's "generated image": the prompt, wrapped, on a diagonal two-colour gradient whose
 * hues follow from the seed, so the same seed always gives the same picture.
 */
final class SvgPoster {

	private static final int CHARS_PER_LINE = 24;

	private static final int MAX_LINES = 5;

	private SvgPoster() {
	}

	static String render(String text, int size, long seed) {
		Random random = new Random(seed);
		int hue = random.nextInt(360);
		int otherHue = (hue + 90 + random.nextInt(180)) % 360;
		List<String> lines = wrap(text);
		int fontSize = size / 14;
		int lineHeight = fontSize * 5 / 4;
		int firstBaseline = (size - lineHeight * (lines.size() - 1)) / 2 + fontSize / 3;
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(size).append("\" height=\"")
			.append(size).append("\" viewBox=\"0 0 ").append(size).append(' ').append(size).append("\">")
			.append("<defs><linearGradient id=\"bg\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"1\">")
			.append("<stop offset=\"0\" stop-color=\"").append(colour(hue, 58)).append("\"/>")
			.append("<stop offset=\"1\" stop-color=\"").append(colour(otherHue, 38)).append("\"/>")
			.append("</linearGradient></defs>")
			.append("<rect width=\"100%\" height=\"100%\" fill=\"url(#bg)\"/>")
			.append("<text font-family=\"Helvetica, Arial, sans-serif\" font-size=\"").append(fontSize)
			.append("\" fill=\"#ffffff\" text-anchor=\"middle\">");
		for (int i = 0; i < lines.size(); i++) {
			svg.append("<tspan x=\"50%\" y=\"").append(firstBaseline + i * lineHeight).append("\">")
				.append(escape(lines.get(i))).append("</tspan>");
		}
		return svg.append("</text></svg>").toString();
	}

	/** Breaks at spaces; a long prompt ends in an ellipsis rather than running off the image. */
	private static List<String> wrap(String text) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.split("\\s+")) {
			if (line.length() > 0 && line.length() + 1 + word.length() > CHARS_PER_LINE) {
				lines.add(line.toString());
				line.setLength(0);
			}
			line.append(line.length() > 0 ? " " : "").append(word);
		}
		lines.add(line.toString());
		if (lines.size() > MAX_LINES) {
			lines = new ArrayList<>(lines.subList(0, MAX_LINES));
			lines.set(MAX_LINES - 1, lines.get(MAX_LINES - 1) + "…");
		}
		return lines;
	}

	private static String colour(int hue, int lightness) {
		return "hsl(" + hue + ", 70%, " + lightness + "%)";
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
