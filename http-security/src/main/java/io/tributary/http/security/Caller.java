package io.tributary.http.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who sent a request: the token's subject and roles, or nobody. Controllers declare it as a parameter; the rules
 * about what a caller may see and change live with the features, which ask {@link #mayActFor(String)}.
 *
 * @param subject the token's {@code sub}; null for an anonymous caller
 * @param roles   the token's roles without the {@code ROLE_} prefix, e.g. {@code customer}, {@code admin}
 */
public record Caller(String subject, Set<String> roles) {

    public static final String CUSTOMER = "customer";
    public static final String ADMIN = "admin";
    private static final Caller ANONYMOUS = new Caller(null, Set.of());

    public Caller {
        roles = Set.copyOf(roles);
    }

    public static Caller nobody() {
        return ANONYMOUS;
    }

    public static Caller withRoles(String subject, String... roles) {
        return new Caller(Objects.requireNonNull(subject, "subject"), Set.of(roles));
    }

    /** The caller a token authenticated; anonymous for anything else (no token, or a non-token login). */
    public static Caller of(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token) || !token.isAuthenticated()) {
            return ANONYMOUS;
        }
        Set<String> roles = token.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(RealmRoles.PREFIX))
                .map(authority -> authority.substring(RealmRoles.PREFIX.length()))
                .collect(Collectors.toSet());
        return new Caller(token.getName(), roles);
    }

    public boolean anonymous() {
        return subject == null;
    }

    public boolean admin() {
        return roles.contains(ADMIN);
    }

    /**
     * Whether this caller may read or change what belongs to the holder of {@code ownerSubject}: an admin anything,
     * anyone else only their own. Something nobody owns (no subject) is an admin's alone.
     */
    public boolean mayActFor(String ownerSubject) {
        return admin() || (subject != null && subject.equals(ownerSubject));
    }
}
