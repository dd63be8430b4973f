/**
 * The "generate an image" pattern: an action that calls an AI model with a prompt.
 */
@NullMarked
package io.convexspring.sample.image;

import org.jspecify.annotations.NullMarked;
