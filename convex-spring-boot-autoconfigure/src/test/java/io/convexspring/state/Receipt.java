package io.convexspring.state;

/** A result type. */
record Receipt(String id) {

}
