/**
 * The web edge: failed Convex calls answered as RFC 9457 problem details, in Spring MVC and WebFlux.
 */
@NullMarked
package io.convexspring.web;

import org.jspecify.annotations.NullMarked;
