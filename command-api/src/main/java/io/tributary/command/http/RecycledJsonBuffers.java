package io.tributary.command.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's JSON (request bodies, answers, problems and the events Axon serializes) reuses its parse and write
 * buffers across threads. Jackson keeps them per thread by default, and every request runs on a new virtual thread:
 * each body read and each event serialized allocated fresh buffers, an eighth of the command API's allocation at 200
 * registrations per second.
 */
@Configuration(proxyBeanMethods = false)
class RecycledJsonBuffers {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer sharedJsonBuffers() {
        return builder -> builder.factory(
                JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build());
    }
}
