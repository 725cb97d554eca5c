package io.tributary.query.view;

import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A view document as the Redis level stores it: {@code <version>:} in ASCII, then the document's BSON exactly as
 * MongoDB gave it. The prefix is what the write script compares, so Redis never needs to parse the document; the
 * BSON decodes to the same {@link Document} a MongoDB read gives, so both levels share the view's mapper.
 */
record RedisEntry(long version, Document document) {

    private static final DocumentCodec CODEC = new DocumentCodec();
    private static final byte SEPARATOR = ':';

    static RedisEntry of(Document document) {
        return new RedisEntry(DocumentFields.versionOf(document), document);
    }

    static RedisEntry from(byte[] stored) {
        int separator = indexOfSeparator(stored);
        long version = Long.parseLong(new String(stored, 0, separator, StandardCharsets.US_ASCII));
        ByteBuffer bson = ByteBuffer.wrap(stored, separator + 1, stored.length - separator - 1).slice();
        try (BsonBinaryReader reader = new BsonBinaryReader(bson)) {
            return new RedisEntry(version, CODEC.decode(reader, DecoderContext.builder().build()));
        }
    }

    byte[] bytes() {
        BasicOutputBuffer bson = new BasicOutputBuffer();
        try (BsonBinaryWriter writer = new BsonBinaryWriter(bson)) {
            CODEC.encode(writer, document, EncoderContext.builder().build());
        }
        byte[] prefix = (version + ":").getBytes(StandardCharsets.US_ASCII);
        byte[] stored = new byte[prefix.length + bson.getPosition()];
        System.arraycopy(prefix, 0, stored, 0, prefix.length);
        System.arraycopy(bson.getInternalBuffer(), 0, stored, prefix.length, bson.getPosition());
        return stored;
    }

    private static int indexOfSeparator(byte[] stored) {
        for (int i = 0; i < Math.min(stored.length, 20); i++) {
            if (stored[i] == SEPARATOR) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a view document entry: no version prefix");
    }
}
