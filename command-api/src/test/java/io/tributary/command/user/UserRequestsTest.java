package io.tributary.command.user;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tributary.command.RequestValidation.invalidFields;
import static org.assertj.core.api.Assertions.assertThat;

/** User request bodies refuse control characters; only the bio, free text over several lines, keeps line breaks and tabs. */
class UserRequestsTest {

    @Test
    void aRegistrationRefusesControlCharactersInNameAndEmail() {
        assertThat(invalidFields(new UserRequests.Register("Ada Lovelace", "ada@example.com"))).isEmpty();
        assertThat(invalidFields(new UserRequests.Register("Ada\u0000Lovelace", "ada@example.com"))).containsExactly("name");
        assertThat(invalidFields(new UserRequests.Register("Ada\nLovelace", "ada@example.com"))).containsExactly("name");
        assertThat(invalidFields(new UserRequests.Register("Ada Lovelace", "ada\u0085@example.com"))).containsExactly("email");
    }

    @Test
    void aProfileChangeRefusesControlCharactersInTheNameAndKeepsLineBreaksInTheBio() {
        UserRequests.ChangeProfile name = new UserRequests.ChangeProfile();
        name.setName("Ada\u007FKing");
        assertThat(invalidFields(name)).containsExactly("name");

        UserRequests.ChangeProfile bio = new UserRequests.ChangeProfile();
        bio.setBio("<b>Analyst</b>\r\n\tof engines");
        assertThat(invalidFields(bio)).isEmpty();
        bio.setBio("of engines\u001B[31m");
        assertThat(invalidFields(bio)).containsExactly("bio");
    }

    @Test
    void anEmailChangeRefusesControlCharacters() {
        assertThat(invalidFields(new UserRequests.ChangeEmail("ada@example.com"))).isEmpty();
        assertThat(invalidFields(new UserRequests.ChangeEmail("ada\u009B@example.com"))).containsExactly("email");
    }

    @Test
    void loneSurrogatesAreRefusedAndPairedOnesKept() {
        assertThat(invalidFields(new UserRequests.Register("Ada \ud800 Lovelace", "ada@example.com"))).containsExactly("name");
        assertThat(invalidFields(new UserRequests.Register("Ada Lovelace \udc00", "ada@example.com"))).containsExactly("name");
        assertThat(invalidFields(new UserRequests.Register("Ada Lovelace", "ada\ud800@example.com"))).containsExactly("email");
        assertThat(invalidFields(new UserRequests.Register("Ada \ud83e\uddf5 Lovelace", "ada@example.com"))).isEmpty();
        UserRequests.ChangeProfile bio = new UserRequests.ChangeProfile();
        bio.setBio("weaver\udc00\ud800");
        assertThat(invalidFields(bio)).containsExactly("bio");
    }

    /** Each refused field once, though it may break several rules. */
}
