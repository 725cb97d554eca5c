package io.tributary.devstack;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;

/**
 * How the Mongo-protocol server's H2 store keeps documents: as BSON, the form they travel in, rather than as H2's
 * default Java serialization, which cost a third of the server's time under bulk writes. A value starts with a
 * marker byte that H2's own object type never writes, so a document written before (Java-serialized) still reads.
 */
final class DocumentValueType extends BasicDataType<Document> {

    /** Above every type tag of {@link ObjectDataType}. */
    static final byte BSON = (byte) 0xB5;
    private static final int INITIAL_AVERAGE_SIZE = 512;

    private final ObjectDataType earlier = new ObjectDataType();
    /** The cache's estimate of a document's memory, kept up to date by the writes, as H2's own type does. */
    private volatile int averageSize = INITIAL_AVERAGE_SIZE;

    @Override
    public int getMemory(Document document) {
        return averageSize;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(averageSize);
        try {
            BsonEncoder.encodeDocument(document, bson);
            int length = bson.readableBytes();
            averageSize = (averageSize * 15 + length * 2) / 16;
            buffer.put(BSON).putVarInt(length);
            buffer.put(bson.nioBuffer());
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return (Document) earlier.read(buffer);
        }
        buffer.get();
        int length = DataUtils.readVarInt(buffer);
        ByteBuffer bson = buffer.slice(buffer.position(), length);
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
