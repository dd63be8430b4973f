package io.convexspring.client;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JavaType;

import io.convexspring.codec.ConvexCodec;
import io.convexspring.observation.ConvexObservationContext;
import io.convexspring.observation.ConvexObservationConvention;
import io.convexspring.observation.ConvexObservationDocumentation;
import io.convexspring.observation.DefaultConvexObservationConvention;

/**
 * The one HTTP transport that every Convex function call goes through: it encodes the request,
 * posts it with a {@link WebClient}, and decodes the outcome into a result or a
 * {@link ConvexException}, all within the call's deadline (its kind's timeout, or its
 * reference's own). Everything it needs per call (endpoints, headers, codec, readers) is built
 * once; its {@link WebClient}s and HTTP connectors by the first call that needs them, which
 * pays for them, so that start-up does not (a failure to build them fails that call, whose
 * function did not run). Unless given {@link ConvexHttpConnectors}, it sends through Reactor
 * Netty on {@link ConvexConnectionPools} of its own, which {@link #close()} disposes.
 * Thread-safe; share one per deployment.
 *
 * @see ConvexActionClient
 * @see ConvexMutationClient
 * @see ConvexQueryClient
 */
public final class ConvexTransport implements AutoCloseable {

	/** The connect timeout used when none is set. */
	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * The deadline of an action when none is set: longer than the longest a Convex action may
	 * run (30 minutes), so the client does not give up on an action the backend still runs.
	 */
	public static final Duration DEFAULT_ACTION_TIMEOUT = Duration.ofMinutes(31);

	/**
	 * The deadline of a query or a mutation when none is set: Convex stops their user code
	 * after a second, so a minute leaves room for queueing, retries of conflicting writes and a
	 * slow network, and still frees a connection that hangs.
	 */
	public static final Duration DEFAULT_FUNCTION_TIMEOUT = Duration.ofSeconds(60);

	/**
	 * The deadline of an action when none is set.
	 * @deprecated since 0.1.0 for {@link #DEFAULT_ACTION_TIMEOUT}: each kind has its own
	 */
	@Deprecated(since = "0.1.0")
	public static final Duration DEFAULT_RESPONSE_TIMEOUT = DEFAULT_ACTION_TIMEOUT;

	/**
	 * The response size limit used when none is set: room for Convex's 16 MiB return value in
	 * its JSON encoding (base64 bytes grow by a third).
	 */
	public static final DataSize DEFAULT_MAX_RESPONSE_SIZE = DataSize.ofMegabytes(32);

	private static final String URI_TEMPLATE_ATTRIBUTE = WebClient.class.getName() + ".uriTemplate";

	private final TransportHttpClients httpClients;

	private final Map<FunctionKind, Duration> timeouts;


	private volatile boolean closed;

	private final URI deploymentUrl;

	private final Map<FunctionKind, URI> endpoints = new EnumMap<>(FunctionKind.class);

	private final ConvexCodec codec;

	private final RequestBodyWriter requests;

	private final ResponseEnvelopeReader responses;

	private final Failures failures;

	private final ConvexCredentialsProvider defaultCredentials;

	private final int maxResponseBytes;

	private final ExecutionObserver observer;

	private final ConvexRetryPolicy retryPolicy;

	private final boolean httpClientObservations;

	private ConvexTransport(Builder builder) {
		this.deploymentUrl = builder.url;
		for (FunctionKind kind : FunctionKind.values()) {
			this.endpoints.put(kind, URI.create(this.deploymentUrl + kind.endpoint()));
		}
		this.codec = (builder.codec != null) ? builder.codec : ConvexCodec.create();
		this.requests = new RequestBodyWriter(this.codec);
		this.responses = new ResponseEnvelopeReader(this.codec);
		this.timeouts = new EnumMap<>(builder.timeouts);
		this.failures = new Failures(this.deploymentUrl.toString(), builder.connectTimeout, this.timeouts,
				builder.maxResponseSize, this.codec.mapper());
		this.defaultCredentials = builder.credentials;
		this.retryPolicy = builder.retryPolicy;
		this.httpClientObservations = builder.httpClientObservations;
		this.maxResponseBytes = (int) Math.min(Integer.MAX_VALUE, builder.maxResponseSize.toBytes());
		this.observer = new ExecutionObserver(builder.observationRegistry, builder.observationConvention,
				builder.nestHttpObservations, this.deploymentUrl);
		this.httpClients = new TransportHttpClients(builder.connectors, builder.pool, builder.connectTimeout,
				builder.webClientBuilder, builder.webClientBuilderSupplier, builder.observationRegistry,
				builder.httpClientObservations, builder.nestHttpObservations, builder.customizer);
	}

