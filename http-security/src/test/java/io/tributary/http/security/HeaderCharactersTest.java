package io.tributary.http.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import jakarta.servlet.http.HttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeaderCharactersTest {

    @Test
    void everyCharacterIsJudgedAsTheFirewallsOwnExpressionsJudgeIt() {
        for (int character = 0; character <= Character.MAX_CODE_POINT; character++) {
            String text = "a" + Character.toString(character) + "b";
            assertThat(HeaderCharacters.allowedHeaderValue(text)).as("U+%04X in a value", character)
                    .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(text));
            assertThat(HeaderCharacters.allowedName(text)).as("U+%04X in a name", character)
                    .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(text))
                    .isEqualTo(StrictHttpFirewall.ALLOWED_PARAMETER_NAMES.test(text));
        }
    }

    @Test
    void unpairedSurrogatesAndEmptyTextAreJudgedAsTheFirewallJudgesThem() {
        for (String text : new String[]{"", "\uD800", "x\uDC00y", "\uD83D\uDE00", "\uDE00\uD83D"}) {
            assertThat(HeaderCharacters.allowedHeaderValue(text)).as(text)
                    .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(text));
            assertThat(HeaderCharacters.allowedName(text)).as(text)
                    .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(text));
        }
    }

    @Test
    void theFirewallRefusesAControlCharacterInAHeaderItIsAskedFor() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/users/1");
        request.addHeader("X-Note", "ring\u0007bell");
        request.addHeader("X-Columns", "a\tb");
        HttpServletRequest firewalled = HeaderCharacters.firewall().getFirewalledRequest(request);

        assertThat(firewalled.getHeader("X-Columns")).isEqualTo("a\tb");
        assertThatThrownBy(() -> firewalled.getHeader("X-Note")).isInstanceOf(RequestRejectedException.class);
        assertThatThrownBy(() -> firewalled.getHeader("X-\u0007")).isInstanceOf(RequestRejectedException.class);
    }
}
