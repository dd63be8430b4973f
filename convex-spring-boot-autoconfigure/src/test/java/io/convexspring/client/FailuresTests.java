package io.convexspring.client;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.netty.http.client.PrematureCloseException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@link Failures}: which exception each HTTP refusal and each transport failure becomes.
 */
class FailuresTests {

	private static final String DEPLOYMENT = "https://happy-otter-123.convex.cloud";

	private final Failures failures = new Failures(DEPLOYMENT, Duration.ofSeconds(3),
			java.util.Map.of(FunctionKind.MUTATION, Duration.ofSeconds(30)),
			DataSize.ofMegabytes(32), JsonMapper.builder().build());

	private ConvexHttpException refusal(int status, String body) {
		return this.failures.refusal(FunctionKind.MUTATION, "orders:create", status,
				body.getBytes(StandardCharsets.UTF_8));
	}

	private ConvexException transport(Throwable failure) {
		return this.failures.transport(FunctionKind.MUTATION, "orders:create", failure);
	}

	private static WebClientRequestException requestFailed(Throwable cause) {
		return new WebClientRequestException(cause, HttpMethod.POST, URI.create(DEPLOYMENT + "/api/mutation"),
				new HttpHeaders());
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "400, BadConvexFunctionIdentifier, true", "400, InvalidClientVersion, true",
			"404, FunctionPathNotFound, true", "408, , false", "429, TooManyConcurrentMutations, true",
			"500, InternalServerError, false", "503, OptimisticConcurrencyControlFailure, true",
			"503, ExpiredInQueue, true", "502, , false", "504, , false" })
	void refusalIsAnHttpExceptionThatSaysWhetherTheFunctionRan(int status, String code, boolean didNotRun) {
		ConvexHttpException ex = refusal(status, (code != null) ? Wire.refusal(code, "because") : "");
		assertThat(ex.getClass()).isEqualTo(ConvexHttpException.class);
		assertThat(ex.httpStatus()).hasValue(status);
		assertThat(ex.code()).isEqualTo(Optional.ofNullable(code));
		assertThat(ex.functionDidNotRun()).isEqualTo(didNotRun);
		assertThat(ex.functionPath()).isEqualTo("orders:create");
		assertThat(ex.logLines()).isEmpty();
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "401, InvalidAuthHeader", "401, TokenExpired", "401, NoAuthProvider", "401, Unauthenticated",
			"403, BadDeployKey" })
	void credentialRefusalIsAnAuthenticationException(int status, String code) {
		ConvexHttpException ex = refusal(status, Wire.refusal(code, "Could not verify the token"));
		assertThat(ex).isInstanceOf(ConvexAuthenticationException.class);
		assertThat(ex.httpStatus()).hasValue(status);
		assertThat(ex.code()).hasValue(code);
		assertThat(ex.serverMessage()).isEqualTo("Could not verify the token");
		assertThat(ex.functionDidNotRun()).isTrue();
		assertThat(ex).hasMessage(
				"Mutation orders:create was refused with HTTP " + status + " " + code + ": Could not verify the token");
	}

	@Test
	void authenticationRefusalWithoutBodyIsStillAnAuthenticationException() {
		ConvexHttpException ex = refusal(401, "");
		assertThat(ex).isInstanceOf(ConvexAuthenticationException.class)
			.hasMessage("Mutation orders:create was refused with HTTP 401");
		assertThat(ex.code()).isEmpty();
	}

	@Test
	void refusalReadsCodeAndMessageInAnyOrderAndIgnoresOtherFields() {
		ConvexHttpException ex = refusal(429,
				"{\"extra\":{\"a\":[1]},\"message\":\"slow down\",\"count\":3,\"code\":\"TooManyWrites\"}");
		assertThat(ex.code()).hasValue("TooManyWrites");
		assertThat(ex.serverMessage()).isEqualTo("slow down");
	}

	@Test
	void refusalWithNonStringCodeHasNoCode() {
		ConvexHttpException ex = refusal(400, "{\"code\":400,\"message\":\"bad\"}");
		assertThat(ex.code()).isEmpty();
		assertThat(ex.serverMessage()).isEqualTo("bad");
	}

	@Test
	void refusalWithHtmlOrTruncatedJsonKeepsTheStatusAlone() {
		assertThat(refusal(503, "<html>Service Unavailable</html>")).hasMessage(
				"Mutation orders:create was refused with HTTP 503");
		ConvexHttpException truncated = refusal(503, "{\"code\":\"Busy\",\"message\":\"over");
		assertThat(truncated.httpStatus()).hasValue(503);
		assertThat(truncated.functionDidNotRun()).isTrue();
	}

	@Test
	void connectionRefusedMeansTheFunctionDidNotRun() {
		ConvexException ex = transport(requestFailed(new ConnectException("Connection refused")));
		assertThat(ex.getClass()).isEqualTo(ConvexTransportException.class);
		assertThat(ex.functionDidNotRun()).isTrue();
		assertThat(ex).hasMessage("Mutation orders:create: could not connect to " + DEPLOYMENT
				+ " (ConnectException: Connection refused)");
	}

	@Test
	void unknownHostMeansTheFunctionDidNotRun() {
		ConvexException ex = transport(requestFailed(new UnknownHostException("happy-otter-123.convex.cloud")));
		assertThat(ex.functionDidNotRun()).isTrue();
	}

	@Test
	void connectTimeoutIsATimeoutBeforeTheFunctionRan() {
		ConvexException ex = transport(requestFailed(new ConnectTimeoutException("connection timed out")));
		assertThat(ex).isInstanceOf(ConvexTimeoutException.class)
			.hasMessage("Mutation orders:create: could not connect to " + DEPLOYMENT + " within PT3S");
		assertThat(ex.functionDidNotRun()).isTrue();
	}

	@Test
	void responseTimeoutIsATimeoutAfterWhichTheFunctionMayHaveRun() {
		ConvexException ex = transport(new RuntimeException(ReadTimeoutException.INSTANCE));
		assertThat(ex).isInstanceOf(ConvexTimeoutException.class)
			.hasMessage("Mutation orders:create: no response from " + DEPLOYMENT + " within PT30S");
		assertThat(ex.functionDidNotRun()).isFalse();
		assertThat(transport(new TimeoutException("Did not observe any item"))).isInstanceOf(ConvexTimeoutException.class);
	}

	@Test
	void poolRefusalsAreTransportFailuresBeforeTheFunctionRan() {
		for (Throwable refusal : new Throwable[] {
				new reactor.netty.internal.shaded.reactor.pool.PoolAcquirePendingLimitException(1),
				new reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException(Duration.ofMillis(5)),
				new reactor.netty.internal.shaded.reactor.pool.PoolShutdownException() }) {
			ConvexException ex = transport(new RuntimeException(refusal));
			assertThat(ex.getClass()).as(refusal.toString()).isEqualTo(ConvexTransportException.class);
			assertThat(ex.functionDidNotRun()).as(refusal.toString()).isTrue();
			assertThat(ex).hasMessageContaining("convex.http.max-connections");
		}
	}

	@Test
	void bufferLimitIsTooLargeNamingTheLimitAndTheProperty() {
		ConvexException ex = transport(new RuntimeException(new DataBufferLimitException("Exceeded limit on max bytes")));
		assertThat(ex).isInstanceOf(ConvexResponseTooLargeException.class)
			.hasMessageContaining(String.valueOf(DataSize.ofMegabytes(32).toBytes()) + " bytes")
			.hasMessageContaining("convex.max-response-size");
		assertThat(ex.functionDidNotRun()).isFalse();
	}

	@Test
	void prematureCloseIsATransportFailureAfterWhichTheFunctionMayHaveRun() {
		ConvexException ex = transport(PrematureCloseException.TEST_EXCEPTION);
		assertThat(ex.getClass()).isEqualTo(ConvexTransportException.class);
		assertThat(ex).hasMessageContaining("closed before the response was complete");
		assertThat(ex.functionDidNotRun()).isFalse();
	}

	@Test
	void unknownFailureIsATransportFailureNamingItsCause() {
		ConvexException ex = transport(new IllegalStateException("something odd"));
		assertThat(ex.getClass()).isEqualTo(ConvexTransportException.class);
		assertThat(ex).hasMessage("Mutation orders:create: the call to " + DEPLOYMENT
				+ " failed (IllegalStateException: something odd)")
			.hasCauseInstanceOf(IllegalStateException.class);
		assertThat(ex.functionDidNotRun()).isFalse();
	}

	@Test
	void convexExceptionPassesThroughUnchanged() {
		ConvexFunctionFailedException failed = new ConvexFunctionFailedException(FunctionKind.MUTATION, "orders:create",
				"boom", List.of());
		assertThat(transport(failed)).isSameAs(failed);
	}

	@Test
	void selfReferencingCauseChainDoesNotLoop() {
		Exception outer = new Exception("outer");
		Exception inner = new Exception("inner", outer);
		outer.initCause(inner);
		assertTimeoutPreemptively(Duration.ofSeconds(2),
				() -> assertThat(transport(outer)).isInstanceOf(ConvexTransportException.class));
	}

}
