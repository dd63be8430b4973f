package io.convexspring.sample.demo;

import io.convexspring.test.server.Identity;
import io.convexspring.test.server.LocalConvexDeployment;
import io.convexspring.test.server.RequestRefusedException;

/**
 * A fake Convex deployment served in-process on {@code 127.0.0.1}, so the sample app and its
 * clients run with no Convex account: the demo functions on a {@link LocalConvexDeployment},
 * which speaks the real HTTP protocol and the WebSocket sync protocol over the same in-memory
 * data, so a mutation over HTTP updates the subscribers of {@code orders:list}. The functions
 * are {@code emails:send}, {@code ai:generateImage}, {@code files:process},
 * {@code payments:createCheckoutSession}, {@code payments:charge}, {@code reports:generate},
 * {@code orders:save}, {@code orders:list}, {@code reports:setStatus} and {@code reports:status}; their behaviour is tuned by {@link DemoSettings}.
 * Two credentials play refusals: the user token {@code expired} (401 {@code TokenExpired}) and
 * the deploy key {@code bad-key} (403 {@code BadDeployKey}).
 *
 * <pre>{@code
 * try (DemoConvexBackend backend = DemoConvexBackend.start(0, DemoSettings.defaults())) {
 *     String deploymentUrl = backend.url();
 * }
 * }</pre>
 */
public final class DemoConvexBackend implements AutoCloseable {

	private final LocalConvexDeployment deployment;

	private DemoConvexBackend(LocalConvexDeployment deployment) {
		this.deployment = deployment;
	}

	/**
	 * Starts serving the demo functions.
	 * @param port the port to listen on, or 0 for any free port (see {@link #url()})
	 * @param settings how the demo functions behave
	 * @return the running backend; close it to stop
	 * @throws RuntimeException if the port cannot be bound
	 */
	public static DemoConvexBackend start(int port, DemoSettings settings) {
		LocalConvexDeployment.Builder deployment = LocalConvexDeployment.builder()
			.port(port)
			.backendVersion("demo-backend-1.0.0")
			.instanceName("demo")
			.tokenVerifier(DemoConvexBackend::verify);
		EmailFunctions.registerTo(deployment);
		ImageFunctions.registerTo(deployment);
		FileFunctions.registerTo(deployment);
		PaymentFunctions.registerTo(deployment);
		OrderStore orders = new OrderStore();
		ReportFunctions.registerTo(deployment, settings, orders);
		OrderFunctions.registerTo(deployment, orders);
		ReportStatusFunctions.registerTo(deployment);
		return new DemoConvexBackend(deployment.start());
	}

	/**
	 * The deployment URL to give a Convex client.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String url() {
		return this.deployment.url();
	}

	/** Stops serving; calls in flight, such as a sleeping report, are interrupted. */
	@Override
	public void close() {
		this.deployment.close();
	}

	/** Any token is a valid identity in the demo, except the two that play refusals. */
	private static void verify(Identity identity) {
		String token = String.valueOf(identity.token());
		if (identity.kind() == Identity.Kind.USER && token.equals("expired")) {
			throw new RequestRefusedException(401, "TokenExpired", "The auth token has expired; fetch a new one");
		}
		// An admin key may carry ":<identity>" to act as a user; only the key part is checked.
		if (identity.kind() == Identity.Kind.ADMIN && token.split(":", 2)[0].equals("bad-key")) {
			throw new RequestRefusedException(403, "BadDeployKey", "The provided deploy key is invalid for deployment 'demo'");
		}
	}

}
