package fob.server.store;

/** A security event of an account, for the user to review: what, when, and from which address. */
public record ActivityEvent(long at, String kind, String address, String detail) {
}
