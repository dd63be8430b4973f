/**
 * The "process an uploaded file" pattern: an action that takes the file's bytes.
 */
@NullMarked
package io.convexspring.sample.files;

import org.jspecify.annotations.NullMarked;
