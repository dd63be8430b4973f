package io.convexspring.codec;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.convexspring.codec.ConvexValueException.Problem;

import static io.convexspring.codec.ConvexCodecTests.int64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link IntegralDeserializer}: Java integral types take an int64, or a float64 that
 * is an exact integer, within their range; anything else is an error, never a truncation.
 */
class IntegralDeserializerTests {

	private final ConvexCodec codec = ConvexCodec.create();

	@ParameterizedTest(name = "{0} into {1}")
	@CsvSource(delimiter = '|', textBlock = """
			int64 -9223372036854775808 | long    | -9223372036854775808
			int64 9223372036854775807  | Long    | 9223372036854775807
			int64 9007199254740993     | long    | 9007199254740993
			int64 -2147483648          | int     | -2147483648
			int64 2147483647           | Integer | 2147483647
			int64 -32768               | short   | -32768
			int64 127                  | Byte    | 127
			int64 -9223372036854775808 | BigInteger | -9223372036854775808
			1732646400123              | long    | 1732646400123
			-9007199254740992          | Long    | -9007199254740992
			1152921504606846976        | long    | 1152921504606846976
			42.0                       | int     | 42
			-2147483648                | int     | -2147483648
			32767                      | Short   | 32767
			-128                       | byte    | -128
			1e20                       | BigInteger | 100000000000000000000
			""")
	void exactIntegerInRangeIsRead(String wire, String target, String expected) {
		Object value = decode(wire, type(target));
		assertThat(value).isInstanceOf(boxed(target));
		assertThat(value.toString()).isEqualTo(expected);
	}

	@Test
	void float64IntoBigIntegerIsTheDoublesExactIntegerValue() {
		Object value = decode("1e30", BigInteger.class);
		assertThat(value).isEqualTo(new BigDecimal(1e30).toBigIntegerExact());
	}

	@ParameterizedTest(name = "{0} into {1}")
	@CsvSource(delimiter = '|', textBlock = """
			int64 2147483648           | int     | 2147483648 is out of range for int
			int64 -2147483649          | Integer | -2147483649 is out of range for Integer
			int64 32768                | short   | 32768 is out of range for short
			int64 -129                 | Byte    | -129 is out of range for Byte
			1099511627776              | int     | 1099511627776 is out of range for int
			1e19                       | long    | 10000000000000000000 is out of range for long
			9223372036854775807        | long    | 9223372036854775808 is out of range for long
			-1e300                     | Long    | is out of range for Long
			1.5                        | long    | float64 1.5 is not an integer, so it cannot be read as long
			-0.5                       | Integer | float64 -0.5 is not an integer
			1e-300                     | BigInteger | float64 1.0E-300 is not an integer
			NaN                        | long    | float64 NaN is not an integer
			Infinity                   | BigInteger | float64 Infinity is not an integer
			-Infinity                  | int     | float64 -Infinity is not an integer
			""")
	void anythingElseIsAnError(String wire, String target, String reason) {
		assertThatExceptionOfType(ConvexValueException.class).isThrownBy(() -> decode(wire, type(target)))
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(Problem.TYPE_MISMATCH))
			.satisfies((ex) -> assertThat(ex.reason()).contains(reason));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			a string  | '5'
			a boolean | true
			bytes     | {'$bytes':'AQ=='}
			an array  | [1]
			an object | {'n':1}
			""")
	void otherConvexTypesAreNotIntegers(String name, String wire) {
		assertThatExceptionOfType(ConvexValueException.class)
			.isThrownBy(() -> this.codec.fromWireJson(wire.replace('\'', '"'), long.class))
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(Problem.TYPE_MISMATCH));
	}

	@Test
	void nullIsAnErrorForAPrimitiveAndNullForABoxedType() {
		assertThatExceptionOfType(ConvexValueException.class).isThrownBy(() -> decode("null", int.class))
			.withMessageContaining("null or absent value cannot be read as a Java int; declare Integer");
		assertThat(decode("null", Integer.class)).isNull();
		assertThat(decode("null", BigInteger.class)).isNull();
	}

	@Test
	void negativeZeroIsZero() {
		assertThat(decode("{'$float':'AAAAAAAAAIA='}", int.class)).isEqualTo(0);
	}

	@Test
	void convexInt64FollowsTheLongRules() {
		assertThat(decode(int64(Long.MIN_VALUE), ConvexInt64.class)).isEqualTo(ConvexInt64.of(Long.MIN_VALUE));
		assertThat(decode("7", ConvexInt64.class)).isEqualTo(ConvexInt64.of(7));
		assertThatExceptionOfType(ConvexValueException.class).isThrownBy(() -> decode("7.5", ConvexInt64.class));
	}

	private Object decode(String wire, Type type) {
		String json = wire.startsWith("int64 ") ? int64(Long.parseLong(wire.substring(6))) : wire;
		json = switch (json) {
			case "NaN" -> "{'$float':'AAAAAAAA+H8='}";
			case "Infinity" -> "{'$float':'AAAAAAAA8H8='}";
			case "-Infinity" -> "{'$float':'AAAAAAAA8P8='}";
			default -> json;
		};
		return this.codec.fromWireJson(json.replace('\'', '"'), type);
	}

	private static Class<?> type(String name) {
		return switch (name) {
			case "long" -> long.class;
			case "Long" -> Long.class;
			case "int" -> int.class;
			case "Integer" -> Integer.class;
			case "short" -> short.class;
			case "Short" -> Short.class;
			case "byte" -> byte.class;
			case "Byte" -> Byte.class;
			case "BigInteger" -> BigInteger.class;
			default -> throw new IllegalArgumentException(name);
		};
	}

	private static Class<?> boxed(String name) {
		return IntegralDeserializer.boxed(type(name));
	}

}
