/**
 * Test support for apps that call Convex: {@link io.convexspring.test.ConvexStub}, a scripted
 * Convex deployment on a loopback port, and {@link io.convexspring.test.AutoConfigureConvexStub}
 * to point a Spring test's clients at it.
 */
@NullMarked
package io.convexspring.test;

import org.jspecify.annotations.NullMarked;
