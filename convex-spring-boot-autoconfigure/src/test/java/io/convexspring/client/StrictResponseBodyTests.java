package io.convexspring.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.convexspring.codec.ConvexCodec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ResponseEnvelopeReader} refuses what the official client refuses: content after the
 * envelope, invalid UTF-8, unpadded base64, values nested beyond any sane depth; and reports
 * the status it was given.
 */
class StrictResponseBodyTests {

	private final ConvexCodec codec = ConvexCodec.create();

	private final ResponseEnvelopeReader reader = new ResponseEnvelopeReader(this.codec);

	private Object read(int status, byte[] body) {
		return this.reader.read(FunctionKind.QUERY, "orders:get", status, body,
				this.codec.javaType(Object.class));
	}

	private Object read(String body) {
		return read(200, body.getBytes(StandardCharsets.UTF_8));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			two envelopes             | {"status":"success","value":1}{"status":"error","errorMessage":"boom"}
			trailing text             | {"status":"success","value":1} and more
			trailing array            | {"status":"success","value":1}[]
			unpadded $bytes           | {"status":"success","value":{"$bytes":"AQI"}}
			unpadded $integer         | {"status":"success","value":{"$integer":"AQAAAAAAAAA"}}
			unpadded $float           | {"status":"success","value":{"$float":"AAAAAAAA+H8"}}
			unpadded $integer in data | {"status":"error","errorMessage":"x","errorData":{"$integer":"AQAAAAAAAAA"}}
			""")
	void bodyTheOfficialClientRefusesIsMalformed(String name, String body) {
		assertThatExceptionOfType(ConvexMalformedResponseException.class).isThrownBy(() -> read(body))
			.withMessageStartingWith("Query orders:get: the response (HTTP 200) is not a Convex function result");
	}

	@Test
	void paddedValuesStillDecode() {
		assertThat(read("{\"status\":\"success\",\"value\":[{\"$bytes\":\"AQI=\"},{\"$integer\":\"AQAAAAAAAAA=\"}]}"))
			.asList()
			.containsExactly(new byte[] { 1, 2 }, 1L);
	}

	@Test
	void whitespaceAfterTheEnvelopeIsFine() {
		assertThat(read("{\"status\":\"success\",\"value\":1}\r\n  ")).isEqualTo(1.0);
	}

	@Test
	void overlongUtf8IsRefusedRatherThanDecodedToASlash() {
		byte[] body = bytes("{\"status\":\"success\",\"value\":\"a", new byte[] { (byte) 0xC0, (byte) 0xAF }, "\"}");
		assertThatExceptionOfType(ConvexMalformedResponseException.class).isThrownBy(() -> read(200, body))
			.withMessageContaining("not valid UTF-8: byte 0xC0 at offset 30");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "surrogate, ED A0 80", "beyond U+10FFFF, F4 90 80 80", "overlong three bytes, E0 80 AF",
			"stray continuation, 80", "cut off at the end, E2 82" })
	void otherInvalidUtf8IsRefused(String name, String hex) {
		String[] parts = hex.split(" ");
		byte[] bad = new byte[parts.length];
		for (int i = 0; i < parts.length; i++) {
			bad[i] = (byte) Integer.parseInt(parts[i], 16);
		}
		byte[] body = name.startsWith("cut") ? bytes("{\"status\":\"success\",\"value\":\"", bad, "")
				: bytes("{\"status\":\"success\",\"value\":\"", bad, "\"}");
		assertThatExceptionOfType(ConvexMalformedResponseException.class).isThrownBy(() -> read(200, body))
			.withMessageContaining("not valid UTF-8");
	}

	@Test
	void validMultiByteUtf8Decodes() {
		assertThat(read("{\"status\":\"success\",\"value\":\"é€😀\"}")).isEqualTo("é€😀");
	}

	@Test
	void valueNestedAHundredThousandDeepIsMalformedNotAResultMismatch() {
		String deep = "[".repeat(100_000) + "]".repeat(100_000);
		assertThatExceptionOfType(ConvexMalformedResponseException.class)
			.isThrownBy(() -> read("{\"status\":\"success\",\"value\":" + deep + "}"))
			.withMessageContaining("nesting depth");
	}

	@Test
	void failureOfALegacy560ResponseReportsStatus560() {
		assertThatExceptionOfType(ConvexFunctionFailedException.class)
			.isThrownBy(() -> read(560, Wire.failure("boom").getBytes(StandardCharsets.UTF_8)))
			.satisfies((ex) -> assertThat(ex.httpStatus()).hasValue(560));
		assertThatExceptionOfType(ConvexApplicationException.class)
			.isThrownBy(() -> read(560, Wire.convexError("boom", "\"declined\"").getBytes(StandardCharsets.UTF_8)))
			.satisfies((ex) -> assertThat(ex.httpStatus()).hasValue(560));
	}

	private static byte[] bytes(String before, byte[] middle, String after) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
		out.writeBytes(middle);
		out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

}
