package io.convexspring.codec;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.Base64Variant;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.SerializableString;
import tools.jackson.core.TreeNode;
import tools.jackson.core.type.ResolvedType;
import tools.jackson.core.type.TypeReference;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.core.util.JsonParserDelegate;
import tools.jackson.databind.JavaType;

/**
 * Presents one encoded Convex value as plain Jackson tokens while it is being bound, in the
 * same single pass over the input: {@code {"$integer": ...}} is an integer token,
 * {@code {"$float": ...}} and every plain number a floating-point token, {@code {"$bytes": ...}}
 * an embedded {@code byte[]}. Every rule of the encoding is checked on the way; a broken one
 * throws a {@link MalformedWireException} naming where.
 *
 * <p>To see whether an object is one of the special ones, the parser reads its first token
 * ahead; until the caller asks for the next token, it presents the object's start itself.
 */
final class WireParser extends JsonParserDelegate {

	private static final Base64.Decoder BASE64 = Base64.getDecoder();

	private final ConvexCodec codec;

	private final int rootDepth;

	private Mode mode = Mode.PASS;

	private boolean complete;

	private long int64;

	private double float64;

	private byte @Nullable [] bytes;

	/**
	 * Wraps a parser positioned on the first token of a value.
	 * @param codec the codec whose readers nested reads ({@link #readValueAs}) use
	 */
	WireParser(JsonParser delegate, ConvexCodec codec) {
		super(delegate);
		this.codec = codec;
		JsonToken first = delegate.currentToken();
		int depth = delegate.streamReadContext().getNestingDepth();
		this.rootDepth = (first == JsonToken.START_OBJECT || first == JsonToken.START_ARRAY) ? depth - 1 : depth;
		if (first == null) {
			throw malformed("the value is missing");
		}
		present(first);
		checkComplete();
	}

	/** Whether the value's last token is the current one: what follows is not ours to read. */
	private void checkComplete() {
		JsonToken token = currentToken();
		this.complete = this.mode != Mode.OBJECT_START_AHEAD && token != null && !token.isStructStart()
				&& this.delegate.streamReadContext().getNestingDepth() <= this.rootDepth;
	}

	private JsonToken present(JsonToken token) {
		this.mode = Mode.PASS;
		if (token == JsonToken.START_OBJECT) {
			JsonToken first = this.delegate.nextToken();
			if (first == JsonToken.PROPERTY_NAME && this.delegate.currentName().startsWith("$")) {
				return fold(this.delegate.currentName());
			}
			if (first == JsonToken.PROPERTY_NAME) {
				checkName();
			}
			this.mode = Mode.OBJECT_START_AHEAD;
			return JsonToken.START_OBJECT;
		}
		if (token == JsonToken.PROPERTY_NAME) {
			checkName();
		}
		return currentToken();
	}

	private void checkName() {
		String problem = FieldNames.problem(this.delegate.currentName());
		if (problem != null) {
			throw malformed(problem);
		}
	}

	private JsonToken fold(String name) {
		// errors name the special object, wherever inside it the parser stands by then
		TokenStreamContext special = this.delegate.streamReadContext();
		switch (name) {
			case "$integer" -> {
				this.int64 = WireNumbers.decodeLong(payload(name, special));
				this.mode = Mode.INT64;
			}
			case "$float" -> {
				this.float64 = WireNumbers.decodeDouble(payload(name, special));
				if (WireNumbers.isPlainNumber(this.float64)) {
					throw malformed("Float " + this.float64 + " should be encoded as a number", special);
				}
				this.mode = Mode.FLOAT64;
			}
			case "$bytes" -> {
				this.bytes = payload(name, special);
				this.mode = Mode.BYTES;
			}
			case "$set" -> throw malformed("Received a Set which is no longer supported as a Convex type.", special);
			case "$map" -> throw malformed("Received a Map which is no longer supported as a Convex type.", special);
			default -> throw malformed(String.valueOf(FieldNames.problem(name)), special);
		}
		if (this.delegate.nextToken() != JsonToken.END_OBJECT) {
			throw malformed("a " + name + " object must have no other field, found " + this.delegate.currentName(),
					special);
		}
		return currentToken();
	}

