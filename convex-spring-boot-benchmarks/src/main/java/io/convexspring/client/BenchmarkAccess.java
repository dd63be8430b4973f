package io.convexspring.client;


import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;

import io.convexspring.codec.ConvexCodec;

/**
 * Lets the codec benchmarks run the client's own request writer and response reader, which are
 * package-private, so they measure the code a call runs rather than a copy of it. Lives in the
 * benchmarks module only; the library has no such class.
 */
public final class BenchmarkAccess {

	/** The {@code Convex-Client} header's name, as the transport sends it. */
	public static final String CLIENT_HEADER_NAME = ClientHeader.NAME;

	/** The {@code Convex-Client} header's value, as the transport sends it. */
	public static final String CLIENT_HEADER_VALUE = ClientHeader.VALUE;

	private final RequestBodyWriter requests;

	private final ResponseEnvelopeReader responses;

	/**
	 * Creates the writer and reader a transport on this codec uses.
	 * @param codec the codec
	 */
	public BenchmarkAccess(ConvexCodec codec) {
		this.requests = new RequestBodyWriter(codec);
		this.responses = new ResponseEnvelopeReader(codec);
	}

	/**
	 * Writes the request body of an action call, as the transport does.
	 * @param path the function path
	 * @param args the arguments
	 * @return the body
	 */
	public byte[] writeActionRequest(String path, @Nullable Object args) {
		return this.requests.write(FunctionKind.ACTION, path, args);
	}

	/**
	 * Reads a 200 response body of an action call, as the transport does.
	 * @param path the function path
	 * @param body the body
	 * @param resultType the result type
	 * @return the result
	 */
	public @Nullable Object readActionResponse(String path, byte[] body, JavaType resultType) {
		return this.responses.read(FunctionKind.ACTION, path, 200, body, resultType);
	}

}
