package io.tributary.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.events.product.ProductAdded;
import io.tributary.events.user.UserRegistered;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredPayloadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPayloadAtTheCurrentRevisionIsReadAsIs() throws Exception {
        JsonNode payload = JSON.readTree("{\"userId\":\"u\",\"name\":\"Ada\",\"email\":\"a@example.com\"}");

        assertThat(StoredPayloads.toCurrentRevision(EventCatalog.of(UserRegistered.class), "1", payload))
                .isSameAs(payload);
    }

    @Test
    void productAddedRevisionOneGetsItsPriceInEuros() throws Exception {
        JsonNode revision1 = JSON.readTree("{\"productId\":\"p\",\"sku\":\"S\",\"name\":\"Loom\",\"description\":\"d\","
                + "\"category\":\"c\",\"price\":149.5,\"initialStock\":3}");

        JsonNode current = StoredPayloads.toCurrentRevision(EventCatalog.of(ProductAdded.class), "1", revision1);

        assertThat(current.get("price").get("amount").asText()).isEqualTo("149.50");
        assertThat(current.get("price").get("currency").asText()).isEqualTo("EUR");
    }

    @Test
    void unknownTypesAndRevisionsAreRefused() throws Exception {
        assertThatThrownBy(() -> StoredPayloads.descriptorOf("java.lang.String"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoredPayloads.toCurrentRevision(EventCatalog.of(UserRegistered.class), "7",
                JSON.readTree("{}"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(StoredPayloads.descriptorOf(ProductAdded.class.getName()).revision()).isEqualTo(2);
    }
}
