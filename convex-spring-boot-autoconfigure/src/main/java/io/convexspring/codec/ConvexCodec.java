package io.convexspring.codec;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import io.convexspring.codec.ConvexValueException.Problem;

/**
 * Encodes Java values to Convex's lossless {@code convex_encoded_json} and decodes them back,
 * on a {@link JsonMapper} derived once from the given one (its modules, mix-ins and naming
 * strategy carry over; the auto-configuration gives it a mapper of the starter's own, not the
 * application's) with the {@link ConvexValueModule} added.
 *
 * <p>Encoding writes straight to the caller's {@link JsonGenerator}. Decoding reads the
 * encoded value in one pass, checking every rule of the encoding, then binds it to the
 * requested type. Readers are cached per type. Thread-safe.
 */
public final class ConvexCodec {

	/** Decoded trees, and {@code JsonNode} parts of decoded values, hold int64 as Int64Node. */
	private static final Int64NodeFactory NODES = new Int64NodeFactory();

	private static final JavaType NODE_TYPE = tools.jackson.databind.type.TypeFactory.createDefaultInstance()
		.constructType(JsonNode.class);

	private final JsonMapper mapper;

	private final ObjectWriter writer;

	private final ObjectReader treeReader;

	private final Map<JavaType, ObjectReader> readers = new ConcurrentHashMap<>();

	private final Map<Type, JavaType> types = new ConcurrentHashMap<>();

	private ConvexCodec(JsonMapper mapper) {
		this.mapper = mapper;
		this.writer = mapper.writer();
		this.treeReader = mapper.reader().with(NODES);
	}

	/**
	 * Creates a codec on a default {@link JsonMapper}.
	 * @return the codec
	 */
	public static ConvexCodec create() {
		return create(JsonMapper.builder().build());
	}