	/**
	 * Starts a transport for a deployment.
	 * @param deploymentUrl the deployment URL, e.g. {@code https://happy-otter-123.convex.cloud}
	 * @return a builder
	 * @throws IllegalArgumentException if the URL is missing or not an absolute http(s) URL
	 */
	public static Builder builder(@Nullable String deploymentUrl) {
		return new Builder(deploymentUrl, false);
	}

	/**
	 * Starts a transport for a deployment, optionally without the checks that the URL is a
	 * Convex deployment's API: not on {@code *.convex.site} (HTTP actions) and without a path.
	 * Skip them for a self-hosted backend behind a proxy or a path prefix.
	 * @param deploymentUrl the deployment URL
	 * @param skipDeploymentUrlCheck whether to accept a {@code *.convex.site} host and a path
	 * @return a builder
	 * @throws IllegalArgumentException if the URL is missing or not an absolute http(s) URL,
	 * or fails the check
	 */
	public static Builder builder(@Nullable String deploymentUrl, boolean skipDeploymentUrlCheck) {
		return new Builder(deploymentUrl, skipDeploymentUrlCheck);
	}

	/**
	 * Returns the deployment URL, without a trailing slash.
	 * @return the deployment URL
	 */
	public URI deploymentUrl() {
		return this.deploymentUrl;
	}

	/**
	 * Returns the codec that encodes arguments and decodes results.
	 * @return the codec
	 */
	public ConvexCodec codec() {
		return this.codec;
	}

	/**
	 * Returns the credentials calls use unless a client is bound to others, where they are
	 * fixed.
	 * @return the default credentials
	 * @throws IllegalStateException if the default is a provider asked per call (see
	 * {@link #defaultCredentialsProvider()})
	 */
	public ConvexCredentials defaultCredentials() {
		return CredentialsResolver.fixed(this.defaultCredentials, "This transport");
	}

	/**
	 * Returns where calls get their credentials unless a client is bound to others.
	 * @return the default credentials provider
	 */
	public ConvexCredentialsProvider defaultCredentialsProvider() {
		return this.defaultCredentials;
	}

	/**
	 * Calls a function. Nothing happens until the {@link Mono} is subscribed; cancelling it
	 * cancels the HTTP request. A Convex {@code null} result completes the {@code Mono} empty.
	 * @param <R> the result type
	 * @param kind the kind of function
	 * @param path the function path
	 * @param args the arguments (a record, a bean or a {@code Map}); {@code null} sends
	 * {@code {}}
	 * @param resultType the result type, from {@link ConvexCodec#javaType}
	 * @param credentials who the call runs as
	 * @return the result
	 */
	public <R> Mono<R> execute(FunctionKind kind, String path, @Nullable Object args, JavaType resultType,
			ConvexCredentials credentials) {
		return execute(kind, path, args, resultType, credentials, null);
	}

	/**
	 * Calls a function within a deadline of its own, as {@link #execute(FunctionKind, String,
	 * Object, JavaType, ConvexCredentials)} does within its kind's.
	 * @param <R> the result type
	 * @param kind the kind of function
	 * @param path the function path
	 * @param args the arguments; {@code null} sends {@code {}}
	 * @param resultType the result type, from {@link ConvexCodec#javaType}
	 * @param credentials who the call runs as
	 * @param timeout the deadline of the whole call, or {@code null} for its kind's
	 * @return the result; a {@link ConvexTimeoutException} once the deadline passes
	 */
	public <R> Mono<R> execute(FunctionKind kind, String path, @Nullable Object args, JavaType resultType,
			ConvexCredentials credentials, @Nullable Duration timeout) {
		return execute(kind, path, args, resultType, ConvexCredentialsProvider.of(credentials), timeout);
	}

