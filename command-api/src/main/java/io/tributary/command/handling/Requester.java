package io.tributary.command.handling;

/**
 * Who asks for a command, as the domain sees it: the subject of their token and whether they are an admin. The
 * HTTP edge builds it from the request's token; the handlers decide with it what the requester may change.
 *
 * @param subject the token's subject; null for a request without a token
 * @param admin   whether the token carries the admin role
 */
public record Requester(String subject, boolean admin) {

    private static final Requester ANONYMOUS = new Requester(null, false);

    public static Requester anonymous() {
        return ANONYMOUS;
    }

    public static Requester customer(String subject) {
        return new Requester(subject, false);
    }

    public static Requester admin(String subject) {
        return new Requester(subject, true);
    }

    /**
     * Whether this requester may act on what the holder of {@code ownerSubject} owns: an admin on anything, anyone
     * else only on their own. Something nobody owns (registered without a token) is an admin's alone.
     */
    public boolean mayActFor(String ownerSubject) {
        return admin || (subject != null && subject.equals(ownerSubject));
    }
}
