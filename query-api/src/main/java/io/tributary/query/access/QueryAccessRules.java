package io.tributary.query.access;

import io.tributary.http.security.AccessRules;
import io.tributary.http.security.Caller;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call what, by path: the catalogue is open to anyone; searching all users or all orders and exporting
 * are an admin's; everything else needs a token, and {@link Owners} decides which users and orders a customer
 * sees. The paths match whatever the method: the API only reads, and a {@code HEAD} must not slip past a rule
 * written for {@code GET}.
 */
@Configuration(proxyBeanMethods = false)
class QueryAccessRules {

    static {
        // The caller comes from the token, not from parameters: the OpenAPI description must not list it as such.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    AccessRules queryAccess() {
        return requests -> requests
                .requestMatchers("/api/v1/products", "/api/v1/products/suggest", "/api/v1/products/{id}").permitAll()
                .requestMatchers("/api/v1/users", "/api/v1/orders", "/api/v1/export/**").hasRole(Caller.ADMIN);
    }
}
