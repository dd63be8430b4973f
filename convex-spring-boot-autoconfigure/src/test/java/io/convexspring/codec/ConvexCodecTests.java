package io.convexspring.codec;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.BinaryNode;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.convexspring.codec.ConvexValueException.Problem;

import static io.convexspring.codec.WireJson.assertSameWire;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConvexCodec}: how Java values go out in Convex's lossless encoding and how
 * encoded values come back into Java types. Expected wire values are written with single
 * quotes for readability.
 */
class ConvexCodecTests {

	private static final long TWO_TO_53 = 1L << 53;

	private static final String NAN = "{'$float':'AAAAAAAA+H8='}";

	private static final String POSITIVE_INFINITY = "{'$float':'AAAAAAAA8H8='}";

	private static final String NEGATIVE_INFINITY = "{'$float':'AAAAAAAA8P8='}";

	private static final String NEGATIVE_ZERO = "{'$float':'AAAAAAAAAIA='}";

	private final ConvexCodec codec = ConvexCodec.create();

	// ---- numbers going out

	@Test
	void javaNumbersInARecordGoOutAsFloat64() {
		Reading reading = new Reading(3, 1_700_000_000_123L, 0.25, 7, (short) -2, 1.5f, new BigDecimal("19.99"));
		assertSameWire(this.codec.toWireJson(reading),
				"{'count':3,'createdAt':1700000000123,'ratio':0.25,'boxed':7,'small':-2,'single':1.5,'price':19.99}");
	}

	@Test
	void longTimestampFromDateNowGoesOutAsAPlainFloat64() {
		String wire = this.codec.toWireJson(new Event("signup", 1_732_646_400_123L));
		assertThat(WireJson.parse(wire).get("createdAt").isIntegralNumber()).isTrue();
		assertSameWire(wire, "{'name':'signup','createdAt':1732646400123}");
	}

	@Test
	void integersUpToTwoToThe53GoOutAsFloat64Exactly() {
		assertSameWire(this.codec.toWireJson(List.of(TWO_TO_53, -TWO_TO_53, TWO_TO_53 - 1)),
				"[9007199254740992,-9007199254740992,9007199254740991]");
	}

	@Test
	void longBeyondTwoToThe53IsRefusedNamingTheFieldNotRounded() {
		ConvexValueException ex = encodingFails(new Event("signup", TWO_TO_53 + 1));
		assertThat(ex.problem()).isEqualTo(Problem.UNENCODABLE);
		assertThat(ex.path()).isEqualTo("createdAt");
		assertThat(ex).hasMessageStartingWith("createdAt: ")
			.hasMessageContaining("9007199254740993")
			.hasMessageContaining("@Int64");
		assertThat(encodingFails(List.of(-TWO_TO_53 - 1)).path()).isEqualTo("[0]");
		assertThat(encodingFails(Long.MAX_VALUE).path()).isEmpty();
	}

	@Test
	void refusalNamesThePathThroughNestedRecordsListsAndMaps() {
		Cart cart = new Cart(new CartOrder(List.of(new CartItem("A-1", 1), new CartItem("A-2", TWO_TO_53 + 1))));
		ConvexValueException ex = encodingFails(cart);
		assertThat(ex.path()).isEqualTo("order.items[1].qty");
		assertThat(ex).hasMessageStartingWith("order.items[1].qty: ");
		ex = encodingFails(Map.of("order", Map.of("items", List.of(Map.of("qty", TWO_TO_53 + 1)))));
		assertThat(ex.path()).isEqualTo("order.items[0].qty");
	}

	@Test
	void bigIntegerBeyondTwoToThe53WithoutInt64IsRefused() {
		assertSameWire(this.codec.toWireJson(BigInteger.valueOf(-42)), "-42");
		assertThat(encodingFails(new Holder(BigInteger.TWO.pow(53).add(BigInteger.ONE))).path()).isEqualTo("value");
		assertThat(encodingFails(BigInteger.TWO.pow(64))).hasMessageContaining("18446744073709551616");
	}

	@Test
	void bigDecimalThatIsADoubleIsAccepted() {
		assertSameWire(this.codec.toWireJson(new BigDecimal("19.99")), "19.99");
		assertSameWire(this.codec.toWireJson(new BigDecimal("42.000")), "42");
		assertSameWire(this.codec.toWireJson(new BigDecimal("-1E+3")), "-1000");
		// the exact binary value of the double nearest 0.1 is that double: nothing is rounded
		assertSameWire(this.codec.toWireJson(new BigDecimal(0.1)), "0.1");
	}

	@Test
	void bigDecimalThatFloat64CannotHoldIsRefused() {
		ConvexValueException ex = encodingFails(new Holder(new BigDecimal("0.1000000000000000055511151231257827")));
		assertThat(ex.problem()).isEqualTo(Problem.UNENCODABLE);
		assertThat(ex.path()).isEqualTo("value");
		assertThat(ex).hasMessageContaining("0.1000000000000000055511151231257827").hasMessageContaining("rounding");
		assertThat(encodingFails(new BigDecimal("1E+400"))).hasMessageContaining("float64");
		assertThat(encodingFails(new BigDecimal("1E-400"))).hasMessageContaining("float64");
	}

