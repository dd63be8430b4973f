package io.convexspring.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import io.convexspring.live.ConvexLiveClient;
import io.convexspring.live.ConvexLiveServerSentEvents;

/**
 * Configuration properties for live queries over the sync protocol ({@code convex.live.*}).
 */
@ConfigurationProperties("convex.live")
public class ConvexLiveProperties {

	/**
	 * Delay before the first reconnection attempt after the server closed a socket; a tenth
	 * of it after the client closed a silent or broken one, three times it when the server is
	 * overloaded. Doubled per attempt, with jitter.
	 */
	private Duration backoffInitial = ConvexLiveClient.DEFAULT_BACKOFF_INITIAL;

	/**
	 * Longest delay between reconnection attempts, before jitter.
	 */
	private Duration backoffMax = ConvexLiveClient.DEFAULT_BACKOFF_MAX;

	/**
	 * How long a socket with no subscriptions and no requests stays open.
	 */
	private Duration idleTimeout = ConvexLiveClient.DEFAULT_IDLE_TIMEOUT;

	/**
	 * How long the server may send nothing, not even its pings (every 15 seconds), before the
	 * socket is reopened.
	 */
	private Duration inactivityTimeout = ConvexLiveClient.DEFAULT_INACTIVITY_TIMEOUT;

	/**
	 * How long before a user token expires a fresh one is asked for.
	 */
	private Duration refreshLeeway = ConvexLiveClient.DEFAULT_REFRESH_LEEWAY;

	/**
	 * Maximum number of sockets open at once, one per identity; a subscription or call for
	 * another identity beyond it fails.
	 */
	private int maxSockets = ConvexLiveClient.DEFAULT_MAX_SOCKETS;

	/**
	 * Largest message accepted from the server; a larger one reopens the socket.
	 */
	private DataSize maxMessageSize = ConvexLiveClient.DEFAULT_MAX_MESSAGE_SIZE;

	/**
	 * Interval of the heartbeat comments in server-sent event streams of live queries, which
	 * let a servlet container notice a browser that went away (on the second write after it
	 * left, so within two intervals).
	 */
	private Duration sseHeartbeat = ConvexLiveServerSentEvents.DEFAULT_HEARTBEAT;

	public Duration getBackoffInitial() {
		return this.backoffInitial;
	}

	public void setBackoffInitial(Duration backoffInitial) {
		this.backoffInitial = backoffInitial;
	}

	public Duration getBackoffMax() {
		return this.backoffMax;
	}

	public void setBackoffMax(Duration backoffMax) {
		this.backoffMax = backoffMax;
	}

	public Duration getIdleTimeout() {
		return this.idleTimeout;
	}

	public void setIdleTimeout(Duration idleTimeout) {
		this.idleTimeout = idleTimeout;
	}

	public Duration getInactivityTimeout() {
		return this.inactivityTimeout;
	}

	public void setInactivityTimeout(Duration inactivityTimeout) {
		this.inactivityTimeout = inactivityTimeout;
	}

	public Duration getRefreshLeeway() {
		return this.refreshLeeway;
	}

	public void setRefreshLeeway(Duration refreshLeeway) {
		this.refreshLeeway = refreshLeeway;
	}

	public int getMaxSockets() {
		return this.maxSockets;
	}

	public void setMaxSockets(int maxSockets) {
		this.maxSockets = maxSockets;
	}

	public DataSize getMaxMessageSize() {
		return this.maxMessageSize;
	}

	public void setMaxMessageSize(DataSize maxMessageSize) {
		this.maxMessageSize = maxMessageSize;
	}

	public Duration getSseHeartbeat() {
		return this.sseHeartbeat;
	}

	public void setSseHeartbeat(Duration sseHeartbeat) {
		this.sseHeartbeat = sseHeartbeat;
	}

}
