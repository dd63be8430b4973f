package io.convexspring.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.convexspring.codec.ConvexValueException.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Float64Serializer}: every Java number goes out as a float64 that means
 * exactly that number, or not at all.
 */
class Float64SerializerTests {

	private static final long TWO_TO_53 = 1L << 53;

	private final ConvexCodec codec = ConvexCodec.create();

	@Test
	void integralDoubleIsWrittenWithoutAFractionAsJavaScriptWritesIt() {
		assertThat(this.codec.toWireJson(42.0)).isEqualTo("42");
		assertThat(this.codec.toWireJson(-1e15)).isEqualTo("-1000000000000000");
		assertThat(this.codec.toWireJson((double) TWO_TO_53)).isEqualTo("9007199254740992");
		assertThat(this.codec.toWireJson(0.0)).isEqualTo("0");
	}

	@Test
	void otherDoublesAreWrittenSoTheyReadBackAsTheSameDouble() {
		for (double value : new double[] { 0.1, 1.5, -273.15, Double.MAX_VALUE, Double.MIN_VALUE, Double.MIN_NORMAL,
				0x1p60, -1e300, 1.0 / 3 }) {
			String wire = this.codec.toWireJson(value);
			assertThat(Double.parseDouble(wire)).as(wire).isEqualTo(value);
		}
		assertThat(this.codec.toWireJson(1.5)).isEqualTo("1.5");
	}

	@Test
	void floatIsWrittenAsTheDoubleItExactlyIs() {
		assertThat(Double.parseDouble(this.codec.toWireJson(0.1f))).isEqualTo((double) 0.1f);
		assertThat(this.codec.toWireJson(Float.NaN)).isEqualTo("{\"$float\":\"AAAAAAAA+H8=\"}");
		assertThat(this.codec.toWireJson(-0.0f)).isEqualTo("{\"$float\":\"AAAAAAAAAIA=\"}");
	}

	@Test
	void nanInfinitiesAndNegativeZeroAreWrittenAsFloatObjects() {
		assertThat(this.codec.toWireJson(Double.NaN)).isEqualTo("{\"$float\":\"AAAAAAAA+H8=\"}");
		assertThat(this.codec.toWireJson(Double.POSITIVE_INFINITY)).isEqualTo("{\"$float\":\"AAAAAAAA8H8=\"}");
		assertThat(this.codec.toWireJson(Double.NEGATIVE_INFINITY)).isEqualTo("{\"$float\":\"AAAAAAAA8P8=\"}");
		assertThat(this.codec.toWireJson(-0.0)).isEqualTo("{\"$float\":\"AAAAAAAAAIA=\"}");
	}

	@Test
	void integralTypesAreWrittenAsPlainNumbers() {
		assertThat(this.codec.toWireJson(Integer.MIN_VALUE)).isEqualTo("-2147483648");
		assertThat(this.codec.toWireJson((short) 7)).isEqualTo("7");
		assertThat(this.codec.toWireJson((byte) -8)).isEqualTo("-8");
		assertThat(this.codec.toWireJson(TWO_TO_53)).isEqualTo("9007199254740992");
		assertThat(this.codec.toWireJson(-TWO_TO_53)).isEqualTo("-9007199254740992");
		assertThat(this.codec.toWireJson(new AtomicLong(5))).isEqualTo("5");
		assertThat(this.codec.toWireJson(BigInteger.valueOf(-TWO_TO_53))).isEqualTo("-9007199254740992");
	}

	@ParameterizedTest
	@ValueSource(longs = { (1L << 53) + 1, -(1L << 53) - 1, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 60 })
	void longBeyondTwoToThe53IsRefusedPointingToInt64(long value) {
		assertThatExceptionOfType(ConvexValueException.class).isThrownBy(() -> this.codec.toWireJson(value))
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(Problem.UNENCODABLE))
			.withMessageContaining("Integer " + value + " cannot be sent as a Convex float64 (v.number())")
			.withMessageContaining("@Int64")
			.withMessageContaining("ConvexInt64");
		assertThatExceptionOfType(ConvexValueException.class)
			.isThrownBy(() -> this.codec.toWireJson(BigInteger.valueOf(value)));
		assertThatExceptionOfType(ConvexValueException.class)
			.isThrownBy(() -> this.codec.toWireJson(new AtomicLong(value)));
	}

	@Test
	void bigIntegerBeyondInt64IsRefused() {
		assertThatExceptionOfType(ConvexValueException.class)
			.isThrownBy(() -> this.codec.toWireJson(BigInteger.TWO.pow(64).negate()))
			.withMessageContaining("-18446744073709551616");
	}

	@Test
	void bigDecimalThatIsTheShortestFormOfADoubleIsAccepted() {
		assertThat(this.codec.toWireJson(new BigDecimal("19.99"))).isEqualTo("19.99");
		assertThat(this.codec.toWireJson(new BigDecimal("19.990"))).isEqualTo("19.99");
		assertThat(this.codec.toWireJson(new BigDecimal("4.2E+1"))).isEqualTo("42");
		assertThat(this.codec.toWireJson(new BigDecimal("-0.00"))).isEqualTo("0");
		assertThat(Double.parseDouble(this.codec.toWireJson(new BigDecimal("1E+308")))).isEqualTo(1e308);
	}

	@Test
	void bigDecimalThatIsTheExactValueOfADoubleIsAccepted() {
		assertThat(this.codec.toWireJson(new BigDecimal("0.1000000000000000055511151231257827021181583404541015625")))
			.isEqualTo("0.1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.1000000000000000055511151231257827", "0.10000000000000001", "9007199254740993",
			"1E+400", "-1E+400", "1E-400", "19.99000000000000000001" })
	void bigDecimalThatFloat64CannotHoldIsRefused(String decimal) {
		assertThatExceptionOfType(ConvexValueException.class)
			.isThrownBy(() -> this.codec.toWireJson(new BigDecimal(decimal)))
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(Problem.UNENCODABLE))
			.withMessageContaining("cannot be sent as a Convex float64 (v.number()) without rounding");
	}

	@Test
	void int64AnnotationSwitchesAPropertyToInt64() {
		assertThat(this.codec.toWireJson(new Annotated(3.0, 3))).isEqualTo(
				"{\"asInt64\":{\"$integer\":\"AwAAAAAAAAA=\"},\"asFloat64\":3}");
		assertThatExceptionOfType(ConvexValueException.class)
			.isThrownBy(() -> this.codec.toWireJson(new Annotated(3.5, 3)))
			.satisfies((ex) -> assertThat(ex.path()).isEqualTo("asInt64"))
			.withMessageContaining("Number 3.5 is not a 64-bit integer");
		assertThatExceptionOfType(ConvexValueException.class)
			.isThrownBy(() -> this.codec.toWireJson(new Annotated(0x1p63, 3)))
			.withMessageContaining("is not a 64-bit integer");
	}

	record Annotated(@Int64 double asInt64, double asFloat64) {
	}

}
