package io.convexspring.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import io.convexspring.client.ConvexTransport;

/**
 * Configuration properties for the Convex clients ({@code convex.*}).
 */
@ConfigurationProperties("convex")
public class ConvexProperties {

	/**
	 * URL of the Convex deployment, e.g. https://happy-otter-123.convex.cloud. Also read from
	 * the CONVEX_URL environment variable.
	 */
	private @Nullable String url;

	/**
	 * Deploy key for admin access (may call internal functions). Sent as 'Authorization:
	 * Convex <key>'; never logged.
	 */
	private @Nullable String deployKey;

	/**
	 * What to log around each function execution: false (nothing), info (one line per
	 * execution, plus the function's own log lines) or debug (also arguments, results and
	 * HTTP details).
	 */
	private Logging logging = Logging.OFF;

	/**
	 * Maximum number of characters of an argument or result preview, in logs with
	 * convex.logging=debug and in the convex actuator endpoint; longer ones end with '...
	 * (truncated)'. Byte arrays show as their length.
	 */
	private int loggingPreviewSize = 500;

	/**
	 * Maximum time to wait for a connection to the deployment.
	 */
	private Duration connectTimeout = ConvexTransport.DEFAULT_CONNECT_TIMEOUT;

	/**
	 * Maximum time to wait for a function's response. The backend sends nothing while a
	 * function runs; the default outlasts the longest action Convex allows (30 minutes).
	 */
	private Duration responseTimeout = ConvexTransport.DEFAULT_RESPONSE_TIMEOUT;

	/**
	 * Largest response body accepted. Convex limits a return value to 16 MiB; bytes grow by a
	 * third in the JSON encoding.
	 */
	private DataSize maxResponseSize = ConvexTransport.DEFAULT_MAX_RESPONSE_SIZE;

	/**
	 * Whether to accept a deployment URL that does not look like a Convex deployment's API: a
	 * host on .convex.site (which serves HTTP actions) or a URL with a path. For a
	 * self-hosted backend behind a proxy or a path prefix.
	 */
	private boolean skipDeploymentUrlCheck;

	private final Metrics metrics = new Metrics();

	private final Health health = new Health();

	private final RecentExecutions recentExecutions = new RecentExecutions();

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public @Nullable String getDeployKey() {
		return this.deployKey;
	}

	public void setDeployKey(@Nullable String deployKey) {
		this.deployKey = deployKey;
	}

	public Logging getLogging() {
		return this.logging;
	}

	public void setLogging(Logging logging) {
		this.logging = logging;
	}

	public int getLoggingPreviewSize() {
		return this.loggingPreviewSize;
	}

	public void setLoggingPreviewSize(int loggingPreviewSize) {
		this.loggingPreviewSize = loggingPreviewSize;
	}

	public boolean isSkipDeploymentUrlCheck() {
		return this.skipDeploymentUrlCheck;
	}

	public void setSkipDeploymentUrlCheck(boolean skipDeploymentUrlCheck) {
		this.skipDeploymentUrlCheck = skipDeploymentUrlCheck;
	}

	public Metrics getMetrics() {
		return this.metrics;
	}

	public Health getHealth() {
		return this.health;
	}

	public RecentExecutions getRecentExecutions() {
		return this.recentExecutions;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getResponseTimeout() {
		return this.responseTimeout;
	}

	public void setResponseTimeout(Duration responseTimeout) {
		this.responseTimeout = responseTimeout;
	}

	public DataSize getMaxResponseSize() {
		return this.maxResponseSize;
	}

	public void setMaxResponseSize(DataSize maxResponseSize) {
		this.maxResponseSize = maxResponseSize;
	}

	/**
	 * Observation of function executions ({@code convex.metrics.*}).
	 */
	public static class Metrics {

		/**
		 * Whether to observe function executions for metrics and tracing (timers, in-flight
		 * long task timers, spans). Logging (convex.logging) works either way.
		 */
		private boolean enabled = true;

		/**
		 * Maximum number of distinct function paths used as 'function' tag values; executions
		 * of further paths are tagged 'OTHER'.
		 */
		private int maxFunctionTags = 200;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxFunctionTags() {
			return this.maxFunctionTags;
		}

		public void setMaxFunctionTags(int maxFunctionTags) {
			this.maxFunctionTags = maxFunctionTags;
		}

	}

	/**
	 * The health indicator ({@code convex.health.*}).
	 */
	public static class Health {

		/**
		 * Maximum time the health check waits for the deployment to answer GET /version.
		 */
		private Duration timeout = Duration.ofSeconds(2);

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

	/**
	 * The executions the convex actuator endpoint lists ({@code convex.recent-executions.*}).
	 */
	public static class RecentExecutions {

		/**
		 * Number of most recent function executions the convex actuator endpoint keeps.
		 */
		private int size = 50;

		public int getSize() {
			return this.size;
		}

		public void setSize(int size) {
			this.size = size;
		}

	}

	/**
	 * What {@code convex.logging} may be set to. YAML's {@code false} binds to {@link #OFF}.
	 */
	public enum Logging {

		/** Log nothing per execution. */
		OFF,

		/** One line per execution, plus the function's own log lines. */
		INFO,

		/** As {@link #INFO}, plus starts, HTTP details and argument and result previews. */
		DEBUG

	}

}
