/**
 * The "send an email" pattern: an action that calls a third-party API.
 */
@NullMarked
package io.convexspring.sample.email;

import org.jspecify.annotations.NullMarked;