	/**
	 * Calls a function as the provider says, within its kind's deadline; see
	 * {@link #execute(FunctionKind, String, Object, JavaType, ConvexCredentialsProvider, Duration)}.
	 * @param <R> the result type
	 * @param kind the kind of function
	 * @param path the function path
	 * @param args the arguments; {@code null} sends {@code {}}
	 * @param resultType the result type, from {@link ConvexCodec#javaType}
	 * @param credentials where the call gets who it runs as
	 * @return the result
	 */
	public <R> Mono<R> execute(FunctionKind kind, String path, @Nullable Object args, JavaType resultType,
			ConvexCredentialsProvider credentials) {
		return execute(kind, path, args, resultType, credentials, null);
	}

	/**
	 * Calls a function, asking the provider for its credentials once, as the call is subscribed
	 * and before anything is sent (a failure of the provider's own fails the call with a
	 * {@link ConvexAuthenticationException}); repeats the retry policy allows reuse them, so a
	 * provider that reads a thread-bound context is asked on the caller's thread. When the
	 * backend refuses them as expired ({@code 401 TokenExpired}), the provider is asked once
	 * more with {@code forceRefresh} and the call sent once more: the function did not run.
	 * @param <R> the result type
	 * @param kind the kind of function
	 * @param path the function path
	 * @param args the arguments; {@code null} sends {@code {}}
	 * @param resultType the result type, from {@link ConvexCodec#javaType}
	 * @param credentials where the call gets who it runs as
	 * @param timeout the deadline of the whole call, or {@code null} for its kind's
	 * @return the result; a {@link ConvexTimeoutException} once the deadline passes
	 */
	public <R> Mono<R> execute(FunctionKind kind, String path, @Nullable Object args, JavaType resultType,
			ConvexCredentialsProvider credentials, @Nullable Duration timeout) {
		Objects.requireNonNull(credentials, "credentials must not be null");
		Duration deadline = deadline(kind, timeout);
		return this.observer.observe(kind, path, args,
				(observed) -> CredentialsResolver.resolve(kind, path, credentials,
						(resolved) -> this.<R>attempt(kind, path, args, resultType, resolved, observed, 1))
					// bounds the whole call, however slowly the response trickles in; cancelling
					// closes the connection, since its response was not read to the end
					.timeout(DeadlineTimer.after(deadline),
							Mono.error(() -> this.failures.deadline(kind, path, deadline, timeout != null))));
	}

	/**
	 * Returns the deadline of a call.
	 * @param kind the kind of function
	 * @param timeout the call's own timeout, if it has one
	 * @return the deadline
	 */
	public Duration deadline(FunctionKind kind, @Nullable Duration timeout) {
		return (timeout != null) ? timeout : this.timeouts.get(kind);
	}

	/**
	 * One attempt, and the repeats the retry policy allows after it: a plain chain, cheaper per
	 * call than {@code retryWhen}, which builds a companion sink for every subscription.
	 */
	private <R> Mono<R> attempt(FunctionKind kind, String path, @Nullable Object args, JavaType resultType,
			ConvexCredentials credentials, @Nullable ConvexObservationContext observed, int attempt) {
		return this.<R>exchange(kind, path, args, resultType, credentials, observed).onErrorResume((raw) -> {
			// a failure of the WebClient's or Netty's own becomes the typed failure here, in the one operator
			ConvexException failure = this.failures.transport(kind, path, raw);
			if (!this.retryPolicy.shouldRetry(failure, attempt)) {
				return Mono.error(failure);
			}
			Duration wait = this.retryPolicy.backoff(failure, attempt);
			this.retryPolicy.logRetry(failure, attempt + 1, wait);
			if (observed != null) {
				observed.retrying(failure, attempt + 1);
			}
			return Mono.delay(wait)
				.then(this.<R>attempt(kind, path, args, resultType, credentials, observed, attempt + 1));
		});
	}

