package io.tributary.projections.notification;

/** Who a notification goes to: the user's current name and e-mail address. */
record Recipient(String name, String email) {
}
