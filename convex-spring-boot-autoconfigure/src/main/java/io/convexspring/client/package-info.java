/**
 * The Convex client API: function references, the action, mutation and query clients, and the
 * one transport they share.
 */
@NullMarked
package io.convexspring.client;

import org.jspecify.annotations.NullMarked;
