package io.convexspring.live;

import java.net.URI;
import java.time.Duration;

/**
 * What every socket of a {@link ConvexLiveClient} is set up with.
 *
 * @param syncUri the WebSocket URL, {@code ws(s)://<host>/api/sync}
 * @param backoff the reconnection delays
 * @param connectTimeout how long to wait for a connection and for credentials
 * @param inactivityTimeout how long a server may stay silent before the socket is reopened
 * @param idleTimeout how long a socket with no subscriptions and no requests stays open
 * @param refreshLeeway how long before a user token expires a fresh one is asked for
 * @param maxSockets how many sockets (identities) may be open at once
 * @param maxMessageBytes the largest message accepted from the server
 */
record LiveOptions(URI syncUri, Backoff backoff, Duration connectTimeout, Duration inactivityTimeout,
		Duration idleTimeout, Duration refreshLeeway, int maxSockets, int maxMessageBytes) {

}
