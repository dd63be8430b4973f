package io.convexspring.sample.checkout;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.convexspring.client.ConvexActionClient;
import io.convexspring.sample.api.Api;
import io.convexspring.sample.api.Payments;

/**
 * {@code POST /api/checkout}: creates a checkout session with {@code payments:createCheckoutSession}
 * and answers it; the page then sends the browser to its {@code url}. (A server-side redirect
 * would not do: the page calls with {@code fetch}, which cannot follow a redirect to another
 * origin, and it must stay on the page to show an error.) The provider sends the buyer back to
 * {@code /checkout/success.html} or {@code /checkout/cancelled.html} of this app.
 */
@RestController
class CheckoutController {

	private final ConvexActionClient actions;

	CheckoutController(ConvexActionClient actions) {
		this.actions = actions;
	}

	@PostMapping("/api/checkout")
	Payments.CreateCheckoutSessionResult checkout(@Valid @RequestBody CheckoutRequest request) {
		Payments.CreateCheckoutSessionArgs args = new Payments.CreateCheckoutSessionArgs(request.productId(), request.quantity(),
				pageUrl("/checkout/success.html"), pageUrl("/checkout/cancelled.html"));
		return this.actions.executeBlocking(Api.payments.createCheckoutSession, args);
	}

	/** An absolute URL of this app, as the browser reached it (forwarded headers included, when enabled). */
	private static String pageUrl(String path) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
	}

}
