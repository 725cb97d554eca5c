package io.tributary.events.product;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Reads {@link ProductAdded} revision 1 (a bare decimal {@code price}, when every price was in euros) as
 * revision 2 (a {@code price} object with amount and currency). Stored events are never rewritten.
 */
public class ProductAddedUpcaster extends SingleEventUpcaster {

    static final String HISTORIC_CURRENCY = "EUR";

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(ProductAdded.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(ProductAdded.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, ProductAddedUpcaster::toRevision2);
    }

    public static JsonNode toRevision2(JsonNode revision1) {
        ObjectNode payload = ((ObjectNode) revision1).deepCopy();
        BigDecimal amount = payload.remove("price").decimalValue().setScale(2, RoundingMode.UNNECESSARY);
        payload.putObject("price")
                .put("amount", amount.toPlainString())
                .put("currency", HISTORIC_CURRENCY);
        return payload;
    }
}
