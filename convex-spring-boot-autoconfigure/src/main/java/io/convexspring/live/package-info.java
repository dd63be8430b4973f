/**
 * Live queries over Convex's WebSocket sync protocol: subscriptions, read-your-writes mutations and actions.
 */
@NullMarked
package io.convexspring.live;

import org.jspecify.annotations.NullMarked;
