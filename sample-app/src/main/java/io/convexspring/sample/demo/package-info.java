/**
 * The demo functions on an in-process Convex deployment that speaks the real HTTP and sync
 * protocols, so the sample app runs without a Convex deployment; start it with
 * {@link io.convexspring.sample.demo.DemoConvexBackend}.
 */
@NullMarked
package io.convexspring.sample.demo;

import org.jspecify.annotations.NullMarked;
