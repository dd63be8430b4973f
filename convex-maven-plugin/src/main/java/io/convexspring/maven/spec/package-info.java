/**
 * The Convex function spec and schema export: reading them, and producing them offline with Node.
 */
@NullMarked
package io.convexspring.maven.spec;

import org.jspecify.annotations.NullMarked;
