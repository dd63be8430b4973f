/**
 * A local Convex deployment for tests: Java functions served over Convex's HTTP function
 * protocol and its WebSocket sync protocol; start one with
 * {@link io.convexspring.test.server.LocalConvexDeployment#builder()}.
 */
@NullMarked
package io.convexspring.test.server;

import org.jspecify.annotations.NullMarked;
