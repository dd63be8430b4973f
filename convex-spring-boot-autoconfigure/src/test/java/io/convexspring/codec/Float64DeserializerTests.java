package io.convexspring.codec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.convexspring.codec.ConvexValueException.Problem;

import static io.convexspring.codec.ConvexCodecTests.int64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Float64Deserializer}: {@code double} takes any float64 and the int64 values
 * it holds exactly; {@code float} only what survives the narrowing.
 */
class Float64DeserializerTests {

	private final ConvexCodec codec = ConvexCodec.create();

	@ParameterizedTest
	@ValueSource(doubles = { 0.1, -273.15, 1e308, Double.MAX_VALUE, Double.MIN_VALUE, Double.MIN_NORMAL, 0x1p60 })
	void float64IntoDoubleIsExact(double value) {
		assertThat(decodeDouble(this.codec.toWireJson(value))).isEqualTo(value);
	}

	@Test
	void specialFloatsIntoDoubleKeepTheirBits() {
		assertThat(decodeDouble("{'$float':'AAAAAAAA+H8='}")).isNaN();
		assertThat(decodeDouble("{'$float':'AAAAAAAA8H8='}")).isEqualTo(Double.POSITIVE_INFINITY);
		assertThat(decodeDouble("{'$float':'AAAAAAAA8P8='}")).isEqualTo(Double.NEGATIVE_INFINITY);
		assertThat(Double.doubleToRawLongBits(decodeDouble("{'$float':'AAAAAAAAAIA='}")))
			.isEqualTo(Double.doubleToRawLongBits(-0.0));
	}

	@ParameterizedTest
	@ValueSource(longs = { 0, -1, 1L << 53, -(1L << 53), 1L << 60, Long.MIN_VALUE })
	void int64ThatDoubleHoldsExactlyIntoDouble(long value) {
		assertThat(decodeDouble(int64(value))).isEqualTo((double) value);
	}

	@ParameterizedTest
	@ValueSource(longs = { (1L << 53) + 1, -(1L << 53) - 1, Long.MAX_VALUE, (1L << 60) + 1 })
	void int64ThatDoubleWouldRoundIntoDoubleIsRefused(long value) {
		assertThatExceptionOfType(ConvexValueException.class)
			.isThrownBy(() -> this.codec.fromWireJson(int64(value).replace('\'', '"'), Double.class))
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(Problem.TYPE_MISMATCH))
			.withMessageContaining("int64 " + value + " cannot be read as a Java Double without rounding");
	}

	@Test
	void floatTakesOnlyWhatSurvivesTheNarrowing() {
		assertThat(decodeFloat("0.5")).isEqualTo(0.5f);
		assertThat(decodeFloat(this.codec.toWireJson(Float.MAX_VALUE))).isEqualTo(Float.MAX_VALUE);
		assertThat(decodeFloat("{'$float':'AAAAAAAA+H8='}")).isNaN();
		assertThat(decodeFloat("{'$float':'AAAAAAAA8P8='}")).isEqualTo(Float.NEGATIVE_INFINITY);
		assertThat(Float.floatToRawIntBits(decodeFloat("{'$float':'AAAAAAAAAIA='}")))
			.isEqualTo(Float.floatToRawIntBits(-0.0f));
		assertThat(decodeFloat(int64(1 << 24))).isEqualTo(16777216f);
		for (String wire : new String[] { "0.1", "1e39", int64((1 << 24) + 1) }) {
			assertThatExceptionOfType(ConvexValueException.class)
				.isThrownBy(() -> this.codec.fromWireJson(wire.replace('\'', '"'), float.class))
				.withMessageContaining("without rounding");
		}
	}

	@Test
	void nullIsAnErrorForAPrimitiveAndNullForABoxedType() {
		assertThatExceptionOfType(ConvexValueException.class)
			.isThrownBy(() -> this.codec.fromWireJson("null", double.class))
			.withMessageContaining("null or absent value cannot be read as a Java double; declare Double");
		assertThat((Double) this.codec.fromWireJson("null", Double.class)).isNull();
		assertThat((Float) this.codec.fromWireJson("null", Float.class)).isNull();
	}

	@Test
	void otherConvexTypesAreNotNumbers() {
		for (String wire : new String[] { "\"1.5\"", "true", "{\"$bytes\":\"AQ==\"}", "[1.5]", "{}" }) {
			assertThatExceptionOfType(ConvexValueException.class)
				.isThrownBy(() -> this.codec.fromWireJson(wire, double.class))
				.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(Problem.TYPE_MISMATCH));
		}
	}

	private double decodeDouble(String wire) {
		return this.codec.<Double>fromWireJson(wire.replace('\'', '"'), double.class);
	}

	private float decodeFloat(String wire) {
		return this.codec.<Float>fromWireJson(wire.replace('\'', '"'), float.class);
	}

}