	@Test
	void nanInfinitiesAndNegativeZeroTravelAsFloat() {
		assertSameWire(this.codec.toWireJson(new Limits(Double.NaN, Double.POSITIVE_INFINITY, -0.0, Float.NEGATIVE_INFINITY)),
				"{'score':" + NAN + ",'limit':" + POSITIVE_INFINITY + ",'delta':" + NEGATIVE_ZERO + ",'floor':"
						+ NEGATIVE_INFINITY + "}");
		assertSameWire(this.codec.toWireJson(0.0), "0");
	}

	// ---- int64, opt-in

	@Test
	void int64AnnotationSendsLongBoxedLongBigIntegerAndListOfLongAsInt64() {
		Counters counters = new Counters(TWO_TO_53 + 1, -1L, BigInteger.valueOf(Long.MIN_VALUE), List.of(1L, 2L, 3L), 5);
		assertSameWire(this.codec.toWireJson(counters),
				"{'total':" + int64(TWO_TO_53 + 1) + ",'delta':" + int64(-1) + ",'lowest':" + int64(Long.MIN_VALUE)
						+ ",'ids':[" + int64(1) + "," + int64(2) + "," + int64(3) + "],'plain':5}");
		assertThat(int64(TWO_TO_53 + 1)).isEqualTo("{'$integer':'AQAAAAAAIAA='}");
	}

	@Test
	void int64AnnotationOnAbsentBoxedLongLeavesTheFieldOut() {
		assertSameWire(this.codec.toWireJson(new Counters(0, null, BigInteger.ZERO, List.of(), 1)),
				"{'total':" + int64(0) + ",'lowest':" + int64(0) + ",'ids':[],'plain':1}");
	}

	@Test
	void int64AnnotationOnArraysMapsAndOptionalsAppliesToEveryNumber() {
		Int64Containers containers = new Int64Containers(new long[] { Long.MAX_VALUE }, new int[] { 7 },
				Map.of("k", 9L), Optional.of(TWO_TO_53 + 1), OptionalLong.of(-5));
		assertSameWire(this.codec.toWireJson(containers),
				"{'longs':[" + int64(Long.MAX_VALUE) + "],'ints':[" + int64(7) + "],'byKey':{'k':" + int64(9)
						+ "},'maybe':" + int64(TWO_TO_53 + 1) + ",'optionalLong':" + int64(-5) + "}");
	}

	@Test
	void int64AnnotationRefusesANumberThatIsNoInt64() {
		assertThat(encodingFails(new DecimalCount(new BigDecimal("1.5")))).hasMessageContaining("1.5")
			.hasMessageContaining("not a 64-bit integer");
		assertThat(encodingFails(new BigCount(BigInteger.TWO.pow(63))).path()).isEqualTo("count");
		assertSameWire(this.codec.toWireJson(new DecimalCount(new BigDecimal("12.000"))), "{'count':" + int64(12) + "}");
	}

	@Test
	void convexInt64GoesOutAsInt64AndComesBack() {
		List<ConvexInt64> values = List.of(ConvexInt64.of(Long.MIN_VALUE), ConvexInt64.of(Long.MAX_VALUE),
				ConvexInt64.of(0), ConvexInt64.of(1_234_567_890_123L));
		String wire = this.codec.toWireJson(values);
		assertSameWire(wire, "[{'$integer':'AAAAAAAAAIA='},{'$integer':'/////////38='},{'$integer':'AAAAAAAAAAA='},"
				+ "{'$integer':'ywT7cR8BAAA='}]");
		List<ConvexInt64> decoded = this.codec.fromWireJson(wire, new TypeReference<List<ConvexInt64>>() {
		}.getType());
		assertThat(decoded).isEqualTo(values);
		assertThat((ConvexInt64) decode("42", ConvexInt64.class)).isEqualTo(ConvexInt64.of(42));
	}

	// ---- bytes, strings, enums, collections

	@Test
	void byteArraysTravelAsBytes() {
		assertSameWire(this.codec.toWireJson(new Blob(new byte[] { 0, -1, 16, -128, 127 })), "{'data':{'$bytes':'AP8QgH8='}}");
		assertSameWire(this.codec.toWireJson(new Blob(new byte[0])), "{'data':{'$bytes':''}}");
	}

	@Test
	void enumsGoOutAsTheirNamesAlsoAsMapKeys() {
		Map<Color, Integer> counts = new EnumMap<>(Color.class);
		counts.put(Color.GREEN, 2);
		assertSameWire(this.codec.toWireJson(new Paint(Color.RED, counts)), "{'color':'RED','counts':{'GREEN':2}}");
	}

	@Test
	void stringsGoOutAsTheyAre() {
		assertSameWire(this.codec.toWireJson(List.of("", "héllo ✓", "📧🚀", "a\"b\\c\n\t\u0001", "$integer")),
				"[\"\",\"héllo ✓\",\"📧🚀\",\"a\\\"b\\\\c\\n\\t\\u0001\",\"$integer\"]");
	}

