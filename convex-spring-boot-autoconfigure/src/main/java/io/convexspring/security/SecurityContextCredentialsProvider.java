package io.convexspring.security;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.AbstractOAuth2Token;
import reactor.core.publisher.Mono;

import io.convexspring.client.ConvexCredentials;
import io.convexspring.client.ConvexCredentialsProvider;

/**
 * Relays the signed-in user's bearer token, the way Spring Security's token relay does: a call
 * made while a request authenticated by an OAuth2 resource server (a {@code Jwt} or an opaque
 * bearer token) is handled runs as that user ({@code Authorization: Bearer <the same token>}).
 * It reads the reactive {@code SecurityContext} from the Reactor context (WebFlux) and,
 * without one, the thread's {@link SecurityContextHolder} (Spring MVC: a blocking call, or a
 * {@code Mono} subscribed on the request's thread). Without an authenticated token, such as
 * outside a request, calls use the fallback: the deploy key, or none.
 *
 * <p>A relayed token is the request's own, so it cannot be refreshed here: asked with
 * {@code forceRefresh}, it answers the same token, and the expired call fails.
 */
public final class SecurityContextCredentialsProvider implements ConvexCredentialsProvider {

	private final ConvexCredentialsProvider fallback;

	/**
	 * Creates a provider.
	 * @param fallback where calls get their credentials without a signed-in user
	 */
	public SecurityContextCredentialsProvider(ConvexCredentialsProvider fallback) {
		this.fallback = Objects.requireNonNull(fallback, "fallback must not be null");
	}

	@Override
	public Mono<ConvexCredentials> credentials(boolean forceRefresh) {
		return ReactiveSecurityContextHolder.getContext()
			.flatMap((context) -> Mono.justOrEmpty(token(context)))
			.switchIfEmpty(Mono.defer(() -> Mono.justOrEmpty(token(SecurityContextHolder.getContext()))))
			.map(ConvexCredentials::userToken)
			.switchIfEmpty(Mono.defer(() -> this.fallback.credentials(forceRefresh)));
	}

	private static @Nullable String token(@Nullable SecurityContext context) {
		Authentication authentication = (context != null) ? context.getAuthentication() : null;
		if (authentication == null || !authentication.isAuthenticated()) {
			return null;
		}
		if (authentication.getCredentials() instanceof AbstractOAuth2Token token) {
			return token.getTokenValue();
		}
		return (authentication.getPrincipal() instanceof AbstractOAuth2Token token) ? token.getTokenValue() : null;
	}

	/**
	 * Returns the fallback: a socket shared by many callers must not run as the user who
	 * happened to open it.
	 * @return the fallback
	 */
	@Override
	public ConvexCredentialsProvider forSharedConnections() {
		return this.fallback.forSharedConnections();
	}

	/**
	 * Returns where calls get their credentials without a signed-in user.
	 * @return the fallback
	 */
	public ConvexCredentialsProvider fallback() {
		return this.fallback;
	}

	@Override
	public String toString() {
		return "SecurityContextCredentialsProvider[fallback=" + this.fallback + "]";
	}

}
