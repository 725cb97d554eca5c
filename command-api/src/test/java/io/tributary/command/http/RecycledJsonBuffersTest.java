package io.tributary.command.http;

import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.core.util.RecyclerPool;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RecycledJsonBuffersTest {

    @Test
    void aVirtualThreadGivesItsBuffersBackForTheNextOne() throws Exception {
        Jackson2ObjectMapperBuilder builder = new Jackson2ObjectMapperBuilder();
        new RecycledJsonBuffers().sharedJsonBuffers().customize(builder);
        ObjectMapper json = builder.build();
        RecyclerPool<BufferRecycler> pool = json.getFactory()._getRecyclerPool();
        assertThat(pool).isSameAs(JsonRecyclerPools.sharedConcurrentDequePool());

        Thread.ofVirtual().start(() -> write(json)).join();
        int pooled = pool.pooledCount();
        Thread.ofVirtual().start(() -> write(json)).join();

        assertThat(pooled).isPositive();
        assertThat(pool.pooledCount()).isEqualTo(pooled);
        // The copy a message converter makes keeps the pool.
        assertThat(json.copy().getFactory()._getRecyclerPool()).isSameAs(pool);
    }

    private static void write(ObjectMapper json) {
        try {
            json.writeValueAsString(Map.of("name", "Ada"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