	@Test
	void nestedCollectionsFollowTheSameRules() {
		Map<String, Object> meta = new LinkedHashMap<>();
		meta.put("grid", List.of(List.of(1.5, Double.NaN), List.of()));
		meta.put("tags", new LinkedHashSet<>(List.of("a", "b")));
		meta.put("inner", Map.of("id", ConvexInt64.of(3), "raw", new byte[] { 1, 2, 3 }));
		assertSameWire(this.codec.toWireJson(meta), "{'grid':[[1.5," + NAN + "],[]],'tags':['a','b'],"
				+ "'inner':{'id':" + int64(3) + ",'raw':{'$bytes':'AQID'}}}");
	}

	@Test
	void longAndDoubleArraysGoOutElementByElement() {
		assertSameWire(this.codec.toWireJson(new Series(new long[] { 1, TWO_TO_53 }, new double[] { 1.5, Double.NaN, -0.0 })),
				"{'counts':[1,9007199254740992],'values':[1.5," + NAN + "," + NEGATIVE_ZERO + "]}");
		assertThat(encodingFails(new Series(new long[] { 1, TWO_TO_53 + 1 }, new double[0])).path())
			.isEqualTo("counts[1]");
	}

	@Test
	void theConformanceNestedObjectIsWhatTheOfficialEncoderSends() {
		Args args = new Args(new Order(List.of(new Item("A-1", 2, 19.99)), new Meta(new byte[] { 1, 2, 3 }, List.of("a", "b")),
				false));
		assertSameWire(this.codec.toWireJson(args), "{'order':{'items':[{'price':19.99,'qty':{'$integer':'AgAAAAAAAAA='},"
				+ "'sku':'A-1'}],'meta':{'raw':{'$bytes':'AQID'},'tags':['a','b']},'paid':false}}");
	}

	// ---- absent, null and field names

	@Test
	void nullRecordFieldAndEmptyOptionalAreLeftOut() {
		assertSameWire(this.codec.toWireJson(new Profile("Ada", null, Optional.empty(), OptionalLong.empty(),
				OptionalDouble.empty(), OptionalInt.empty())), "{'name':'Ada'}");
	}

	@Test
	void presentOptionalsGoOutAsTheirValueWithTheNumberRules() {
		assertSameWire(this.codec.toWireJson(new Profile("Ada", "Lovelace", Optional.of("hi"), OptionalLong.of(TWO_TO_53),
				OptionalDouble.of(Double.NaN), OptionalInt.of(3))),
				"{'name':'Ada','surname':'Lovelace','note':'hi','visits':9007199254740992,'score':" + NAN
						+ ",'rank':3}");
		ConvexValueException ex = encodingFails(new Profile("Ada", null, Optional.empty(),
				OptionalLong.of(TWO_TO_53 + 1), OptionalDouble.empty(), OptionalInt.empty()));
		assertThat(ex.path()).isEqualTo("visits");
	}

	@Test
	void jsonIncludeAlwaysSendsAnExplicitNull() {
		assertSameWire(this.codec.toWireJson(new Patch(null, null)), "{'clearedAt':null}");
	}

	@Test
	void nullMapValueAndNullListElementAreSentAsNull() {
		Map<String, @Nullable Object> map = new LinkedHashMap<>();
		map.put("a", null);
		map.put("b", 1);
		List<@Nullable Object> list = new ArrayList<>(Arrays.asList(null, "x"));
		assertSameWire(this.codec.toWireJson(map), "{'a':null,'b':1}");
		assertSameWire(this.codec.toWireJson(new Wrapper(map, list)), "{'map':{'a':null,'b':1},'list':[null,'x']}");
		assertSameWire(this.codec.toWireJson(null), "null");
	}

	@Test
	void recordFieldNameStartingWithDollarIsRefusedBeforeAnythingIsWritten() {
		ConvexValueException ex = encodingFails(new Dollar(1));
		assertThat(ex.problem()).isEqualTo(Problem.UNENCODABLE);
		assertThat(ex).hasMessageContaining("Field name $id starts with a '$', which is reserved.");
		StringWriter written = new StringWriter();
		try (JsonGenerator generator = this.codec.mapper().createGenerator(written)) {
			try {
				this.codec.write(generator, new Dollar(1));
			}
			catch (ConvexValueException expected) {
				// refused: nothing may have been written
			}
		}
		assertThat(written.toString()).isEmpty();
	}

	@Test
	void mapKeyStartingWithDollarOrHoldingAControlOrNonAsciiCharacterIsRefused() {
		assertThat(encodingFails(Map.of("$weird", 1))).hasMessageContaining("starts with a '$'");
		assertThat(encodingFails(new Wrapper(Map.of("ok", Map.of("a\u0001b", 1)), List.of())))
			.hasMessageContaining("Field names can only contain non-control ASCII characters");
		assertThat(encodingFails(Map.of("é", 1))).hasMessageContaining("non-control ASCII");
		assertThat(encodingFails(Map.of("x".repeat(1025), 1))).hasMessageContaining("longer than 1024");
		assertSameWire(this.codec.toWireJson(Map.of("a$b", 1, "_id", 2)), "{'a$b':1,'_id':2}");
	}