	private <R> Mono<R> exchange(FunctionKind kind, String path, @Nullable Object args, JavaType resultType,
			ConvexCredentials credentials, @Nullable ConvexObservationContext observed) {
		return Mono.defer(() -> {
			if (this.closed) {
				return Mono.error(new ConvexTransportException(kind, path,
						"the transport to " + this.deploymentUrl + " is closed", true, null));
			}
			byte[] body = this.requests.write(kind, path, args);
			String authorization = credentials.authorization();
			return webClient(kind, path).post()
				.uri(this.endpoints.get(kind))
				.attributes((attributes) -> {
					attributes.put(AuthorizationFilter.ATTRIBUTE,
							(authorization != null) ? authorization : AuthorizationFilter.ANONYMOUS);
					if (this.httpClientObservations) {
						// names the endpoint in http.client.requests' uri tag, as a template would
						attributes.put(URI_TEMPLATE_ATTRIBUTE, kind.endpoint());
					}
				})
				.contentType(MediaType.APPLICATION_JSON)
				.headers((headers) -> {
					headers.set(ClientHeader.NAME, ClientHeader.VALUE);
					if (authorization != null) {
						// AuthorizationFilter restores it, should a filter of the application's change it
						headers.set(HttpHeaders.AUTHORIZATION, authorization);
					}
				})
				.bodyValue(body)
				.exchangeToMono((response) -> this.<R>outcome(kind, path, response, resultType, observed));
		});
	}

	/**
	 * The WebClient for a kind, built by the first call that needs it.
	 * @throws ConvexTransportException if it cannot be built: the call was not sent
	 */
	private WebClient webClient(FunctionKind kind, String path) {
		try {
			return this.httpClients.webClient(kind);
		}
		catch (RuntimeException | LinkageError ex) {
			throw this.failures.clientNotBuilt(kind, path, ex, ex);
		}
	}

