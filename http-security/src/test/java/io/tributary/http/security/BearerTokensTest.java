package io.tributary.http.security;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTokensTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl-_";

    private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();
    private final BearerTokens tokens = new BearerTokens();

    @Test
    void aWellFormedTokenIsFoundWithoutSpringsResolver() {
        assertThat(BearerTokens.wellFormed("Bearer " + JWT)).isEqualTo(JWT);
        assertThat(BearerTokens.wellFormed("bEaReR " + JWT + "==")).isEqualTo(JWT + "==");
        assertThat(BearerTokens.wellFormed("Bearer a~b+c/d.e_f-g")).isEqualTo("a~b+c/d.e_f-g");
    }

    @Test
    void everyHeaderValueGetsWhatSpringsResolverGivesIt() {
        List<String> values = new ArrayList<>(List.of("", "Bearer", "Bearer ", "Bearer  " + JWT, "Bearer " + JWT + " ",
                "Bearer =", "Bearer ==", "Bearer a=b", "Bearer a=", "Basic dXNlcjpwYXNz", "Bearerx " + JWT,
                "Bearer\t" + JWT, "Bearer " + JWT + "\n", "Bea\u017Fer " + JWT, "\u212Aearer " + JWT, "bearer" + JWT,
                "BEARER " + JWT, "Bearer é" + JWT));
        for (char c = 0; c < 0x300; c++) {
            values.add("Bearer a" + c + "b");
            values.add("Bearer " + c);
            values.add("Bearer ab=" + c);
        }
        for (String value : values) {
            assertThat(outcome(tokens, value)).as("Authorization: %s", value).isEqualTo(outcome(spring, value));
        }
    }

    @Test
    void noHeaderIsNoToken() {
        assertThat(tokens.resolve(new MockHttpServletRequest("GET", "/"))).isNull();
    }

    /** The token found, or the error's description: both resolvers refuse by exception. */
    private static String outcome(org.springframework.security.oauth2.server.resource.web.BearerTokenResolver resolver,
                                  String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/orders/1");
        request.addHeader(HttpHeaders.AUTHORIZATION, authorization);
        try {
            return "token " + Objects.toString(resolver.resolve(request));
        } catch (RuntimeException e) {
            return "refused " + e.getMessage();
        }
    }
}
