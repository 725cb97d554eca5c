package io.tributary.http.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param rolesClaim where the token keeps its roles, a dotted claim path: Keycloak's {@code realm_access.roles},
 *                   or e.g. {@code roles} for a provider that puts them at the top level
 */
@ConfigurationProperties("tributary.security")
public record SecurityProperties(@DefaultValue("realm_access.roles") String rolesClaim) {
}
