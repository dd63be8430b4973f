/**
 * Convex's lossless value encoding ({@code convex_encoded_json}) as a Jackson 3 module.
 */
@NullMarked
package io.convexspring.codec;

import org.jspecify.annotations.NullMarked;
