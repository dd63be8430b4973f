package io.convexspring.benchmarks;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

import io.convexspring.client.ConvexActionClient;

/**
 * The client as a Boot application with Actuator gets it: every auto-configuration on the
 * class path (the meter registry and observation handlers of Actuator, Boot's
 * {@code WebClient.Builder} and its {@code http.client.requests} observation, the starter's),
 * with Logback writing {@code io.convexspring.*} to a file and nothing to the console.
 */
final class BootedClient implements AutoCloseable {

	/** Where the logging contestants write their lines. */
	static final Path LOG_FILE = Path.of(System.getProperty("java.io.tmpdir"), "convex-benchmarks.log");

	private final ConfigurableApplicationContext context;

	private final ConvexActionClient client;

	private BootedClient(ConfigurableApplicationContext context) {
		this.context = context;
		this.client = context.getBean(ConvexActionClient.class);
	}

	/**
	 * Starts an application against the server.
	 * @param url the deployment URL
	 * @param extra properties beyond the common ones (e.g. {@code convex.logging=info})
	 * @return the running application
	 */
	static BootedClient start(String url, Map<String, Object> extra) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("convex.url", url);
		properties.put("spring.main.banner-mode", "off");
		properties.put("spring.main.register-shutdown-hook", "false");
		properties.put("logging.file.name", LOG_FILE.toString());
		properties.put("logging.threshold.console", "off");
		properties.put("logging.level.root", "warn");
		properties.put("logging.level.io.convexspring", "info");
		properties.putAll(extra);
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setLogStartupInfo(false);
		application.setDefaultProperties(properties);
		return new BootedClient(application.run());
	}

	ConvexActionClient client() {
		return this.client;
	}

	@Override
	public void close() {
		this.context.close();
	}

	/** A minimal application: auto-configuration only. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
