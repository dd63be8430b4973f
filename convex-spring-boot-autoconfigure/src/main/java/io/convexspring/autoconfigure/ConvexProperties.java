package io.convexspring.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;
import org.springframework.util.unit.DataSize;

import io.convexspring.client.ConvexPoolSettings;
import io.convexspring.client.ConvexRetryPolicy;
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
	 * Deadline of every call, whatever its kind. Deprecated: set convex.query.timeout,
	 * convex.mutation.timeout and convex.action.timeout; when set, this replaces all three.
	 */
	private @Nullable Duration responseTimeout;

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

	private final Query query = new Query();

	private final Mutation mutation = new Mutation();

	private final Action action = new Action();

	private final Http http = new Http();

	private final Ssl ssl = new Ssl();

	private final Retry retry = new Retry();

	/**
	 * Whether start-up fails where a convex.* property is set that no Convex module declares
	 * (a misspelt key, such as convex.urll), naming the closest known one. Environment
	 * variables are not checked.
	 */
	private boolean failOnUnknownProperties = true;

	private final Metrics metrics = new Metrics();

	private final Health health = new Health();

	private final RecentExecutions recentExecutions = new RecentExecutions();

	private final Security security = new Security();

	private final Web web = new Web();

	private final Validation validation = new Validation();

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

	public boolean isFailOnUnknownProperties() {
		return this.failOnUnknownProperties;
	}

	public void setFailOnUnknownProperties(boolean failOnUnknownProperties) {
		this.failOnUnknownProperties = failOnUnknownProperties;
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

	public Security getSecurity() {
		return this.security;
	}

	public Web getWeb() {
		return this.web;
	}

	public Validation getValidation() {
		return this.validation;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	@Deprecated(since = "0.1.0")
	@DeprecatedConfigurationProperty(replacement = "convex.action.timeout",
			reason = "Each kind of function has its own timeout: convex.query.timeout, convex.mutation.timeout and convex.action.timeout",
			since = "0.1.0")
	public @Nullable Duration getResponseTimeout() {
		return this.responseTimeout;
	}

	@Deprecated(since = "0.1.0")
	public void setResponseTimeout(@Nullable Duration responseTimeout) {
		this.responseTimeout = responseTimeout;
	}

	public Query getQuery() {
		return this.query;
	}

	public Mutation getMutation() {
		return this.mutation;
	}

	public Action getAction() {
		return this.action;
	}

	public Http getHttp() {
		return this.http;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public DataSize getMaxResponseSize() {
		return this.maxResponseSize;
	}

	public void setMaxResponseSize(DataSize maxResponseSize) {
		this.maxResponseSize = maxResponseSize;
	}

	/**
	 * Calls of queries ({@code convex.query.*}).
	 */
	public static class Query {

		/**
		 * Deadline of a query call, from its start to its decoded result, retries included.
		 * Convex stops a query's code after a second; the rest is room for the network.
		 */
		private Duration timeout = Duration.ofSeconds(60);

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

	/**
	 * Calls of mutations ({@code convex.mutation.*}).
	 */
	public static class Mutation {

		/**
		 * Deadline of a mutation call, from its start to its decoded result. Convex stops a
		 * mutation's code after a second; the rest is room for the network.
		 */
		private Duration timeout = Duration.ofSeconds(60);

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

	/**
	 * Calls of actions ({@code convex.action.*}).
	 */
	public static class Action {

		/**
		 * Deadline of an action call, from its start to its decoded result. The backend sends
		 * nothing while an action runs; the default outlasts the longest action Convex allows
		 * (30 minutes).
		 */
		private Duration timeout = Duration.ofMinutes(31);

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

	/**
	 * The starter's own HTTP connection pools ({@code convex.http.*}): one for queries and
	 * mutations, one for actions.
	 */
	public static class Http {

		/**
		 * Maximum number of connections open at once for queries and mutations.
		 */
		private int maxConnections = 500;

		/**
		 * Maximum number of connections open at once for actions, in a pool of their own so
		 * that long actions cannot hold up queries and mutations.
		 */
		private int actionMaxConnections = 500;

		/**
		 * Maximum number of calls waiting for a free connection, per pool; a call beyond it
		 * is refused before it is sent.
		 */
		private int pendingAcquireMaxCount = 100_000;

		/**
		 * Maximum time a call waits for a free connection before it is refused, unsent.
		 */
		private Duration pendingAcquireTimeout = Duration.ofSeconds(60);

		/**
		 * Maximum time a connection stays idle in the pool; one idle longer is closed, never
		 * used for a call. Keep it below the idle timeout of the proxies in front of Convex.
		 */
		private Duration maxIdleTime = Duration.ofSeconds(30);

		/**
		 * Maximum time a connection is used, from when it was opened.
		 */
		private Duration maxLifeTime = Duration.ofMinutes(10);

		/**
		 * Interval at which idle and expired connections are closed in the background; 0 to
		 * close them only when a call would take them.
		 */
		private Duration evictInBackground = Duration.ofSeconds(30);

		public int getMaxConnections() {
			return this.maxConnections;
		}

		public void setMaxConnections(int maxConnections) {
			this.maxConnections = maxConnections;
		}

		public int getActionMaxConnections() {
			return this.actionMaxConnections;
		}

		public void setActionMaxConnections(int actionMaxConnections) {
			this.actionMaxConnections = actionMaxConnections;
		}

		public int getPendingAcquireMaxCount() {
			return this.pendingAcquireMaxCount;
		}

		public void setPendingAcquireMaxCount(int pendingAcquireMaxCount) {
			this.pendingAcquireMaxCount = pendingAcquireMaxCount;
		}

		public Duration getPendingAcquireTimeout() {
			return this.pendingAcquireTimeout;
		}

		public void setPendingAcquireTimeout(Duration pendingAcquireTimeout) {
			this.pendingAcquireTimeout = pendingAcquireTimeout;
		}

		public Duration getMaxIdleTime() {
			return this.maxIdleTime;
		}

		public void setMaxIdleTime(Duration maxIdleTime) {
			this.maxIdleTime = maxIdleTime;
		}

		public Duration getMaxLifeTime() {
			return this.maxLifeTime;
		}

		public void setMaxLifeTime(Duration maxLifeTime) {
			this.maxLifeTime = maxLifeTime;
		}

		public Duration getEvictInBackground() {
			return this.evictInBackground;
		}

		public void setEvictInBackground(Duration evictInBackground) {
			this.evictInBackground = evictInBackground;
		}

		ConvexPoolSettings toPoolSettings() {
			return new ConvexPoolSettings(this.maxConnections, this.actionMaxConnections, this.pendingAcquireMaxCount,
					this.pendingAcquireTimeout, this.maxIdleTime, this.maxLifeTime, this.evictInBackground);
		}

	}

	/**
	 * Repeats of calls that are safe to repeat ({@code convex.retry.*}): refused before
	 * running (429, 503 with a rejection code), never sent (connection refused, no free
	 * connection), and queries after a transport failure. A mutation or action that may have
	 * run is never repeated.
	 */
	public static class Retry {

		/**
		 * Whether to repeat calls that are safe to repeat.
		 */
		private boolean enabled = true;

		/**
		 * Maximum number of attempts per call, the first included.
		 */
		private int maxAttempts = 3;

		/**
		 * Wait before the first repeat; each further wait doubles, up to max-backoff. A
		 * Retry-After from the backend wins.
		 */
		private Duration initialBackoff = Duration.ofMillis(100);

		/**
		 * Longest wait between attempts that the doubling reaches.
		 */
		private Duration maxBackoff = Duration.ofSeconds(2);

		/**
		 * Share of each wait that is random, from 0 (none) to 1 (all), so that many clients
		 * refused at once do not come back at once.
		 */
		private double jitter = 0.5;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public double getJitter() {
			return this.jitter;
		}

		public void setJitter(double jitter) {
			this.jitter = jitter;
		}

		ConvexRetryPolicy toPolicy() {
			return this.enabled ? ConvexRetryPolicy.of(this.maxAttempts, this.initialBackoff, this.maxBackoff, this.jitter)
					: ConvexRetryPolicy.none();
		}

	}

	/**
	 * TLS for the connection to the deployment ({@code convex.ssl.*}).
	 */
	public static class Ssl {

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) for the connection to the deployment:
		 * a private CA, mutual TLS. Replaces spring.http.clients.ssl.bundle for Convex calls.
		 */
		private @Nullable String bundle;

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

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

		/**
		 * Whether the WebClient also observes each Convex call as 'http.client.requests',
		 * nested under the execution's observation. Off by default: the execution's timer and
		 * span already cover the exchange, and a second observation per call costs about as much
		 * as the first.
		 */
		private boolean httpClientRequests;

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

		public boolean isHttpClientRequests() {
			return this.httpClientRequests;
		}

		public void setHttpClientRequests(boolean httpClientRequests) {
			this.httpClientRequests = httpClientRequests;
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
	 * Spring Security integration ({@code convex.security.*}).
	 */
	public static class Security {

		/**
		 * Whether calls made while handling a request authenticated with a bearer token (an
		 * OAuth2 resource server's Jwt or opaque token) run as that request's user, sending the
		 * same token. Calls outside such a request use the deploy key, or none.
		 */
		private boolean relay;

		public boolean isRelay() {
			return this.relay;
		}

		public void setRelay(boolean relay) {
			this.relay = relay;
		}

	}

	/**
	 * Argument validation ({@code convex.validation.*}).
	 */
	public static class Validation {

		/**
		 * Whether every call's arguments (actions, mutations and queries, by reference or by
		 * path) are checked against their Bean Validation constraints before anything is sent,
		 * in the groups a @Validated on the argument type names. Action handles check theirs
		 * either way.
		 */
		private boolean enabled;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * The web edge ({@code convex.web.*}).
	 */
	public static class Web {

		private final ProblemDetails problemDetails = new ProblemDetails();

		public ProblemDetails getProblemDetails() {
			return this.problemDetails;
		}

		/**
		 * Problem-detail answers to failed calls ({@code convex.web.problem-details.*}).
		 */
		public static class ProblemDetails {

			/**
			 * Whether a Convex failure escaping a Spring MVC or WebFlux controller is answered
			 * with an RFC 9457 problem detail (422 for a ConvexError, 400 for arguments, 429 and
			 * 503 with Retry-After, 504, 401/403, 502) instead of a 500.
			 */
			private boolean enabled;

			/**
			 * Time the Retry-After header of a rate-limited (429) or overloaded (503) answer
			 * asks the caller to wait, in whole seconds.
			 */
			private Duration retryAfter = Duration.ofSeconds(1);

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

			public Duration getRetryAfter() {
				return this.retryAfter;
			}

			public void setRetryAfter(Duration retryAfter) {
				this.retryAfter = retryAfter;
			}

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