	// ---- beans

	@Test
	void beanPropertiesFollowTheSameRulesAsRecords() {
		Customer customer = new Customer();
		customer.setName("Ada");
		customer.setCreatedAt(1_700_000_000_000L);
		customer.setReferrerId(TWO_TO_53 + 1);
		assertSameWire(this.codec.toWireJson(customer),
				"{'name':'Ada','createdAt':1700000000000,'referrerId':" + int64(TWO_TO_53 + 1) + "}");
		customer.setCreatedAt(TWO_TO_53 + 1);
		assertThat(encodingFails(customer).path()).isEqualTo("createdAt");
	}

	@Test
	void beanIsReadWithTheSameRules() {
		Customer customer = decode("{'name':'Ada','createdAt':1700000000000,'referrerId':" + int64(7) + "}",
				Customer.class);
		assertThat(customer.getName()).isEqualTo("Ada");
		assertThat(customer.getCreatedAt()).isEqualTo(1_700_000_000_000L);
		assertThat(customer.getReferrerId()).isEqualTo(7L);
		assertThat(customer.getNickname()).isNull();
		assertThat(decodingFails("{'createdAt':null}", Customer.class).path()).isEqualTo("createdAt");
		assertThat(decodingFails("{'createdAt':1.5}", Customer.class).path()).isEqualTo("createdAt");
	}

	// ---- JsonNode arguments

	@Test
	void jsonNodeArgumentsFollowTheNumberRulesAndInt64NodeIsInt64() {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		ObjectNode args = nodes.objectNode();
		args.put("int", 5);
		args.put("long", TWO_TO_53);
		args.set("id", new Int64Node(TWO_TO_53 + 1));
		args.put("nan", Double.NaN);
		args.put("raw", new byte[] { 1, 2, 3 });
		args.putNull("none");
		args.putArray("list").add(1.5).add(new Int64Node(-1)).add("s");
		assertSameWire(this.codec.toWireJson(args), "{'int':5,'long':9007199254740992,'id':" + int64(TWO_TO_53 + 1)
				+ ",'nan':" + NAN + ",'raw':{'$bytes':'AQID'},'none':null,'list':[1.5," + int64(-1) + ",'s']}");
	}

	@Test
	void jsonNodeArgumentIsRefusedWhereARecordWouldBe() {
		ObjectNode args = JsonNodeFactory.instance.objectNode();
		args.putObject("order").putArray("items").addObject().put("qty", TWO_TO_53 + 1);
		assertThat(encodingFails(args).path()).isEqualTo("order.items[0].qty");
		ObjectNode dollar = JsonNodeFactory.instance.objectNode();
		dollar.putObject("inner").put("$bad", 1);
		assertThat(encodingFails(dollar)).hasMessageContaining("Field name $bad starts with a '$'");
	}

	// ---- the application's mapper

	@Test
	void applicationNamingStrategyCarriesOverWhileTheConvexRulesStillApply() {
		JsonMapper app = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
		ConvexCodec snake = ConvexCodec.create(app);
		Signup signup = new Signup("Ada", TWO_TO_53 + 1, 1_700_000_000_000L, null, new byte[] { 1 });
		String wire = snake.toWireJson(signup);
		assertSameWire(wire, "{'first_name':'Ada','user_id':" + int64(TWO_TO_53 + 1)
				+ ",'created_at':1700000000000,'avatar_bytes':{'$bytes':'AQ=='}}");
		Signup decoded = snake.fromWireJson(wire, Signup.class);
		assertThat(decoded).usingRecursiveComparison(exactly()).isEqualTo(signup);
		ConvexValueException ex = encodingFails(snake, new Signup("Ada", 1, TWO_TO_53 + 1, null, null));
		assertThat(ex.path()).isEqualTo("created_at");
		assertThat(app.writeValueAsString(new Signup("Ada", 1, 2, null, null))).as("the app mapper is unchanged")
			.isEqualTo("{\"first_name\":\"Ada\",\"user_id\":1,\"created_at\":2,\"middle_name\":null,\"avatar_bytes\":null}");
	}

	@Test
	void applicationModulesCarryOver() {
		SimpleModule money = new SimpleModule().addSerializer(Money.class, new ValueSerializer<Money>() {
			@Override
			public void serialize(Money value, JsonGenerator gen, SerializationContext ctxt) {
				gen.writeString(value.cents() + " " + value.currency());
			}
		});
		ConvexCodec withMoney = ConvexCodec.create(JsonMapper.builder().addModule(money).build());
		assertSameWire(withMoney.toWireJson(Map.of("price", new Money(1999, "EUR"))), "{'price':'1999 EUR'}");
	}

	@Test
	void applicationSettingsThatWouldChangeTheWireFormDoNotCarryOver() {
		JsonMapper app = JsonMapper.builder()
			.enable(JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS)
			.enable(tools.jackson.databind.SerializationFeature.WRAP_ROOT_VALUE)
			.build();
		ConvexCodec fromApp = ConvexCodec.create(app);
		String wire = fromApp.toWireJson(new Event("signup", 42));
		assertThat(wire).isEqualTo("{\"name\":\"signup\",\"createdAt\":42}");
	}