	private byte[] payload(String name, TokenStreamContext special) {
		if (this.delegate.nextToken() != JsonToken.VALUE_STRING) {
			throw malformed("Malformed " + name + " field: expected a base64 string, found "
					+ this.delegate.currentToken(), special);
		}
		String text = this.delegate.getString();
		if (text.length() % 4 != 0) {
			// Java's decoder takes unpadded base64; the official decoder (base64-js) does not
			throw malformed("Malformed " + name + " field: Invalid string. Length must be a multiple of 4", special);
		}
		byte[] payload;
		try {
			payload = BASE64.decode(text);
		}
		catch (IllegalArgumentException ex) {
			throw malformed("Malformed " + name + " field: " + ex.getMessage(), special);
		}
		if (!name.equals("$bytes") && payload.length != 8) {
			throw malformed("Received " + payload.length + " bytes, expected 8 for " + name, special);
		}
		return payload;
	}

	private MalformedWireException malformed(String reason) {
		return malformed(reason, this.delegate.streamReadContext());
	}

	private MalformedWireException malformed(String reason, TokenStreamContext where) {
		return new MalformedWireException(this, path(where), reason);
	}

	/** Where a context is, relative to the value: {@code order.items[0]}. */
	private String path(TokenStreamContext context) {
		StringBuilder path = new StringBuilder();
		for (TokenStreamContext parent = context.getParent(); parent != null
				&& parent.getNestingDepth() > this.rootDepth; parent = parent.getParent()) {
			path.insert(0, parent.inArray() ? "[" + parent.getCurrentIndex() + "]" : "." + parent.currentName());
		}
		return (!path.isEmpty() && path.charAt(0) == '.') ? path.substring(1) : path.toString();
	}

	// nested reads: a custom deserializer's readValueAs/readValueAsTree must see folded tokens too

	@Override
	public <T> T readValueAs(Class<T> type) {
		return this.codec.reader(this.codec.javaType(type)).readValue(this);
	}

	@Override
	public <T> T readValueAs(TypeReference<T> type) {
		return this.codec.reader(this.codec.javaType(type.getType())).readValue(this);
	}

	@Override
	public <T> T readValueAs(ResolvedType type) {
		return this.codec.reader((JavaType) type).readValue(this);
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T extends TreeNode> T readValueAsTree() {
		return (T) this.codec.treeReader().readTree(this);
	}

	@Override
	public void clearCurrentToken() {
		// the underlying parser stays on the value's last token, for whoever reads on
	}

	// tokens

	@Override
	public @Nullable JsonToken nextToken() {
		if (this.complete) {
			return null;
		}
		JsonToken token;
		if (this.mode == Mode.OBJECT_START_AHEAD) {
			// the object's first token is already read
			this.mode = Mode.PASS;
			token = this.delegate.currentToken();
		}
		else {
			token = this.delegate.nextToken();
			token = (token != null) ? present(token) : null;
		}
		checkComplete();
		return token;
	}

	@Override
	public JsonToken nextValue() {
		JsonToken token = nextToken();
		return (token == JsonToken.PROPERTY_NAME) ? nextToken() : token;
	}

	@Override
	public @Nullable String nextName() {
		return (nextToken() == JsonToken.PROPERTY_NAME) ? currentName() : null;
	}

	@Override
	public boolean nextName(SerializableString name) {
		return (nextToken() == JsonToken.PROPERTY_NAME) && name.getValue().equals(currentName());
	}

	@Override
	public int nextNameMatch(PropertyNameMatcher matcher) {
		nextToken();
		return currentNameMatch(matcher);
	}

	@Override
	public int currentNameMatch(PropertyNameMatcher matcher) {
		JsonToken token = currentToken();
		if (token == JsonToken.PROPERTY_NAME) {
			return matcher.matchName(currentName());
		}
		return (token == JsonToken.END_OBJECT) ? PropertyNameMatcher.MATCH_END_OBJECT
				: PropertyNameMatcher.MATCH_ODD_TOKEN;
	}

	@Override
	public JsonParser skipChildren() {
		JsonToken token = currentToken();
		if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
			return this;
		}
		// through this parser, so that what is skipped is checked and folded alike
		int open = 1;
		while (open > 0) {
			JsonToken next = nextToken();
			if (next == null) {
				return this;
			}
			if (next.isStructStart()) {
				open++;
			}
			else if (next.isStructEnd()) {
				open--;
			}
		}
		return this;
	}

