package io.convexspring.client;

import java.util.Objects;

import reactor.core.publisher.Mono;

/**
 * Where calls get their {@link ConvexCredentials}: asked for every HTTP call as it is sent, and
 * by every live-query socket when it authenticates and before its token expires. A provider may
 * return the same credentials each time ({@link #of}), or read them where the call is made: from
 * the Reactor context ({@code Mono.deferContextual}), or from a thread-bound context such as
 * Spring Security's {@code SecurityContextHolder} (the returned {@code Mono} is subscribed on the
 * thread that subscribes the call, so a blocking call from a servlet request sees that request's
 * context).
 *
 * <p>When the backend refuses the credentials as expired, the caller asks once more with
 * {@code forceRefresh} set, as the npm client's {@code fetchToken({forceRefreshToken: true})}
 * does; a provider that caches tokens should then fetch a fresh one.
 *
 * @see ConvexCredentials
 */
@FunctionalInterface
public interface ConvexCredentialsProvider {

	/**
	 * Returns the credentials to use now.
	 * @param forceRefresh whether the last credentials were refused as expired, so a cached
	 * token must not be returned again
	 * @return the credentials; an empty {@code Mono} means {@link ConvexCredentials#none()}; an
	 * error fails the call before anything is sent
	 */
	Mono<ConvexCredentials> credentials(boolean forceRefresh);

	/**
	 * Returns the provider a connection shared by many callers (a live-query socket) uses in
	 * this one's place. A provider that answers the credentials of whoever calls (such as the
	 * signed-in user of the current request) must not authenticate a socket others share, so it
	 * answers the credentials it falls back to; others answer themselves.
	 * @return the provider for shared connections
	 */
	default ConvexCredentialsProvider forSharedConnections() {
		return this;
	}

	/**
	 * Returns a provider that always answers the same credentials. Two such providers are equal
	 * when their credentials are, so that live queries with equal credentials share a socket.
	 * @param credentials the credentials
	 * @return the provider
	 */
	static ConvexCredentialsProvider of(ConvexCredentials credentials) {
		return new FixedCredentialsProvider(credentials);
	}

	/**
	 * A provider of fixed credentials.
	 *
	 * @param credentials the credentials every call uses
	 */
	record FixedCredentialsProvider(ConvexCredentials credentials) implements ConvexCredentialsProvider {

		/**
		 * Creates a provider of fixed credentials.
		 * @param credentials the credentials every call uses
		 */
		public FixedCredentialsProvider {
			Objects.requireNonNull(credentials, "credentials must not be null");
		}

		@Override
		public Mono<ConvexCredentials> credentials(boolean forceRefresh) {
			return Mono.just(this.credentials);
		}

	}

}
