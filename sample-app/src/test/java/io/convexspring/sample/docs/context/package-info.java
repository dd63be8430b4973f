/**
 * What the docs' Java fragments may use without declaring it: clients, example records and
 * references.
 */
@NullMarked
package io.convexspring.sample.docs.context;

import org.jspecify.annotations.NullMarked;
