package io.convexspring.codec;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.util.TokenBuffer;

import io.convexspring.codec.ConvexValueException.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link WireParser}: the encoded value turned into plain Jackson tokens, and
 * every rule of the encoding checked on the way. Wire values are written with single quotes.
 */
class WireParserTests {

	private final ConvexCodec codec = ConvexCodec.create();

	@Test
	void int64BecomesALongIntegerToken() {
		assertThat(tokens("{'$integer':'AQAAAAAAIAA='}")).containsExactly("VALUE_NUMBER_INT LONG 9007199254740993");
		assertThat(tokens("{'$integer':'AAAAAAAAAIA='}")).containsExactly("VALUE_NUMBER_INT LONG -9223372036854775808");
		assertThat(tokens("{'$integer':'AQAAAAAAAAA='}")).containsExactly("VALUE_NUMBER_INT LONG 1");
	}

	@Test
	void plainNumbersBecomeDoubleTokensWhateverTheirJsonForm() {
		assertThat(tokens("[42,42.0,1.5,-273.15,1e+308,5e-324,0]")).containsExactly("START_ARRAY",
				"VALUE_NUMBER_FLOAT DOUBLE 42.0", "VALUE_NUMBER_FLOAT DOUBLE 42.0", "VALUE_NUMBER_FLOAT DOUBLE 1.5",
				"VALUE_NUMBER_FLOAT DOUBLE -273.15", "VALUE_NUMBER_FLOAT DOUBLE 1.0E308",
				"VALUE_NUMBER_FLOAT DOUBLE 4.9E-324", "VALUE_NUMBER_FLOAT DOUBLE 0.0", "END_ARRAY");
	}

	@Test
	void plainIntegerBeyondTwoToThe53IsTheFloat64ItDenotes() {
		// a plain number is float64 on the wire: JavaScript reads 9007199254740993 as 2^53
		assertThat(tokens("9007199254740993")).containsExactly("VALUE_NUMBER_FLOAT DOUBLE 9.007199254740992E15");
	}

	@Test
	void specialFloatsBecomeDoubleTokens() {
		assertThat(tokens("[{'$float':'AAAAAAAA+H8='},{'$float':'AAAAAAAA8H8='},{'$float':'AAAAAAAA8P8='}]"))
			.containsExactly("START_ARRAY", "VALUE_NUMBER_FLOAT DOUBLE NaN", "VALUE_NUMBER_FLOAT DOUBLE Infinity",
					"VALUE_NUMBER_FLOAT DOUBLE -Infinity", "END_ARRAY");
		try (JsonParser plain = translate("{'$float':'AAAAAAAAAIA='}").asParser()) {
			plain.nextToken();
			assertThat(Double.doubleToRawLongBits(plain.getDoubleValue()))
				.isEqualTo(Double.doubleToRawLongBits(-0.0));
		}
	}

	@Test
	void bytesOfAnyLengthBecomeAnEmbeddedByteArray() {
		assertThat(tokens("[{'$bytes':''},{'$bytes':'AP8QgH8='},{'$bytes':'AQ=='}]")).containsExactly("START_ARRAY",
				"VALUE_EMBEDDED_OBJECT []", "VALUE_EMBEDDED_OBJECT [0, -1, 16, -128, 127]", "VALUE_EMBEDDED_OBJECT [1]",
				"END_ARRAY");
	}

	@Test
	void stringsBooleansNullsAndStructurePassThrough() {
		assertThat(tokens("{'s':'$integer','a$':[true,false,null,{}],'e':[]}")).containsExactly("START_OBJECT",
				"PROPERTY_NAME s", "VALUE_STRING $integer", "PROPERTY_NAME a$", "START_ARRAY", "VALUE_TRUE",
				"VALUE_FALSE", "VALUE_NULL", "START_OBJECT", "END_OBJECT", "END_ARRAY", "PROPERTY_NAME e",
				"START_ARRAY", "END_ARRAY", "END_OBJECT");
	}

