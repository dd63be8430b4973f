/**
 * Web concerns shared by the controllers.
 */
@NullMarked
package io.convexspring.sample.web;

import org.jspecify.annotations.NullMarked;