	// ---- numbers coming in

	@Test
	void int64DecodesIntoLongBoxedLongBigIntegerAndIntInRange() {
		Ids ids = decode("{'id':" + int64(TWO_TO_53 + 1) + ",'boxed':" + int64(Long.MIN_VALUE) + ",'big':"
				+ int64(Long.MAX_VALUE) + ",'small':" + int64(-2_147_483_648L) + "}", Ids.class);
		assertThat(ids).isEqualTo(new Ids(TWO_TO_53 + 1, Long.MIN_VALUE, BigInteger.valueOf(Long.MAX_VALUE), Integer.MIN_VALUE));
		ConvexValueException ex = decodingFails("{'id':1,'boxed':1,'big':1,'small':" + int64(2_147_483_648L) + "}",
				Ids.class);
		assertThat(ex.problem()).isEqualTo(Problem.TYPE_MISMATCH);
		assertThat(ex.path()).isEqualTo("small");
		assertThat(ex).hasMessageContaining("2147483648 is out of range for int");
	}

	@Test
	void float64DecodesIntoAnIntegralTypeOnlyWhenExact() {
		Ids ids = decode("{'id':1700000000000,'boxed':-3,'big':1e20,'small':42.0}", Ids.class);
		assertThat(ids).isEqualTo(new Ids(1_700_000_000_000L, -3L, new BigInteger("100000000000000000000"), 42));
		ConvexValueException ex = decodingFails("{'id':1.5,'boxed':1,'big':1,'small':1}", Ids.class);
		assertThat(ex.path()).isEqualTo("id");
		assertThat(ex).hasMessageContaining("float64 1.5 is not an integer");
		assertThat(decodingFails("1.5", int.class).reason()).contains("not an integer");
		assertThat(decodingFails(NAN, long.class).reason()).contains("not an integer");
		assertThat(decodingFails(POSITIVE_INFINITY, BigInteger.class).reason()).contains("not an integer");
	}

	@Test
	void float64TwoToThe40IntoIntIsAnOutOfRangeError() {
		ConvexValueException ex = decodingFails("1099511627776", int.class);
		assertThat(ex.problem()).isEqualTo(Problem.TYPE_MISMATCH);
		assertThat(ex).hasMessageContaining("1099511627776 is out of range for int");
		assertThat((Long) decode("1099511627776", long.class)).isEqualTo(1L << 40);
	}

	@Test
	void int64BeyondTwoToThe53IntoDoubleIsRefused() {
		ConvexValueException ex = decodingFails("{'value':" + int64(TWO_TO_53 + 1) + "}", Measure.class);
		assertThat(ex.path()).isEqualTo("value");
		assertThat(ex).hasMessageContaining("int64 9007199254740993 cannot be read as a Java double without rounding");
		assertThat(decodingFails(int64(TWO_TO_53 + 1), Double.class).problem()).isEqualTo(Problem.TYPE_MISMATCH);
		assertThat((Double) decode(int64(TWO_TO_53), double.class)).isEqualTo(9007199254740992.0);
	}

	@Test
	void negativeZeroIntoAnIntegralTypeIsZero() {
		// Math.round(-0.4) is -0 in JavaScript: the integer it stands for is 0
		assertThat((Long) decode(NEGATIVE_ZERO, long.class)).isZero();
	}

	@Test
	void primitiveResultFieldReceivingNullOrAbsentIsAnError() {
		ConvexValueException ex = decodingFails("{'value':null}", Measure.class);
		assertThat(ex.problem()).isEqualTo(Problem.TYPE_MISMATCH);
		assertThat(ex.path()).isEqualTo("value");
		assertThat(ex).hasMessageContaining("cannot be read as a Java double");
		assertThat(decodingFails("{}", Event.class).path()).isEqualTo("createdAt");
		assertThat(decodingFails("{'name':'x','createdAt':null}", Event.class)).hasMessageContaining("declare Long");
		assertThat(decodingFails("null", long.class).problem()).isEqualTo(Problem.TYPE_MISMATCH);
	}

	@Test
	void boxedResultFieldReceivingNullOrAbsentIsNull() {
		assertThat((Ids) decode("{'id':1,'big':null,'small':0}", Ids.class)).isEqualTo(new Ids(1, null, null, 0));
	}

	@Test
	void specialFloatsDecodeIntoDouble() {
		Limits limits = decode("{'score':" + NAN + ",'limit':" + POSITIVE_INFINITY + ",'delta':" + NEGATIVE_ZERO
				+ ",'floor':" + NEGATIVE_INFINITY + "}", Limits.class);
		assertThat(limits.score()).isNaN();
		assertThat(limits.limit()).isEqualTo(Double.POSITIVE_INFINITY);
		assertThat(Double.doubleToRawLongBits(limits.delta())).isEqualTo(Double.doubleToRawLongBits(-0.0));
		assertThat(limits.floor()).isEqualTo(Float.NEGATIVE_INFINITY);
	}