	@Test
	void parserIsLeftOnTheValuesLastTokenSoTheEnvelopeCanGoOn() {
		String envelope = "{'value':{'order':[{'$integer':'AQAAAAAAAAA='},{'$bytes':'AQ=='}]},'scalar':1.5,"
				+ "'special':{'$float':'AAAAAAAA+H8='},'status':'success'}";
		try (JsonParser parser = this.codec.mapper().createParser(envelope.replace('\'', '"'))) {
			parser.nextToken();
			List<String> after = new ArrayList<>();
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				parser.nextToken();
				if (name.equals("status")) {
					after.add(name + "=" + parser.getString());
				}
				else {
					translate(parser);
					after.add(name + " ends on " + parser.currentToken());
				}
			}
			assertThat(after).containsExactly("value ends on END_OBJECT", "scalar ends on VALUE_NUMBER_FLOAT",
					"special ends on END_OBJECT", "status=success");
			assertThat(parser.currentToken()).isEqualTo(JsonToken.END_OBJECT);
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			$integer of 7 bytes             | {'a':{'b':[0,1,{'$integer':'AAAAAAAAAA=='}]}} | a.b[2] | Received 7 bytes, expected 8 for $integer
			$integer of 9 bytes             | [{'$integer':'AAAAAAAAAAAA'}]                | [0]    | Received 9 bytes, expected 8 for $integer
			$float of 4 bytes               | {'x':{'$float':'AADAfw=='}}                  | x      | Received 4 bytes, expected 8 for $float
			$float of a finite number       | [[{'$float':'AAAAAAAA+D8='}]]                | [0][0] | Float 1.5 should be encoded as a number
			$float of positive zero         | {'$float':'AAAAAAAAAAA='}                    |        | Float 0.0 should be encoded as a number
			$integer not a string           | {'n':{'$integer':5}}                         | n      | Malformed $integer field
			$bytes not a string             | {'$bytes':[1,2]}                             |        | Malformed $bytes field
			$bytes not base64               | {'b':{'$bytes':'!!'}}                        | b      | Malformed $bytes field
			special object with more fields | {'$integer':'AQAAAAAAAAA=','x':1}            |        | must have no other field, found x
			unknown $ field                 | {'o':{'$weird':1,'other':2}}                 | o      | Field name $weird starts with a '$', which is reserved.
			$ field after another field     | {'a':1,'$integer':'AQAAAAAAAAA='}            |        | Field name $integer starts with a '$'
			$set                            | {'$set':[]}                                  |        | Received a Set which is no longer supported as a Convex type.
			$map                            | [{'$map':[]}]                                | [0]    | Received a Map which is no longer supported as a Convex type.
			non-ASCII field name            | {'x':{'é':1}}                                | x      | Field names can only contain non-control ASCII characters
			""")
	void malformedWireIsRefusedNamingWhere(String name, String wire, String path, String reason) {
		assertThatExceptionOfType(ConvexValueException.class).isThrownBy(() -> translate(wire)).satisfies((ex) -> {
			assertThat(ex.problem()).isEqualTo(Problem.MALFORMED);
			assertThat(ex.path()).isEqualTo((path != null) ? path : "");
			assertThat(ex.reason()).contains(reason);
		});
	}

	@Test
	void controlCharacterInAFieldNameIsRefused() {
		assertThatExceptionOfType(ConvexValueException.class).isThrownBy(() -> translate("{'ok':{'a\\u0001b':1}}"))
			.satisfies((ex) -> assertThat(ex.path()).isEqualTo("ok"))
			.withMessageContaining("Field names can only contain non-control ASCII characters");
	}

	@Test
	void parserWithoutACurrentTokenIsAMissingValue() {
		try (JsonParser parser = this.codec.mapper().createParser("")) {
			parser.nextToken();
			assertThatExceptionOfType(ConvexValueException.class)
				.isThrownBy(() -> translate(parser))
				.withMessage("the value is missing");
		}
	}

	private TokenBuffer translate(String wire) {
		try (JsonParser parser = this.codec.mapper().createParser(wire.replace('\'', '"'))) {
			parser.nextToken();
			return translate(parser);
		}
	}

	private List<String> tokens(String wire) {
		List<String> tokens = new ArrayList<>();
		try (JsonParser plain = translate(wire).asParser()) {
			for (JsonToken token = plain.nextToken(); token != null; token = plain.nextToken()) {
				tokens.add(switch (token) {
					case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> token + " " + plain.getNumberType() + " "
							+ plain.getNumberValue();
					case VALUE_STRING -> token + " " + plain.getString();
					case PROPERTY_NAME -> token + " " + plain.currentName();
					case VALUE_EMBEDDED_OBJECT -> token + " " + java.util.Arrays.toString((byte[]) plain.getEmbeddedObject());
					default -> token.toString();
				});
			}
		}
		return tokens;
	}


	/** The tokens {@link WireParser} presents for the value at the parser's current token. */
	static TokenBuffer translate(JsonParser parser) {
		TokenBuffer out = TokenBuffer.forBuffering(parser, parser.objectReadContext());
		try {
			out.copyCurrentStructure(new WireParser(parser, ConvexCodec.create()));
		}
		catch (MalformedWireException ex) {
			throw new ConvexValueException(ConvexValueException.Problem.MALFORMED, ex.wirePath(), ex.reason(), ex);
		}
		return out;
	}

}
