package io.convexspring.client;

import java.util.function.Function;

import reactor.core.publisher.Mono;

/**
 * Asks a {@link ConvexCredentialsProvider} for a call's credentials, and, when the backend
 * refuses them as expired, asks once more with {@code forceRefresh} and repeats the call once
 * (safe: a refused call did not run). A provider that fails, or answers its own error, fails
 * the call with a {@link ConvexAuthenticationException} before anything is sent.
 */
final class CredentialsResolver {

	/** The backend's code for a user token past its {@code exp}. */
	static final String TOKEN_EXPIRED = "TokenExpired";

	private CredentialsResolver() {
	}

	static <R> Mono<R> resolve(FunctionKind kind, String path, ConvexCredentialsProvider provider,
			Function<ConvexCredentials, Mono<R>> send) {
		if (provider instanceof ConvexCredentialsProvider.FixedCredentialsProvider fixed) {
			// asked again, it would answer the same, which is refused again: no refresh to wire up
			return send.apply(fixed.credentials());
		}
		return ask(kind, path, provider, false).flatMap((credentials) -> send.apply(credentials)
			.onErrorResume(CredentialsResolver::expired,
					(refused) -> ask(kind, path, provider, true).flatMap((fresh) ->
					// the same token again would only be refused again
					fresh.equals(credentials) ? Mono.<R>error(refused) : send.apply(fresh))));
	}

	private static boolean expired(Throwable failure) {
		return failure instanceof ConvexAuthenticationException refused && refused.httpStatus().orElse(0) == 401
				&& refused.code().filter(TOKEN_EXPIRED::equals).isPresent();
	}

	private static Mono<ConvexCredentials> ask(FunctionKind kind, String path, ConvexCredentialsProvider provider,
			boolean forceRefresh) {
		Mono<ConvexCredentials> credentials;
		try {
			credentials = provider.credentials(forceRefresh);
		}
		catch (RuntimeException ex) {
			return Mono.error(unavailable(kind, path, ex));
		}
		if (credentials == null) {
			return Mono.error(unavailable(kind, path, new NullPointerException("the provider returned null")));
		}
		return credentials.defaultIfEmpty(ConvexCredentials.none())
			.onErrorMap((failure) -> !(failure instanceof ConvexException), (failure) -> unavailable(kind, path, failure));
	}

	private static ConvexAuthenticationException unavailable(FunctionKind kind, String path, Throwable failure) {
		// the provider's message is left out: it is the provider's to write and may hold what it fetched
		return new ConvexAuthenticationException(kind, path,
				"its credentials provider failed (" + failure.getClass().getSimpleName() + ")", failure);
	}

	/**
	 * Returns the credentials of a fixed provider.
	 * @throws IllegalStateException if the provider is asked per call
	 */
	static ConvexCredentials fixed(ConvexCredentialsProvider provider, String owner) {
		if (provider instanceof ConvexCredentialsProvider.FixedCredentialsProvider fixed) {
			return fixed.credentials();
		}
		throw new IllegalStateException(owner + " asks a ConvexCredentialsProvider for its credentials per call, "
				+ "so it has no fixed credentials: use credentialsProvider()");
	}

}
