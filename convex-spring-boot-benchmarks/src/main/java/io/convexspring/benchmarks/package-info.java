/**
 * JMH benchmarks of the client's hot path, side by side with a raw {@code WebClient}, against
 * a loopback server.
 */
@NullMarked
package io.convexspring.benchmarks;

import org.jspecify.annotations.NullMarked;