	@Override
	public JsonToken currentToken() {
		return switch (this.mode) {
			case OBJECT_START_AHEAD -> JsonToken.START_OBJECT;
			case INT64 -> JsonToken.VALUE_NUMBER_INT;
			case FLOAT64 -> JsonToken.VALUE_NUMBER_FLOAT;
			case BYTES -> JsonToken.VALUE_EMBEDDED_OBJECT;
			case PASS -> {
				JsonToken token = this.delegate.currentToken();
				// a plain number is a float64, whatever its JSON spelling
				yield (token == JsonToken.VALUE_NUMBER_INT) ? JsonToken.VALUE_NUMBER_FLOAT : token;
			}
		};
	}

	@Override
	public int currentTokenId() {
		JsonToken token = currentToken();
		return (token != null) ? token.id() : 0;
	}

	@Override
	public boolean hasCurrentToken() {
		return currentToken() != null;
	}

	@Override
	public boolean hasTokenId(int id) {
		return currentTokenId() == id;
	}

	@Override
	public boolean hasToken(JsonToken token) {
		return currentToken() == token;
	}

	@Override
	public boolean isExpectedStartArrayToken() {
		return currentToken() == JsonToken.START_ARRAY;
	}

	@Override
	public boolean isExpectedStartObjectToken() {
		return currentToken() == JsonToken.START_OBJECT;
	}

	@Override
	public boolean isExpectedNumberIntToken() {
		return currentToken() == JsonToken.VALUE_NUMBER_INT;
	}

	@Override
	public @Nullable String currentName() {
		if (this.mode == Mode.OBJECT_START_AHEAD) {
			TokenStreamContext parent = this.delegate.streamReadContext().getParent();
			return (parent != null) ? parent.currentName() : null;
		}
		return this.delegate.currentName();
	}

	// numbers

	private boolean isNumber() {
		return this.mode == Mode.INT64 || this.mode == Mode.FLOAT64
				|| (this.mode == Mode.PASS && this.delegate.currentToken() != null
						&& this.delegate.currentToken().isNumeric());
	}

	@Override
	public boolean isNaN() {
		return isNumber() && Double.isNaN(getDoubleValue());
	}

	@Override
	public NumberType getNumberType() {
		return (this.mode == Mode.INT64) ? NumberType.LONG : isNumber() ? NumberType.DOUBLE : null;
	}

	@Override
	public NumberTypeFP getNumberTypeFP() {
		return (isNumber() && this.mode != Mode.INT64) ? NumberTypeFP.DOUBLE64 : NumberTypeFP.UNKNOWN;
	}

	@Override
	public Number getNumberValue() {
		requireNumber();
		return (this.mode == Mode.INT64) ? (Number) this.int64 : (Number) getDoubleValue();
	}

	@Override
	public Number getNumberValueExact() {
		return getNumberValue();
	}

	@Override
	public Object getNumberValueDeferred() {
		return getNumberValue();
	}

	@Override
	public double getDoubleValue() {
		requireNumber();
		return switch (this.mode) {
			case INT64 -> (double) this.int64;
			case FLOAT64 -> this.float64;
			default -> this.delegate.getDoubleValue();
		};
	}

	@Override
	public float getFloatValue() {
		return (float) getDoubleValue();
	}

	@Override
	public long getLongValue() {
		return (this.mode == Mode.INT64) ? this.int64 : (long) getDoubleValue();
	}

	@Override
	public int getIntValue() {
		return (int) getLongValue();
	}

	@Override
	public BigInteger getBigIntegerValue() {
		return (this.mode == Mode.INT64) ? BigInteger.valueOf(this.int64) : getDecimalValue().toBigInteger();
	}

	@Override
	public BigDecimal getDecimalValue() {
		if (this.mode == Mode.INT64) {
			return BigDecimal.valueOf(this.int64);
		}
		double value = getDoubleValue();
		if (!Double.isFinite(value)) {
			throw new InputCoercionException(this, "float64 " + value + " cannot be a BigDecimal",
					currentToken(), BigDecimal.class);
		}
		return BigDecimal.valueOf(value);
	}

