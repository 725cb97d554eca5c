package io.tributary.http.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Every HTTP service is an OAuth2 resource server: a bearer JWT from the issuer Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*} settings name (OIDC discovery or a JWK set URI, with the
 * audiences it must carry). Health and Prometheus stay open for probes and scrapers; every other actuator
 * endpoint needs {@code admin}; the API docs are open; the service's {@link AccessRules} come next, and anything
 * they leave out needs a token. No sessions and no CSRF: nothing authenticates by cookie. Browsers may call from
 * the origins {@link CorsProperties} lists, and the access log names each request's subject.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
        UserDetailsServiceAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({SecurityProperties.class, CorsProperties.class})
public class ResourceServerAutoConfiguration {

    private static final RequestMatcher API_DOCS = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/v3/api-docs/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"));
    // Swagger UI loads its own scripts and styles (inline styles included); everything else is JSON for programs.
    private static final String DOCS_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";
    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain resourceServerFilterChain(HttpSecurity http, ObjectProvider<AccessRules> serviceRules,
                                                  SecurityProperties properties, CorsProperties cors,
                                                  ObjectMapper json) throws Exception {
        SecurityProblems problems = new SecurityProblems(json);
        JwtAuthenticationConverter tokens = new JwtAuthenticationConverter();
        tokens.setJwtGrantedAuthoritiesConverter(new RealmRoles(properties.rolesClaim()));
        http.cors(browsers -> browsers.configurationSource(BrowserOrigins.of(cors)))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .headers(headers -> headers
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(API_DOCS,
                                new StaticHeadersWriter("Content-Security-Policy", DOCS_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(API_DOCS),
                                new StaticHeadersWriter("Content-Security-Policy", API_POLICY))))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(EndpointRequest.to("health", "prometheus")).permitAll()
                            .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(Caller.ADMIN)
                            .requestMatchers(API_DOCS).permitAll()
                            .requestMatchers("/error").permitAll();
                    serviceRules.orderedStream().forEach(rules -> rules.apply(requests));
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(new BearerTokens())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(tokens))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterAfter(new SubjectForAccessLog(), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /** Every token decoder, Spring Boot's from the issuer settings included, remembers the tokens it verified. */
    @Bean
    static BeanPostProcessor verifiedTokens() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokens)
                        ? new VerifiedTokens(decoder) : bean;
            }
        };
    }

    /**
     * Spring Security neither times nor traces its filters, authentications and authorizations: no dashboard or alert
     * reads them, and with any observation registry present it wraps every security filter of every request in an
     * observation, even when those observations are turned off by name. The request's own observation
     * ({@code http.server.requests}) stays.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Spring Security's firewall, with its character rules checked without regular expressions. */
    @Bean
    WebSecurityCustomizer headerCharacters() {
        return web -> web.httpFirewall(HeaderCharacters.firewall());
    }

    /** Requests Spring Security's firewall refuses (an encoded percent sign, slash or backslash in the path, ...) as problems too. */
    @Bean
    RequestRejectedHandler rejectedRequests(ObjectMapper json) {
        return new SecurityProblems(json);
    }

    @Bean
    WebMvcConfigurer callerArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }
}
