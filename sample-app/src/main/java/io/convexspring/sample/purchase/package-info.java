/**
 * The "charge, then save the order" pattern: an action charges the card, a mutation records
 * the order, a query lists the orders.
 */
@NullMarked
package io.convexspring.sample.purchase;

import org.jspecify.annotations.NullMarked;
