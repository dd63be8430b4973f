package io.convexspring.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.convexspring.codec.ConvexCodec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ErrorDataText}: {@code ConvexError} data written as the JavaScript client writes it in
 * the error's message.
 */
class ErrorDataTextTests {

	private final ConvexCodec codec = ConvexCodec.create();

	private String text(String wireJson) {
		return ErrorDataText.of(this.codec.treeFromWireJson(wireJson));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "0, 0", "-0.0, 0", "1, 1", "1250, 1250", "-42, -42", "0.5, 0.5", "0.1, 0.1", "19.99, 19.99",
			"123456.789, 123456.789", "1e20, 100000000000000000000", "1e21, 1e+21", "1.5e300, 1.5e+300",
			"0.000001, 0.000001", "0.0000001, 1e-7", "-1.5e-7, -1.5e-7", "9007199254740993, 9007199254740992",
			"4.9e-324, 5e-324", "1.7976931348623157e308, 1.7976931348623157e+308" })
	void numbersAreWrittenAsJavaScriptWritesThem(double value, String expected) {
		assertThat(ErrorDataText.number(value)).isEqualTo(expected);
	}

	@Test
	void nonFiniteNumbersAreNullAsInJson() {
		assertThat(ErrorDataText.number(Double.NaN)).isEqualTo("null");
		assertThat(ErrorDataText.number(Double.NEGATIVE_INFINITY)).isEqualTo("null");
	}

	@Test
	void int64IsABigIntString() {
		assertThat(text("{\"n\":" + Wire.int64(Long.MIN_VALUE) + "}")).isEqualTo("{\"n\":\"-9223372036854775808n\"}");
	}

	@Test
	void bytesAreAnEmptyObject() {
		assertThat(text("{\"b\":" + Wire.bytes(new byte[] { 1 }) + "}")).isEqualTo("{\"b\":{}}");
	}

	@Test
	void fieldOrderIsKept() {
		assertThat(text("{\"z\":1,\"a\":[true,false,null],\"m\":{}}")).isEqualTo("{\"z\":1,\"a\":[true,false,null],\"m\":{}}");
	}

	@Test
	void stringsAreEscapedAsInJson() {
		assertThat(text("[\"tab\\there\",\"quote\\\"\",\"back\\\\slash\",\"\\u0001\",\"é✓😀\",\"\\ud800\"]"))
			.isEqualTo("[\"tab\\there\",\"quote\\\"\",\"back\\\\slash\",\"\\u0001\",\"é✓😀\",\"\\ud800\"]");
	}

	@Test
	void topLevelStringIsTheTextItself() {
		assertThat(text("\"Card \\\"declined\\\"\"")).isEqualTo("Card \"declined\"");
	}

	@Test
	void longDataIsCutAsTheJavaScriptClientCutsIt() {
		String message = text("[\"" + "x".repeat(20_000) + "\"]");
		assertThat(message).hasSize(16384).startsWith("[\"xxx").endsWith("x[...truncated]");
	}

	@Test
	void cutNeverSplitsASurrogatePair() {
		// the cut falls at index 16370: "[\"" (2), 16367 x, then an emoji whose high surrogate is at 16369
		String message = text("[\"" + "x".repeat(16367) + "😀" + "x".repeat(20) + "\"]");
		assertThat(message).endsWith("x[...truncated]").hasSize(16383);
	}

}
