/**
 * Spring Security integration: calls run as the signed-in user of the request they are made in.
 */
@NullMarked
package io.convexspring.security;

import org.jspecify.annotations.NullMarked;
