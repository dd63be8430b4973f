package io.convexspring.sample;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.convexspring.client.ConvexTransport;
import io.convexspring.sample.demo.DemoConvexBackend;

/**
 * {@code GET /api/backend}: which Convex backend the app calls, for the page to show.
 */
@RestController
class BackendController {

	private final Backend backend;

	BackendController(ConvexTransport transport, ObjectProvider<DemoConvexBackend> demo) {
		String kind = (demo.getIfAvailable() != null) ? "demo" : "deployment";
		this.backend = new Backend(kind, transport.deploymentUrl().toString());
	}

	@GetMapping("/api/backend")
	Backend backend() {
		return this.backend;
	}

	/**
	 * The backend in use.
	 *
	 * @param kind {@code demo} for the embedded demo backend, {@code deployment} for a real one
	 * @param url the deployment URL
	 */
	record Backend(String kind, String url) {
	}

}