	@Test
	void errorPathNamesTheFieldInNestedResults() {
		ConvexValueException ex = decodingFails("{'order':{'items':[{'sku':'A-1','qty':" + int64(1) + ",'price':1},"
				+ "{'sku':'A-2','qty':2.5,'price':1}],'paid':true}}", Args.class);
		assertThat(ex.path()).isEqualTo("order.items[1].qty");
		assertThat(ex).hasMessageStartingWith("order.items[1].qty: ");
	}

	@Test
	void nestedRecordsAndCollectionsDecode() {
		Args args = decode("{'order':{'items':[{'price':19.99,'qty':{'$integer':'AgAAAAAAAAA='},'sku':'A-1'}],"
				+ "'meta':{'raw':{'$bytes':'AQID'},'tags':['a','b']},'paid':false},'extra':1}", Args.class);
		assertThat(args).usingRecursiveComparison(exactly())
			.isEqualTo(new Args(new Order(List.of(new Item("A-1", 2, 19.99)), new Meta(new byte[] { 1, 2, 3 },
					List.of("a", "b")), false)));
		Map<String, List<Long>> grouped = this.codec.fromWireJson("{\"a\":[1,{\"$integer\":\"AgAAAAAAAAA=\"}]}",
				new TypeReference<Map<String, List<Long>>>() {
				}.getType());
		assertThat(grouped).isEqualTo(Map.of("a", List.of(1L, 2L)));
	}

	@Test
	void primitiveArraysDecodeExactly() {
		Series series = decode("{'counts':[1," + int64(TWO_TO_53 + 1) + "],'values':[1.5," + NAN + "," + int64(3) + "]}",
				Series.class);
		assertThat(series.counts()).containsExactly(1L, TWO_TO_53 + 1);
		assertThat(series.values()).containsExactly(1.5, Double.NaN, 3.0);
		assertThat(decodingFails("{'counts':[1,1.5],'values':[]}", Series.class).path()).isEqualTo("counts[1]");
		assertThat(decodingFails("{'counts':[],'values':[" + int64(TWO_TO_53 + 1) + "]}", Series.class).path())
			.isEqualTo("values[0]");
		assertThat(decodingFails("[1,null]", long[].class).path()).isEqualTo("[1]");
		assertThat(decodingFails("[1099511627776]", int[].class).reason()).contains("out of range for int");
	}

	@Test
	void optionalResultFieldsAreEmptyWhenAbsentOrNull() {
		Profile absent = decode("{'name':'Ada'}", Profile.class);
		assertThat(absent).isEqualTo(new Profile("Ada", null, Optional.empty(), OptionalLong.empty(),
				OptionalDouble.empty(), OptionalInt.empty()));
		Profile nulls = decode("{'name':'Ada','note':null,'visits':null,'score':null,'rank':null}", Profile.class);
		assertThat(nulls).isEqualTo(absent);
		Profile present = decode("{'name':'Ada','note':'hi','visits':" + int64(TWO_TO_53 + 1) + ",'score':" + NAN
				+ ",'rank':3}", Profile.class);
		assertThat(present.note()).contains("hi");
		assertThat(present.visits()).hasValue(TWO_TO_53 + 1);
		assertThat(present.score().getAsDouble()).isNaN();
		assertThat(present.rank()).hasValue(3);
		assertThat(decodingFails("{'name':'Ada','visits':1.5}", Profile.class).path()).isEqualTo("visits");
	}

	// ---- untyped targets

	@Test
	void untypedObjectGetsLongDoubleAndByteArrayNotTheWrapper() {
		Object decoded = decode("{'id':" + int64(TWO_TO_53 + 1) + ",'n':42,'x':1.5,'nan':" + NAN + ",'raw':{'$bytes':'AQID'},"
				+ "'list':[" + int64(1) + ",2],'none':null,'s':'$integer','t':true}", Object.class);
		Map<String, Object> expected = new LinkedHashMap<>();
		expected.put("id", TWO_TO_53 + 1);
		expected.put("n", 42.0);
		expected.put("x", 1.5);
		expected.put("nan", Double.NaN);
		expected.put("raw", new byte[] { 1, 2, 3 });
		expected.put("list", List.of(1L, 2.0));
		expected.put("none", null);
		expected.put("s", "$integer");
		expected.put("t", true);
		assertThat(decoded).usingRecursiveComparison(exactly()).isEqualTo(expected);
		assertThat(((Map<?, ?>) decoded).get("id")).isInstanceOf(Long.class);
		assertThat(((Map<?, ?>) decoded).get("n")).isInstanceOf(Double.class);
	}

	@Test
	void untypedMapAndObjectFieldGetTheSameJavaTypes() {
		Map<String, Object> map = this.codec.fromWireJson("{\"a\":{\"$integer\":\"AQAAAAAAAAA=\"},\"b\":1,"
				+ "\"c\":{\"$bytes\":\"AQ==\"}}", new TypeReference<Map<String, Object>>() {
				}.getType());
		assertThat(map.get("a")).isEqualTo(1L);
		assertThat(map.get("b")).isEqualTo(1.0);
		assertThat((byte[]) map.get("c")).containsExactly(1);
		Anything anything = decode("{'value':" + int64(-1) + "}", Anything.class);
		assertThat(anything.value()).isEqualTo(-1L);
		assertThat((Object) decode("5", Number.class)).isEqualTo(5.0);
	}

