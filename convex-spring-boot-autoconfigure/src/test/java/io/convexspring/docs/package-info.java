/**
 * Checks of the API reference in docs/reference.md against the public API.
 */
@NullMarked
package io.convexspring.docs;

import org.jspecify.annotations.NullMarked;
