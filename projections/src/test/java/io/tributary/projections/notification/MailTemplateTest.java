package io.tributary.projections.notification;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class MailTemplateTest {

    @Test
    void fillsSubjectAndBody() {
        MailTemplate template = MailTemplate.parse("t.txt", "Subject: Order {orderId}\n\nHello {name},\n{name} again.\n");

        MailContent mail = template.render(Map.of("orderId", "o-1", "name", "Ada $1 \\"));

        assertThat(mail.subject()).isEqualTo("Order o-1");
        assertThat(mail.body()).isEqualTo("Hello Ada $1 \\,\nAda $1 \\ again.\n");
    }

    @Test
    void refusesToRenderWithAPlaceholderLeftOpen() {
        MailTemplate template = MailTemplate.parse("t.txt", "Subject: Order {orderId}\n\nHello {name}\n");

        assertThatIllegalArgumentException().isThrownBy(() -> template.render(Map.of("orderId", "o-1")))
                .withMessageContaining("{name}");
    }

    @Test
    void needsASubjectLineAndABlankLine() {
        assertThatIllegalStateException().isThrownBy(() -> MailTemplate.parse("t.txt", "Hello\n\nbody"));
        assertThatIllegalStateException().isThrownBy(() -> MailTemplate.parse("t.txt", "Subject: Hi\nbody"));
    }

    @Test
    void everyNotificationHasATemplateItsSenderCanFill() {
        Map<String, String> values = Map.of("name", "Ada", "email", "ada@example.com", "orderId", "o-1",
                "total", "1.00 EUR", "reason", "sold out");
        for (NotificationKind kind : NotificationKind.values()) {
            assertThat(MailTemplate.load(kind.templateResource()).render(values).subject()).isNotBlank();
        }
    }
}
