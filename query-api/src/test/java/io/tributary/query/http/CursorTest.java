package io.tributary.query.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorTest {

    @Test
    void aCursorGivesBackTheValuesItWasMadeOf() {
        Cursor cursor = Cursor.decodeOptional(Cursor.encode(List.of(1793000000123L, "b1f0c3a2-0000-4000-8000-000000000001")), 2);

        assertThat(cursor.whole(0)).isEqualTo(1793000000123L);
        assertThat(cursor.text(1)).isEqualTo("b1f0c3a2-0000-4000-8000-000000000001");
    }

    @Test
    void anAbsentCursorIsTheFirstPage() {
        assertThat(Cursor.decodeOptional(null, 2)).isNull();
        assertThat(Cursor.decodeOptional("", 2)).isNull();
    }

    @Test
    void anythingElseIsAnInvalidCursorParameter() {
        for (String text : List.of("abc!", base64("not json"), base64("{\"$gt\":0}"), base64("[1]"), base64("[1,2,3]"))) {
            assertThatThrownBy(() -> Cursor.decodeOptional(text, 2)).as(text)
                    .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("cursor"));
        }
        Cursor wrongTypes = Cursor.decodeOptional(base64("[{\"$ne\":null},1.5]"), 2);
        assertThatThrownBy(() -> wrongTypes.whole(0)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> wrongTypes.text(1)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> wrongTypes.whole(1)).isInstanceOf(InvalidParameterException.class);
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
