/**
 * An in-process fake Convex backend that speaks the real HTTP protocol, so the sample app runs
 * without a Convex deployment; start it with {@link io.convexspring.sample.demo.DemoConvexBackend}.
 */
@NullMarked
package io.convexspring.sample.demo;

import org.jspecify.annotations.NullMarked;