	/**
	 * Creates a codec on a copy of the given mapper, with the settings the encoding needs: the
	 * {@link ConvexValueModule}, absent ({@code null} or empty {@code Optional}) properties
	 * left out, unknown result fields ignored, untyped integers read as {@code Long} and
	 * untyped floats as {@code Double}, no int64 read as a {@code boolean} or an enum, and none
	 * of the mapper's settings that would change the wire form (numbers written as strings,
	 * root values wrapped).
	 * @param base the application's mapper; it is not changed
	 * @return the codec
	 */
	public static ConvexCodec create(JsonMapper base) {
		JsonMapper mapper = base.rebuild()
			.addModule(new ConvexValueModule())
			.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_ABSENT))
			.enable(DeserializationFeature.USE_LONG_FOR_INTS)
			.disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.USE_BIG_INTEGER_FOR_INTS,
					DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS, SerializationFeature.INDENT_OUTPUT,
					SerializationFeature.WRAP_ROOT_VALUE)
			.disable(DeserializationFeature.UNWRAP_ROOT_VALUE)
			// WireParser ends each value itself; a nested read (readValueAs in a custom
			// deserializer) must not look past its own value for trailing tokens
			.disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.disable(JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS)
			.withCoercionConfig(LogicalType.Boolean, (config) -> config.setCoercion(CoercionInputShape.Integer,
					CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Enum, (config) -> config.setCoercion(CoercionInputShape.Integer,
					CoercionAction.Fail))
			.build();
		return new ConvexCodec(mapper);
	}

	/**
	 * Returns the mapper this codec uses, for creating parsers and generators.
	 * @return the mapper
	 */
	public JsonMapper mapper() {
		return this.mapper;
	}

	/**
	 * Resolves a Java type, once per type: calls with the same result type reuse it.
	 * @param type a class or a generic type
	 * @return the Jackson type
	 */
	public JavaType javaType(Type type) {
		return this.types.computeIfAbsent(type, this.mapper::constructType);
	}

	/**
	 * Writes a value in the Convex encoding.
	 * @param generator where to write
	 * @param value the value; {@code null} writes Convex {@code null}
	 * @throws ConvexValueException ({@link Problem#UNENCODABLE}) when Convex cannot hold the
	 * value exactly, naming where in the value
	 */
	public void write(JsonGenerator generator, @Nullable Object value) {
		try {
			this.writer.writeValue(generator, value);
		}
		catch (JacksonException ex) {
			throw new ConvexValueException(Problem.UNENCODABLE, path(ex.getPath()), ex.getOriginalMessage(), ex);
		}
		catch (IllegalArgumentException ex) {
			throw new ConvexValueException(Problem.UNENCODABLE, "", String.valueOf(ex.getMessage()), ex);
		}
	}

	/**
	 * Encodes a value to its wire JSON text.
	 * @param value the value
	 * @return the JSON text
	 * @throws ConvexValueException when Convex cannot hold the value exactly
	 */
	public String toWireJson(@Nullable Object value) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(128);
		try (JsonGenerator generator = this.mapper.createGenerator(out)) {
			write(generator, value);
		}
		return out.toString(java.nio.charset.StandardCharsets.UTF_8);
	}

	/**
	 * Reads the encoded value whose first token is the parser's current token.
	 * @param <T> the Java type
	 * @param parser the parser, on the value's first token; left on its last token
	 * @param type the Java type to bind to
	 * @return the value
	 * @throws ConvexValueException ({@link Problem#MALFORMED}) for wire data that breaks the
	 * encoding, ({@link Problem#TYPE_MISMATCH}) for a value that does not fit the type
	 */
	public <T> @Nullable T read(JsonParser parser, JavaType type) {
		ObjectReader reader = reader(type);
		try {
			// not closed: the parser goes on after the value
			return reader.readValue(new WireParser(parser, this));
		}
		catch (JacksonException ex) {
			throw readFailure(ex, type);
		}
	}

	/**
	 * Wire data that breaks the encoding, or JSON that breaks off, is malformed; a value that
	 * does not fit the type (a number out of range included) is a mismatch.
	 */
	private static ConvexValueException readFailure(JacksonException failure, JavaType type) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof MalformedWireException malformed) {
				return new ConvexValueException(Problem.MALFORMED, malformed.wirePath(), malformed.reason(), failure);
			}
			if (cause instanceof StreamConstraintsException limit) {
				// nested too deep, or a number or name too long: the data, not the type, is wrong
				return new ConvexValueException(Problem.MALFORMED, path(failure.getPath()),
						String.valueOf(limit.getOriginalMessage()), failure);
			}
			if (cause instanceof StreamReadException broken && !(cause instanceof InputCoercionException)) {
				return new ConvexValueException(Problem.MALFORMED, path(failure.getPath()),
						String.valueOf(broken.getOriginalMessage()), failure);
			}
		}
		return new ConvexValueException(Problem.TYPE_MISMATCH, path(failure.getPath()),
				"cannot be read as " + type.toCanonical() + ": " + failure.getOriginalMessage(), failure);
	}

	/**
	 * Reads the encoded value at the parser's current token as a tree of plain nodes: int64 as
	 * an {@link Int64Node}, float64 as a double node, bytes as a binary node. Written back with
	 * {@link #write}, the tree gives the same wire value: it is the lossless untyped form.
	 * @param parser the parser, on the value's first token
	 * @return the tree
	 * @throws ConvexValueException for wire data that breaks the encoding
	 */
	public JsonNode readTree(JsonParser parser) {
		try {
			return this.treeReader.readTree(new WireParser(parser, this));
		}
		catch (JacksonException ex) {
			throw readFailure(ex, NODE_TYPE);
		}
	}

	/**
	 * Decodes a wire JSON text.
	 * @param <T> the Java type
	 * @param json the wire JSON
	 * @param type the Java type to bind to
	 * @return the value
	 * @throws ConvexValueException when the text is malformed or does not fit the type
	 */
	public <T> @Nullable T fromWireJson(String json, Type type) {
		try (JsonParser parser = this.mapper.createParser(json)) {
			parser.nextToken();
			return read(parser, javaType(type));
		}
	}

	/**
	 * Decodes a wire JSON text to a tree, as {@link #readTree(JsonParser)} does.
	 * @param json the wire JSON
	 * @return the tree
	 * @throws ConvexValueException when the text is malformed
	 */
	public JsonNode treeFromWireJson(String json) {
		try (JsonParser parser = this.mapper.createParser(json)) {
			parser.nextToken();
			return readTree(parser);
		}
	}

	/**
	 * Binds a tree from {@link #readTree(JsonParser)} to a Java type.
	 * @param <T> the Java type
	 * @param tree the decoded tree
	 * @param type the Java type
	 * @return the value
	 * @throws ConvexValueException when the tree does not fit the type
	 */
	public <T> @Nullable T convert(JsonNode tree, Type type) {
		JavaType javaType = javaType(type);
		try {
			return reader(javaType).readValue(tree);
		}
		catch (JacksonException ex) {
			throw new ConvexValueException(Problem.TYPE_MISMATCH, path(ex.getPath()),
					"cannot be read as " + javaType.toCanonical() + ": " + ex.getOriginalMessage(), ex);
		}
	}

	/** The reader of decoded trees (int64 as {@link Int64Node}). */
	ObjectReader treeReader() {
		return this.treeReader;
	}

	ObjectReader reader(JavaType type) {
		return this.readers.computeIfAbsent(type, (key) -> this.mapper.readerFor(key).with(NODES));
	}

	private static String path(List<JacksonException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

}
