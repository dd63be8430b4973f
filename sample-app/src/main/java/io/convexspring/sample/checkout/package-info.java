/**
 * The "create a checkout session and redirect" pattern: an action that starts a payment
 * provider's hosted checkout, whose URL the browser then goes to.
 */
@NullMarked
package io.convexspring.sample.checkout;

import org.jspecify.annotations.NullMarked;
