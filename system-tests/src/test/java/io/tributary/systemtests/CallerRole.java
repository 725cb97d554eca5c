package io.tributary.systemtests;

/** Who sends a request: an admin, a customer (who owns the suite's user and order), or nobody known. */
enum CallerRole {
    ADMIN, CUSTOMER, ANONYMOUS;

    /**
     * Whether the role may have a valid request to the operation carried out, as docs/security.md and docs/views.md
     * say: products are an admin's on the write side and everyone's on the read side, a customer acts on their own
     * user and orders, searches and the export are an admin's, and anyone may register (the suite registers with a
     * fresh subject each time, as one subject owns one user at most).
     */
    boolean mayCall(ApiOperation operation) {
        String path = operation.path();
        if (operation.api().equals("command-api")) {
            if (path.equals("/api/v1/users") && operation.method().equals("POST")) {
                return true;
            }
            if (path.startsWith("/api/v1/products") || path.endsWith("/ship")) {
                return this == ADMIN;
            }
            return this != ANONYMOUS;
        }
        if (path.startsWith("/api/v1/products")) {
            return true;
        }
        if (path.equals("/api/v1/users") || path.equals("/api/v1/orders") || path.startsWith("/api/v1/export")) {
            return this == ADMIN;
        }
        return this != ANONYMOUS;
    }
}
