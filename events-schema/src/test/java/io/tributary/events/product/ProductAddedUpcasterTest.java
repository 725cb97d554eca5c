package io.tributary.events.product;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.tributary.events.money.Money;
import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ProductAddedUpcasterTest {

    private static final String REVISION_1 = """
            {"productId":"5a1c9f6e-3b7d-4e8a-9c2f-1d0e4b6a8c3f","sku":"SKU-1","name":"Loom",
             "description":"A loom","category":"machines","price":19.9,"initialStock":10}""";

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void revisionOneReadsAsRevisionTwoInEuros() throws Exception {
        JsonNode historic = json.readTree(REVISION_1);
        assertThat(validate("schemas/product/added.v1.json", historic)).isTrue();

        JsonNode upcast = ProductAddedUpcaster.toRevision2(historic);

        assertThat(validate("schemas/product/added.v2.json", upcast)).isTrue();
        ProductAdded event = json.treeToValue(upcast, ProductAdded.class);
        assertThat(event.price()).isEqualTo(Money.of("19.90", "EUR"));
        assertThat(event.initialStock()).isEqualTo(10);
        assertThat(historic.get("price").isNumber()).as("input left untouched").isTrue();
    }

    private boolean validate(String resource, JsonNode payload) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in)
                    .validate(payload).isEmpty();
        }
    }
}