	@Test
	void jsonNodeTargetGetsInt64NodeDoubleNodeAndBinaryNode() {
		JsonNode tree = decode("{'id':" + int64(TWO_TO_53 + 1) + ",'n':42,'nan':" + NAN + ",'raw':{'$bytes':'AQID'},"
				+ "'list':[" + int64(1) + "]}", JsonNode.class);
		assertThat(tree.get("id")).isInstanceOf(Int64Node.class);
		assertThat(tree.get("id").longValue()).isEqualTo(TWO_TO_53 + 1);
		assertThat(tree.get("n")).isEqualTo(DoubleNode.valueOf(42.0));
		assertThat(tree.get("nan").doubleValue()).isNaN();
		assertThat(tree.get("raw")).isEqualTo(BinaryNode.valueOf(new byte[] { 1, 2, 3 }));
		assertThat(tree.get("list").get(0)).isInstanceOf(Int64Node.class);
		Envelope envelope = decode("{'data':{'id':" + int64(7) + "}}", Envelope.class);
		assertThat(envelope.data().get("id")).isInstanceOf(Int64Node.class);
	}

	@Test
	void decodedTreeEncodesBackToTheSameWireValue() {
		String wire = "{'id':" + int64(TWO_TO_53 + 1) + ",'n':42,'x':-273.15,'neg':" + NEGATIVE_ZERO + ",'raw':"
				+ "{'$bytes':'AP8='},'nested':{'list':[" + int64(-1) + ",null,'s',[],{}]}}";
		JsonNode tree = this.codec.treeFromWireJson(wire.replace('\'', '"'));
		assertSameWire(this.codec.toWireJson(tree), wire);
		JsonNode typedTree = decode(wire, JsonNode.class);
		assertSameWire(this.codec.toWireJson(typedTree), wire);
	}

	@Test
	void decodedTreeConvertsToATypedValue() {
		JsonNode tree = this.codec.treeFromWireJson("{\"order\":{\"items\":[{\"sku\":\"A-1\",\"qty\":{\"$integer\":"
				+ "\"AgAAAAAAAAA=\"},\"price\":19.99}],\"paid\":true},\"data\":{\"id\":{\"$integer\":\"AQAAAAAAAAA=\"}}}");
		Args args = this.codec.convert(tree, Args.class);
		assertThat(args.order().items()).containsExactly(new Item("A-1", 2, 19.99));
		Envelope envelope = this.codec.convert(tree, Envelope.class);
		assertThat(envelope.data().get("id")).isInstanceOf(Int64Node.class);
		ConvexValueException ex = catchValueException(() -> this.codec.convert(this.codec.treeFromWireJson("{\"qty\":1.5}"), Item.class));
		assertThat(ex).isNotNull();
		assertThat(ex.path()).isEqualTo("qty");
	}

	// ---- no silent conversion between Convex types

	@Test
	void bytesDecodeIntoByteArrayButAStringOrArrayDoesNot() {
		assertThat(((Blob) decode("{'data':{'$bytes':'AP8QgH8='}}", Blob.class)).data()).containsExactly(0, -1, 16, -128,
				127);
		assertThat(decodingFails("{'data':'AQID'}", Blob.class)).hasMessageContaining("takes only Convex bytes");
		assertThat(decodingFails("{'data':[1,2]}", Blob.class).path()).isEqualTo("data");
	}

	@Test
	void stringTargetTakesOnlyAConvexString() {
		assertThat((String) decode("'$integer'", String.class)).isEqualTo("$integer");
		assertThat(decodingFails("{'name':42,'createdAt':1}", Event.class)).hasMessageContaining("not a float64");
		assertThat(decodingFails("{'name':true,'createdAt':1}", Event.class)).hasMessageContaining("not a boolean");
		assertThat(decodingFails("{'name':{'$bytes':'AQID'},'createdAt':1}", Event.class))
			.hasMessageContaining("not bytes");
		assertThat(decodingFails("['a'," + int64(1) + "]", String[].class).path()).isEqualTo("[1]");
	}

	@Test
	void enumsAndBooleansAreReadOnlyFromTheirOwnConvexType() {
		assertThat(((Paint) decode("{'color':'GREEN'}", Paint.class)).color()).isEqualTo(Color.GREEN);
		assertThat(decodingFails("{'color':" + int64(0) + "}", Paint.class).path()).isEqualTo("color");
		assertThat(decodingFails("{'color':0}", Paint.class).path()).isEqualTo("color");
		assertThat(decodingFails(int64(1), Boolean.class).problem()).isEqualTo(Problem.TYPE_MISMATCH);
		assertThat(decodingFails("1", boolean.class).problem()).isEqualTo(Problem.TYPE_MISMATCH);
		assertThat(decodingFails("'5'", int.class).problem()).isEqualTo(Problem.TYPE_MISMATCH);
	}

