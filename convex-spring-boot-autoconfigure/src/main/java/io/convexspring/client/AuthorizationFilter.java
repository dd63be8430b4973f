package io.convexspring.client;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * Sets the call's {@code Authorization} as the last filter of the transport's WebClient, after
 * the application's own: a filter of the application's (Spring Security's bearer-token
 * filter, for one) cannot replace the deploy key or the user's token, nor add a token to an
 * anonymous call. The one place the header is written.
 */
final class AuthorizationFilter implements ExchangeFilterFunction {

	/**
	 * The request attribute of a Convex call: its {@code Authorization} value, or
	 * {@link #ANONYMOUS}. Requests without it ({@code GET /version}) pass as they are. One
	 * attribute, since the WebClient copies every attribute map entry of every request.
	 */
	static final String ATTRIBUTE = AuthorizationFilter.class.getName() + ".authorization";

	/** The {@link #ATTRIBUTE} value of a call without credentials. */
	static final Object ANONYMOUS = new Object() {

		@Override
		public String toString() {
			return "anonymous";
		}

	};

	static final AuthorizationFilter INSTANCE = new AuthorizationFilter();

	private AuthorizationFilter() {
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		Object call = request.attributes().get(ATTRIBUTE);
		if (call == null) {
			return next.exchange(request);
		}
		String authorization = (call == ANONYMOUS) ? null : (String) call;
		List<String> sent = request.headers().get(HttpHeaders.AUTHORIZATION);
		if ((sent == null) ? authorization == null
				: (sent.size() == 1 && authorization != null && sent.get(0).equals(authorization))) {
			// as the transport set it: no filter of the application's changed it
			return next.exchange(request);
		}
		ClientRequest own = ClientRequest.from(request).headers((headers) -> {
			headers.remove(HttpHeaders.AUTHORIZATION);
			if (authorization != null) {
				headers.set(HttpHeaders.AUTHORIZATION, authorization);
			}
		}).build();
		return next.exchange(own);
	}

	@Override
	public String toString() {
		return "AuthorizationFilter";
	}

}