	@SuppressWarnings("unchecked")
	private <R> Mono<R> outcome(FunctionKind kind, String path, ClientResponse response, JavaType resultType,
			@Nullable ConvexObservationContext observed) {
		int status = response.statusCode().value();
		if (observed != null) {
			observed.setHttpStatus(status);
		}
		Mono<DataBuffer> body = DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers()),
				this.maxResponseBytes);
		if (status != 200 && status != 560) {
			return body.map(ConvexTransport::bytes)
				.defaultIfEmpty(new byte[0])
				.flatMap((bytes) -> Mono.error(this.failures.refusal(kind, path, status, bytes,
						response.headers().asHttpHeaders().getFirst("Retry-After"))));
		}
		return body
			.switchIfEmpty(Mono.error(() -> new ConvexMalformedResponseException(kind, path, status, "the body is empty",
					null)))
			.handle((buffer, sink) -> {
				// one copy out of Netty's memory, as bodyToMono(byte[].class) makes; then one parse
				byte[] bytes = bytes(buffer);
				Object result;
				try {
					result = this.responses.read(kind, path, status, bytes, bytes.length, resultType,
							(observed != null) ? observed::setLogLines : null);
				}
				catch (ConvexException ex) {
					sink.error(ex);
					return;
				}
				if (result != null) {
					sink.next((R) result);
				}
			});
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	/**
	 * Observes an execution that does not go over this transport's HTTP client, such as a
	 * mutation or action on a live-query socket, exactly as this transport observes its own:
	 * the same registry, convention, logging and recent executions.
	 * @param <R> the result type
	 * @param kind the kind of function
	 * @param path the function path
	 * @param args the arguments, for previews
	 * @param execution the execution, given the context to record its log lines in, or
	 * {@code null} when nothing observes
	 * @return the observed execution
	 */
	public <R> Mono<R> observe(FunctionKind kind, String path, @Nullable Object args,
			Function<@Nullable ConvexObservationContext, Mono<R>> execution) {
		return this.observer.observe(kind, path, args, execution);
	}

	/**
	 * Returns the {@code Convex-Client} header value this client identifies itself with, e.g.
	 * {@code java-spring-0.1.0}.
	 * @return the client name and version
	 */
	public static String clientName() {
		return ClientHeader.VALUE;
	}

	/**
	 * Reads the backend's version ({@code GET /version}), for health checks. Not a function
	 * execution: neither observed nor logged as one.
	 * @param timeout how long to wait for the answer
	 * @return the version, e.g. {@code 1.29.0}; an error if the deployment does not answer
	 * with 200 in time
	 */
	public Mono<String> version(Duration timeout) {
		return Mono.defer(() -> webClient(FunctionKind.QUERY, "/version").get()
			.uri(URI.create(this.deploymentUrl + "/version"))
			.header(ClientHeader.NAME, ClientHeader.VALUE)
			.retrieve()
			.bodyToMono(String.class))
			.map(String::strip)
			.timeout(timeout);
	}

	/**
	 * Waits for a call's result on the calling thread, for Spring MVC and virtual threads.
	 * Refuses to block a Reactor event-loop thread. Interrupting the thread cancels the call.
	 * @param <R> the result type
	 * @param call the call, from {@link #execute}
	 * @param kind the kind of function (for messages)
	 * @param path the function path (for messages)
	 * @return the result, or {@code null} for a Convex {@code null}
	 * @throws ConvexException as the call fails
	 * @throws IllegalStateException on a non-blocking thread
	 */
	public <R> @Nullable R block(Mono<R> call, FunctionKind kind, String path) {
		return block(call, kind, path, null);
	}

	/**
	 * Waits for a call with a deadline of its own, as {@link #block(Mono, FunctionKind, String)}
	 * does for one with its kind's.
	 * @param <R> the result type
	 * @param call the call, from {@link #execute}
	 * @param kind the kind of function (for messages)
	 * @param path the function path (for messages)
	 * @param timeout the call's own timeout, or {@code null} for its kind's
	 * @return the result, or {@code null} for a Convex {@code null}
	 * @throws ConvexException as the call fails
	 * @throws IllegalStateException on a non-blocking thread
	 */
	public <R> @Nullable R block(Mono<R> call, FunctionKind kind, String path, @Nullable Duration timeout) {
		// the call's own deadline fires first; this bound only guards against a stalled pipeline
		Duration blockingBound = deadline(kind, timeout).plusSeconds(10);
		if (Schedulers.isInNonBlockingThread()) {
			throw new IllegalStateException("Blocking on " + ConvexException.describe(kind, path) + " on the "
					+ "non-blocking thread '" + Thread.currentThread().getName() + "' would stall its event loop: "
					+ "use execute(...), which returns a Mono, and compose it instead");
		}
		CompletableFuture<R> future = call.toFuture();
		try {
			return future.get(blockingBound.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			ConvexException failure = this.failures.transport(kind, path, ex.getCause());
			failure.addSuppressed(new BlockingCallSite());
			throw failure;
		}
		catch (InterruptedException ex) {
			future.cancel(true);
			Thread.currentThread().interrupt();
			throw new ConvexCancelledException(kind, path, "the waiting thread was interrupted", ex);
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			throw new ConvexCancelledException(kind, path, "no outcome within " + blockingBound, ex);
		}
	}

	/**
	 * Disposes the connection pools this transport made for itself, closing their connections
	 * (pools no call asked for are not made for it); connectors it was given are their owner's
	 * to close. Calls after this fail.
	 */
	@Override
	public void close() {
		this.closed = true;
		this.httpClients.close();
	}

	/** Records where a blocking caller waited, since the failure itself was raised on another thread. */
	private static final class BlockingCallSite extends Exception {

		BlockingCallSite() {
			super("the blocking call that received this failure");
		}

	}

	/**
	 * Builds a {@link ConvexTransport}.
	 */
	public static final class Builder {

		private final URI url;

		private WebClient.@Nullable Builder webClientBuilder;

		private @Nullable Supplier<WebClient.@Nullable Builder> webClientBuilderSupplier;

		private @Nullable ConvexCodec codec;

		private ConvexCredentialsProvider credentials = ConvexCredentialsProvider.of(ConvexCredentials.none());

		private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

		private final Map<FunctionKind, Duration> timeouts = new EnumMap<>(Map.of(FunctionKind.QUERY,
				DEFAULT_FUNCTION_TIMEOUT, FunctionKind.MUTATION, DEFAULT_FUNCTION_TIMEOUT, FunctionKind.ACTION,
				DEFAULT_ACTION_TIMEOUT));

		private @Nullable ConvexHttpConnectors connectors;

		private ConvexPoolSettings pool = ConvexPoolSettings.defaults();

		private ConvexRetryPolicy retryPolicy = ConvexRetryPolicy.defaults();

		private DataSize maxResponseSize = DEFAULT_MAX_RESPONSE_SIZE;

		private Consumer<WebClient.Builder> customizer = (webClient) -> {
		};

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable ConvexObservationConvention observationConvention;

		private boolean nestHttpObservations = true;

		private boolean httpClientObservations;

		private Builder(@Nullable String url, boolean skipDeploymentUrlCheck) {
			this.url = DeploymentUrl.parse(url, skipDeploymentUrlCheck);
		}

		/**
		 * Starts from an application's {@link WebClient.Builder} (filters, codecs, observation
		 * registry); it is cloned, not changed.
		 * @param webClientBuilder the builder
		 * @return this builder
		 */
		public Builder webClientBuilder(WebClient.Builder webClientBuilder) {
			this.webClientBuilder = Objects.requireNonNull(webClientBuilder, "webClientBuilder must not be null");
			this.webClientBuilderSupplier = null;
			return this;
		}

		/**
		 * Starts from the {@link WebClient.Builder} a supplier gives, asked once, by the first
		 * call (not by {@link #build()}), so that start-up does not pay for what making one
		 * involves, such as the HTTP connector an application's builder comes with, which the
		 * transport replaces. It is cloned, not changed. A supplier that gives {@code null}
		 * means there is none: as if this were not set.
		 * @param webClientBuilder gives the builder, or {@code null}
		 * @return this builder
		 */
		public Builder webClientBuilder(Supplier<WebClient.@Nullable Builder> webClientBuilder) {
			this.webClientBuilderSupplier = Objects.requireNonNull(webClientBuilder,
					"webClientBuilder must not be null");
			this.webClientBuilder = null;
			return this;
		}

		/**
		 * Sets the codec; by default one on a plain {@code JsonMapper}.
		 * @param codec the codec
		 * @return this builder
		 */
		public Builder codec(ConvexCodec codec) {
			this.codec = Objects.requireNonNull(codec, "codec must not be null");
			return this;
		}

		/**
		 * Sets the credentials calls use by default; anonymous unless set.
		 * @param credentials the credentials
		 * @return this builder
		 */
		public Builder credentials(ConvexCredentials credentials) {
			Objects.requireNonNull(credentials, "credentials must not be null");
			return credentialsProvider(ConvexCredentialsProvider.of(credentials));
		}

		/**
		 * Sets where calls get their credentials by default, asked per call; anonymous unless
		 * set.
		 * @param credentialsProvider the provider
		 * @return this builder
		 */
		public Builder credentialsProvider(ConvexCredentialsProvider credentialsProvider) {
			this.credentials = Objects.requireNonNull(credentialsProvider, "credentialsProvider must not be null");
			return this;
		}

		/**
		 * Sets how long to wait for a connection.
		 * @param connectTimeout the timeout
		 * @return this builder
		 */
		public Builder connectTimeout(Duration connectTimeout) {
			this.connectTimeout = positive(connectTimeout, "connectTimeout");
			return this;
		}

		/**
		 * Sets the deadline of every call of a kind: from subscription to the decoded outcome,
		 * connecting, waiting for a pooled connection and retries included. The backend sends
		 * nothing while a function runs, so this also bounds a function's run time as seen
		 * from here. A reference's own timeout ({@link ConvexAction#withTimeout}) wins.
		 * @param kind the kind of function
		 * @param timeout the deadline
		 * @return this builder
		 */
		public Builder timeout(FunctionKind kind, Duration timeout) {
			this.timeouts.put(Objects.requireNonNull(kind, "kind must not be null"), positive(timeout, "timeout"));
			return this;
		}

		/**
		 * Sets the deadline of every call, whatever its kind.
		 * @param timeout the deadline
		 * @return this builder
		 * @deprecated since 0.1.0 for {@link #timeout(FunctionKind, Duration)}: actions need
		 * far longer than queries and mutations
		 */
		@Deprecated(since = "0.1.0")
		public Builder responseTimeout(Duration timeout) {
			for (FunctionKind kind : FunctionKind.values()) {
				timeout(kind, timeout);
			}
			return this;
		}

		/**
		 * Sends through these connectors rather than Reactor Netty connectors on pools of the
		 * transport's own; the connect timeout and pool settings do not apply to them, and
		 * their owner closes them.
		 * @param connectors the connectors
		 * @return this builder
		 */
		public Builder connectors(ConvexHttpConnectors connectors) {
			this.connectors = Objects.requireNonNull(connectors, "connectors must not be null");
			return this;
		}

		/**
		 * Sets which failed calls are repeated, and after how long; by default
		 * {@link ConvexRetryPolicy#defaults()}, which repeats only what cannot repeat a
		 * function's effects. {@link ConvexRetryPolicy#none()} repeats nothing.
		 * @param retryPolicy the policy
		 * @return this builder
		 */
		public Builder retryPolicy(ConvexRetryPolicy retryPolicy) {
			this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy must not be null");
			return this;
		}

		/**
		 * Sets the connection pools' settings, for the connectors the transport makes itself.
		 * @param pool the settings
		 * @return this builder
		 */
		public Builder pool(ConvexPoolSettings pool) {
			this.pool = Objects.requireNonNull(pool, "pool must not be null");
			return this;
		}

		/**
		 * Sets the largest response body accepted.
		 * @param maxResponseSize the limit
		 * @return this builder
		 */
		public Builder maxResponseSize(DataSize maxResponseSize) {
			Objects.requireNonNull(maxResponseSize, "maxResponseSize must not be null");
			if (maxResponseSize.toBytes() <= 0) {
				throw new IllegalArgumentException("maxResponseSize must be positive, not " + maxResponseSize);
			}
			this.maxResponseSize = maxResponseSize;
			return this;
		}

		/**
		 * Adds a last adjustment of the {@link WebClient.Builder} (filters, headers), made by
		 * the first call of the kinds each WebClient serves (queries and mutations, actions).
		 * @param customizer the customizer
		 * @return this builder
		 */
		public Builder customizeWebClient(Consumer<WebClient.Builder> customizer) {
			this.customizer = this.customizer.andThen(customizer);
			return this;
		}

		/**
		 * Observes every execution in the registry: one observation each (see
		 * {@link ConvexObservationDocumentation}), for metrics, spans and the registry's other
		 * handlers, such as logging. With the no-op registry (the default), calls are not
		 * wrapped at all.
		 * @param observationRegistry the registry
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = Objects.requireNonNull(observationRegistry,
					"observationRegistry must not be null");
			return this;
		}

		/**
		 * Sets the convention that names and tags the observations, instead of a
		 * {@link DefaultConvexObservationConvention}.
		 * @param observationConvention the convention
		 * @return this builder
		 */
		public Builder observationConvention(ConvexObservationConvention observationConvention) {
			this.observationConvention = Objects.requireNonNull(observationConvention,
					"observationConvention must not be null");
			return this;
		}

		/**
		 * Sets whether the WebClient's {@code http.client.requests} observation, where
		 * {@link #httpClientObservations} turns it on, nests under the execution's (by default
		 * it does, through the Reactor context, where the application's filters also find the
		 * execution's observation). Turn it off where the registry is not the one the WebClient
		 * observes in, such as a registry that only logs, so that spans stay as they would be
		 * without it.
		 * @param nestHttpObservations whether HTTP observations nest under executions
		 * @return this builder
		 */
		public Builder nestHttpObservations(boolean nestHttpObservations) {
			this.nestHttpObservations = nestHttpObservations;
			return this;
		}

		/**
		 * Sets whether the WebClient also observes each Convex call as its own
		 * {@code http.client.requests} (nested under the execution's, see
		 * {@link #nestHttpObservations}). Off by default: the execution's observation already
		 * times the exchange, retries included, and a second observation per call costs about as
		 * much as the first (see the observability guide for the numbers).
		 * @param httpClientObservations whether the WebClient observes Convex calls
		 * @return this builder
		 */
		public Builder httpClientObservations(boolean httpClientObservations) {
			this.httpClientObservations = httpClientObservations;
			return this;
		}

		/**
		 * Builds the transport.
		 * @return the transport
		 */
		public ConvexTransport build() {
			return new ConvexTransport(this);
		}

		private static Duration positive(Duration duration, String name) {
			Objects.requireNonNull(duration, name + " must not be null");
			if (duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException(name + " must be positive, not " + duration);
			}
			return duration;
		}

	}

}