	@Test
	void malformedWireIsReportedAsMalformedWithItsPath() {
		ConvexValueException ex = decodingFails("{'order':{'items':[{'qty':{'$integer':'AAAAAAAAAA=='}}]}}", Args.class);
		assertThat(ex.problem()).isEqualTo(Problem.MALFORMED);
		assertThat(ex.path()).isEqualTo("order.items[0].qty");
		assertThat(ex).hasMessageContaining("Received 7 bytes, expected 8 for $integer");
	}

	// ---- helpers

	private <T> T decode(String wire, Class<T> type) {
		return this.codec.fromWireJson(wire.replace('\'', '"'), type);
	}

	private ConvexValueException decodingFails(String wire, Class<?> type) {
		ConvexValueException ex = catchValueException(() -> this.codec.fromWireJson(wire.replace('\'', '"'), type));
		assertThat(ex).as("decoding %s as %s", wire, type.getSimpleName()).isNotNull();
		return ex;
	}

	private ConvexValueException encodingFails(@Nullable Object value) {
		return encodingFails(this.codec, value);
	}

	private static ConvexValueException encodingFails(ConvexCodec codec, @Nullable Object value) {
		ConvexValueException ex = catchValueException(() -> codec.toWireJson(value));
		assertThat(ex).as("encoding %s", value).isNotNull();
		return ex;
	}

	private static @Nullable ConvexValueException catchValueException(Runnable action) {
		try {
			action.run();
			return null;
		}
		catch (ConvexValueException ex) {
			return ex;
		}
	}

	/**
	 * Recursive comparison with doubles and floats compared exactly (AssertJ's default allows
	 * a difference of 1e-15), NaN equal to NaN, -0 unequal to 0.
	 */
	static RecursiveComparisonConfiguration exactly() {
		return RecursiveComparisonConfiguration.builder()
			.withComparatorForType(Double::compare, Double.class)
			.withComparatorForType(Float::compare, Float.class)
			.build();
	}

	/**
	 * The expected {@code $integer} object, computed without the codec: 8 little-endian bytes.
	 */
	static String int64(long value) {
		byte[] bytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
		return "{'$integer':'" + Base64.getEncoder().encodeToString(bytes) + "'}";
	}

	// ---- the Java types

	enum Color {

		RED, GREEN

	}

	record Reading(int count, long createdAt, double ratio, Integer boxed, short small, float single, BigDecimal price) {
	}

	record Event(String name, long createdAt) {
	}

	record Holder(Object value) {
	}

	record Measure(double value) {
	}

	record Limits(double score, Double limit, double delta, float floor) {
	}

	record Counters(@Int64 long total, @Int64 @Nullable Long delta, @Int64 BigInteger lowest, @Int64 List<Long> ids,
			long plain) {
	}

	record Int64Containers(@Int64 long[] longs, @Int64 int[] ints, @Int64 Map<String, Long> byKey,
			@Int64 Optional<Long> maybe, @Int64 OptionalLong optionalLong) {
	}

	record DecimalCount(@Int64 BigDecimal count) {
	}

	record BigCount(@Int64 BigInteger count) {
	}

	record Blob(byte[] data) {
	}

	record Paint(Color color, @Nullable Map<Color, Integer> counts) {
	}

	record Series(long[] counts, double[] values) {
	}

	record Item(String sku, @Int64 long qty, double price) {
	}

	record Meta(byte[] raw, List<String> tags) {
	}

	record Order(List<Item> items, @Nullable Meta meta, boolean paid) {
	}

	record Args(Order order) {
	}

	record CartItem(String sku, long qty) {
	}

	record CartOrder(List<CartItem> items) {
	}

	record Cart(CartOrder order) {
	}

	record Profile(String name, @Nullable String surname, Optional<String> note, OptionalLong visits,
			OptionalDouble score, OptionalInt rank) {
	}

	record Patch(@JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String clearedAt, @Nullable String reason) {
	}

	record Wrapper(Map<String, @Nullable Object> map, List<@Nullable Object> list) {
	}

	record Dollar(@JsonProperty("$id") int id) {
	}

	record Ids(long id, @Nullable Long boxed, @Nullable BigInteger big, int small) {
	}

	record Anything(Object value) {
	}

	record Envelope(JsonNode data) {
	}

	record Signup(String firstName, @Int64 long userId, long createdAt, @Nullable String middleName,
			byte @Nullable [] avatarBytes) {
	}

	record Money(long cents, String currency) {
	}

	static class Customer {

		private @Nullable String name;

		private long createdAt;

		private @Nullable String nickname;

		@Int64
		private @Nullable Long referrerId;

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public long getCreatedAt() {
			return this.createdAt;
		}

		public void setCreatedAt(long createdAt) {
			this.createdAt = createdAt;
		}

		public @Nullable String getNickname() {
			return this.nickname;
		}

		public void setNickname(@Nullable String nickname) {
			this.nickname = nickname;
		}

		public @Nullable Long getReferrerId() {
			return this.referrerId;
		}

		public void setReferrerId(@Nullable Long referrerId) {
			this.referrerId = referrerId;
		}

	}

}
