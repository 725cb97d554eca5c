package io.tributary.command.http;

import io.tributary.http.security.AccessRules;
import io.tributary.http.security.Caller;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Which commands need which token, before any command runs. Registration is open (a token, if sent, must be valid
 * and makes its subject the account's owner); the catalogue and shipping are the admins'; every other command
 * needs a token, and its handler decides whose aggregates the requester may change.
 */
@Configuration(proxyBeanMethods = false)
class CommandAccessRules {

    static {
        // The caller comes from the token, not from parameters: the OpenAPI description must not list it as such.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    AccessRules commandRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, "/api/v1/users").permitAll()
                .requestMatchers("/api/v1/products", "/api/v1/products/**").hasRole(Caller.ADMIN)
                .requestMatchers(HttpMethod.POST, "/api/v1/orders/*/ship").hasRole(Caller.ADMIN);
    }
}
