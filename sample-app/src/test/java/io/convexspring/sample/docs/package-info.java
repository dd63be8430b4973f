/**
 * Checks of the Markdown docs: every Java snippet compiles against the starter.
 */
@NullMarked
package io.convexspring.sample.docs;

import org.jspecify.annotations.NullMarked;
