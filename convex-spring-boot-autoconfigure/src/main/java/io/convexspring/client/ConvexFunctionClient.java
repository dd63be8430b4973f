package io.convexspring.client;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.convexspring.state.ArgumentValidator;

/**
 * What the action, mutation and query clients share: the transport, the credentials a client
 * is bound to, calls by plain path, and binding to a user's token.
 *
 * @param <C> the concrete client type
 */
abstract sealed class ConvexFunctionClient<C extends ConvexFunctionClient<C>>
		permits ConvexActionClient, ConvexMutationClient, ConvexQueryClient {

	private final FunctionKind kind;

	private final ConvexTransport transport;

	private final ConvexCredentialsProvider credentials;

	private final @Nullable ArgumentValidator argumentValidation;

	ConvexFunctionClient(FunctionKind kind, ConvexTransport transport, ConvexCredentialsProvider credentials,
			@Nullable ArgumentValidator argumentValidation) {
		this.kind = kind;
		this.transport = Objects.requireNonNull(transport, "transport must not be null");
		this.credentials = Objects.requireNonNull(credentials, "credentials must not be null");
		this.argumentValidation = argumentValidation;
	}

	abstract C withTransport(ConvexTransport transport, ConvexCredentialsProvider credentials,
			@Nullable ArgumentValidator argumentValidation);

	final <R> Mono<R> call(ConvexFunction<?, R> function, @Nullable Object args) {
		Mono<R> call = this.transport.execute(this.kind, function.path(), args,
				this.transport.codec().javaType(function.resultType()), this.credentials,
				function.timeout().orElse(null));
		return validated(function, args, call);
	}

	private <R> Mono<R> validated(ConvexFunction<?, ?> function, @Nullable Object args, Mono<R> call) {
		ArgumentValidator validator = this.argumentValidation;
		if (validator == null || args == null) {
			return call;
		}
		// checked as the call is subscribed, like everything else about it; nothing is sent on a violation
		return Mono.defer(() -> {
			validator.validate(function, args);
			return call;
		});
	}

	final <R> @Nullable R await(Mono<R> call, String path) {
		return this.transport.block(call, this.kind, path);
	}

	final <R> @Nullable R await(Mono<R> call, ConvexFunction<?, R> function) {
		return this.transport.block(call, this.kind, function.path(), function.timeout().orElse(null));
	}

	/**
	 * Calls a function by its path, for quick use; prefer a function reference made once.
	 * @param <R> the result type
	 * @param path the function path, e.g. {@code emails:send}
	 * @param args the arguments (a record, a bean or a {@code Map}); {@code null} sends
	 * {@code {}}
	 * @param resultType the result type
	 * @return the result; empty for a Convex {@code null}
	 * @throws IllegalArgumentException if the path is not a valid function path
	 */
	public <R> Mono<R> execute(String path, @Nullable Object args, Class<R> resultType) {
		Mono<R> call = this.transport.execute(this.kind, FunctionPaths.check(path), args,
				this.transport.codec().javaType(resultType), this.credentials);
		return (this.argumentValidation != null && args != null)
				? validated(ConvexFunction.untyped(this.kind, path, args.getClass()), args, call) : call;
	}

	/**
	 * Calls a function by its path and waits for its result.
	 * @param <R> the result type
	 * @param path the function path, e.g. {@code emails:send}
	 * @param args the arguments; {@code null} sends {@code {}}
	 * @param resultType the result type
	 * @return the result, or {@code null} for a Convex {@code null}
	 * @throws ConvexException as the call fails
	 */
	public <R> @Nullable R executeBlocking(String path, @Nullable Object args, Class<R> resultType) {
		return await(execute(path, args, resultType), path);
	}

	/**
	 * Returns a client like this one whose calls run as the user the token identifies, for
	 * forwarding a signed-in user's JWT ({@code Authorization: Bearer <token>}).
	 * @param token the user's JWT
	 * @return a client bound to the token
	 * @throws IllegalArgumentException if the token is blank
	 */
	public C withUserToken(String token) {
		return withCredentials(ConvexCredentials.userToken(token));
	}

	/**
	 * Returns a client like this one whose calls run with the given credentials.
	 * @param credentials the credentials
	 * @return a client bound to the credentials
	 */
	public C withCredentials(ConvexCredentials credentials) {
		return withCredentials(ConvexCredentialsProvider.of(credentials));
	}

	/**
	 * Returns a client like this one whose calls ask the provider for their credentials, each
	 * as it is sent: a token source that refreshes, or one that reads who is signed in.
	 * @param provider the provider
	 * @return a client bound to the provider
	 */
	public C withCredentials(ConvexCredentialsProvider provider) {
		return withTransport(this.transport, Objects.requireNonNull(provider, "provider must not be null"),
				this.argumentValidation);
	}

	/**
	 * Returns a client like this one that checks the arguments of every call (by reference or
	 * by path) before anything is sent, as {@code convex.validation.enabled=true} sets up: a
	 * violation fails the call with a {@link ConvexValidationException}.
	 * @param validator what checks the arguments, e.g. a
	 * {@link io.convexspring.state.BeanValidationArgumentValidator}
	 * @return a client that validates every call's arguments
	 */
	public C withArgumentValidation(ArgumentValidator validator) {
		return withTransport(this.transport, this.credentials,
				Objects.requireNonNull(validator, "validator must not be null"));
	}

	/**
	 * Whether this client checks the arguments of every call.
	 * @return whether {@link #withArgumentValidation} applies
	 */
	public boolean validatesArguments() {
		return this.argumentValidation != null;
	}

	/**
	 * Returns the credentials this client's calls run with, where they are fixed.
	 * @return the credentials
	 * @throws IllegalStateException if the client asks a provider per call (see
	 * {@link #credentialsProvider()})
	 */
	public ConvexCredentials credentials() {
		return CredentialsResolver.fixed(this.credentials, "This client");
	}

	/**
	 * Returns where this client's calls get their credentials.
	 * @return the provider
	 */
	public ConvexCredentialsProvider credentialsProvider() {
		return this.credentials;
	}

	/**
	 * Returns the transport this client calls through.
	 * @return the transport
	 */
	public ConvexTransport transport() {
		return this.transport;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.transport.deploymentUrl() + ", " + this.credentials + "]";
	}

}
