package io.convexspring.codec;

import java.math.BigInteger;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Jackson 3 module for Convex values: Java numbers as float64 (refusing what float64 cannot hold
 * exactly), {@link ConvexInt64} and {@link Int64 @Int64} fields as int64, {@code byte[]} as
 * bytes, checked field names, exact integral and floating-point reads, and no silent
 * conversion between Convex types on the way in (a float64 is no {@code String}, a string no
 * {@code byte[]}); records and other creator constructors are called directly
 * ({@link ConstructorInstantiators}).
 *
 * <p>The module writes the wire form; it needs {@link ConvexCodec} to read it, since reading
 * first turns {@code $integer}, {@code $float} and {@code $bytes} into plain tokens.
 */
public final class ConvexValueModule extends SimpleModule {

	/**
	 * Creates the module.
	 */
	public ConvexValueModule() {
		super("ConvexValueModule");
		for (Class<?> type : new Class<?>[] { Number.class, long.class, int.class, short.class, byte.class,
				double.class, float.class }) {
			serializer(type, Float64Serializer.INSTANCE);
		}
		for (Class<?> type : new Class<?>[] { long[].class, int[].class, short[].class, double[].class,
				float[].class }) {
			serializer(type, NumberArraySerializer.FLOAT64);
		}
		for (Class<?> type : new Class<?>[] { OptionalLong.class, OptionalInt.class, OptionalDouble.class }) {
			serializer(type, OptionalNumberSerializer.FLOAT64);
		}
		serializer(byte[].class, BytesSerializer.INSTANCE);
		serializer(ConvexInt64.class, Int64Serializer.INSTANCE);
		serializer(JsonNode.class, JsonNodeSerializer.INSTANCE);
		addKeySerializer(Object.class, FieldNameSerializer.INSTANCE);
		addKeySerializer(String.class, FieldNameSerializer.INSTANCE);
		setSerializerModifier(new FieldNameCheck());

		integral(Long.class, long.class, Long.MIN_VALUE, Long.MAX_VALUE);
		integral(Integer.class, int.class, Integer.MIN_VALUE, Integer.MAX_VALUE);
		integral(Short.class, short.class, Short.MIN_VALUE, Short.MAX_VALUE);
		integral(Byte.class, byte.class, Byte.MIN_VALUE, Byte.MAX_VALUE);
		deserializer(BigInteger.class, new IntegralDeserializer(BigInteger.class, Long.MIN_VALUE, Long.MAX_VALUE));
		for (Class<?> type : new Class<?>[] { Double.class, double.class, Float.class, float.class }) {
			deserializer(type, new Float64Deserializer(type));
		}
		deserializer(long[].class, new NumberArrayDeserializer(long[].class,
				new IntegralDeserializer(long.class, Long.MIN_VALUE, Long.MAX_VALUE)));
		deserializer(int[].class, new NumberArrayDeserializer(int[].class,
				new IntegralDeserializer(int.class, Integer.MIN_VALUE, Integer.MAX_VALUE)));
		deserializer(short[].class, new NumberArrayDeserializer(short[].class,
				new IntegralDeserializer(short.class, Short.MIN_VALUE, Short.MAX_VALUE)));
		deserializer(double[].class, new NumberArrayDeserializer(double[].class, new Float64Deserializer(double.class)));
		deserializer(float[].class, new NumberArrayDeserializer(float[].class, new Float64Deserializer(float.class)));
		for (Class<?> type : new Class<?>[] { OptionalLong.class, OptionalInt.class, OptionalDouble.class }) {
			deserializer(type, new OptionalNumberDeserializer(type));
		}
		deserializer(byte[].class, new BytesDeserializer());
		deserializer(String.class, new StringValueDeserializer());
		deserializer(ConvexInt64.class, new ConvexInt64Deserializer());
	}

	@Override
	public void setupModule(SetupContext context) {
		super.setupModule(context);
		context.addValueInstantiators(new ConstructorInstantiators());
	}

	private void integral(Class<?> boxed, Class<?> primitive, long min, long max) {
		deserializer(boxed, new IntegralDeserializer(boxed, min, max));
		deserializer(primitive, new IntegralDeserializer(primitive, min, max));
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private void serializer(Class<?> type, ValueSerializer<?> serializer) {
		addSerializer((Class) type, (ValueSerializer) serializer);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private void deserializer(Class<?> type, ValueDeserializer<?> deserializer) {
		addDeserializer((Class) type, (ValueDeserializer) deserializer);
	}

}
