package io.tributary.http.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The token's roles as {@code ROLE_…} authorities, read from a claim path such as Keycloak's
 * {@code realm_access.roles} (the default) or a flat {@code roles} claim of another provider.
 */
final class RealmRoles implements Converter<Jwt, Collection<GrantedAuthority>> {

    static final String PREFIX = "ROLE_";

    private final List<String> path;

    RealmRoles(String claimPath) {
        this.path = List.of(claimPath.split("\\."));
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        Object node = jwt.getClaims();
        for (String step : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return List.of();
            }
            node = map.get(step);
        }
        if (!(node instanceof Collection<?> roles)) {
            return List.of();
        }
        return roles.stream()
                .filter(String.class::isInstance)
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(PREFIX + role))
                .toList();
    }
}