	private void requireNumber() {
		if (!isNumber()) {
			throw new InputCoercionException(this, "Current token (" + currentToken() + ") is not a number",
					currentToken(), Number.class);
		}
	}

	@Override
	public int getValueAsInt(int defaultValue) {
		return isNumber() ? getIntValue() : (this.mode == Mode.PASS) ? this.delegate.getValueAsInt(defaultValue)
				: defaultValue;
	}

	@Override
	public int getValueAsInt() {
		return getValueAsInt(0);
	}

	@Override
	public long getValueAsLong(long defaultValue) {
		return isNumber() ? getLongValue() : (this.mode == Mode.PASS) ? this.delegate.getValueAsLong(defaultValue)
				: defaultValue;
	}

	@Override
	public long getValueAsLong() {
		return getValueAsLong(0L);
	}

	@Override
	public double getValueAsDouble(double defaultValue) {
		return isNumber() ? getDoubleValue()
				: (this.mode == Mode.PASS) ? this.delegate.getValueAsDouble(defaultValue) : defaultValue;
	}

	@Override
	public double getValueAsDouble() {
		return getValueAsDouble(0.0);
	}

	@Override
	public boolean getValueAsBoolean(boolean defaultValue) {
		return (this.mode == Mode.PASS) ? this.delegate.getValueAsBoolean(defaultValue) : defaultValue;
	}

	@Override
	public boolean getValueAsBoolean() {
		return getValueAsBoolean(false);
	}

	// text and bytes

	@Override
	public @Nullable String getValueAsString(@Nullable String defaultValue) {
		return (this.mode == Mode.PASS) ? this.delegate.getValueAsString(defaultValue)
				: (this.mode == Mode.INT64 || this.mode == Mode.FLOAT64) ? getString() : defaultValue;
	}

	@Override
	public @Nullable String getValueAsString() {
		return getValueAsString(null);
	}

	@Override
	public @Nullable String getString() {
		return switch (this.mode) {
			case PASS -> this.delegate.getString();
			case INT64 -> Long.toString(this.int64);
			case FLOAT64 -> Double.toString(this.float64);
			case OBJECT_START_AHEAD -> "{";
			case BYTES -> null;
		};
	}

	@Override
	public int getString(Writer writer) {
		if (this.mode == Mode.PASS) {
			return this.delegate.getString(writer);
		}
		String text = getString();
		if (text == null) {
			return 0;
		}
		try {
			writer.write(text);
		}
		catch (IOException ex) {
			throw new StreamReadException(this, "Could not write the text", ex);
		}
		return text.length();
	}

	@Override
	public boolean hasStringCharacters() {
		return this.mode == Mode.PASS && this.delegate.hasStringCharacters();
	}

	@Override
	public char[] getStringCharacters() {
		if (this.mode == Mode.PASS) {
			return this.delegate.getStringCharacters();
		}
		String text = getString();
		return (text != null) ? text.toCharArray() : new char[0];
	}

	@Override
	public int getStringLength() {
		if (this.mode == Mode.PASS) {
			return this.delegate.getStringLength();
		}
		String text = getString();
		return (text != null) ? text.length() : 0;
	}

	@Override
	public int getStringOffset() {
		return (this.mode == Mode.PASS) ? this.delegate.getStringOffset() : 0;
	}

	@Override
	public @Nullable Object getEmbeddedObject() {
		return (this.mode == Mode.BYTES) ? this.bytes : (this.mode == Mode.PASS) ? this.delegate.getEmbeddedObject()
				: null;
	}

	@Override
	public byte[] getBinaryValue(Base64Variant variant) {
		if (this.mode == Mode.BYTES && this.bytes != null) {
			return this.bytes;
		}
		if (this.mode != Mode.PASS) {
			throw new InputCoercionException(this, "Current token (" + currentToken() + ") is not bytes",
					currentToken(), byte[].class);
		}
		return this.delegate.getBinaryValue(variant);
	}

	/** What the current token is made of. */
	private enum Mode {

		/** The delegate's own token (a plain number presented as a float64). */
		PASS,

		/** An object's start, whose first token the delegate has already read. */
		OBJECT_START_AHEAD,

		/** A folded {@code $integer}. */
		INT64,

		/** A folded {@code $float}. */
		FLOAT64,

		/** A folded {@code $bytes}. */
		BYTES

	}

}
