package io.tributary.query.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Sorts;
import io.tributary.query.order.OrderFilter;
import io.tributary.query.order.OrderView;
import io.tributary.query.view.DocumentViews;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes every order matching a filter as NDJSON, newest first, straight from a MongoDB cursor: memory holds
 * one batch of documents and the output buffer, whatever the number of orders.
 */
@Component
class OrderExport {

    private static final int BATCH_SIZE = 500;
    private static final int LINES_PER_FLUSH = 1000;

    private final DocumentViews views;
    private final ObjectMapper json;

    OrderExport(DocumentViews views, ObjectMapper json) {
        this.views = views;
        this.json = json;
    }

    /** Opens the cursor first, so a store that is down is still a problem answer, not a broken stream. */
    Stream open(OrderFilter filter) {
        return new Stream(views.stream(OrderView.VIEW, filter.toMongo(), Sorts.descending("placedAt"), BATCH_SIZE));
    }

    final class Stream implements AutoCloseable {

        private final MongoCursor<Document> cursor;

        private Stream(MongoCursor<Document> cursor) {
            this.cursor = cursor;
        }

        void writeTo(OutputStream out) throws IOException {
            try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
                generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                // Jackson separates root values with a space; NDJSON lines start with the object itself.
                generator.setRootValueSeparator(null);
                long lines = 0;
                while (cursor.hasNext()) {
                    generator.writeObject(OrderView.VIEW.mapper().apply(cursor.next()));
                    generator.writeRaw('\n');
                    if (++lines % LINES_PER_FLUSH == 0) {
                        generator.flush();
                    }
                }
                generator.flush();
            }
        }

        @Override
        public void close() {
            cursor.close();
        }
    }
}
