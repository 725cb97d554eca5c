package io.tributary.query.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.query.view.NearCacheProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** View documents are written by {@link SerializedDocuments}, ahead of the general JSON converter. */
@Configuration(proxyBeanMethods = false)
class AnswerWebConfig implements WebMvcConfigurer {

    private final ObjectMapper json;
    private final NearCacheProperties nearCache;

    AnswerWebConfig(ObjectMapper json, NearCacheProperties nearCache) {
        this.json = json;
        this.nearCache = nearCache;
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        // As many serialized documents as the near-cache holds documents.
        converters.addFirst(new SerializedDocuments(json, nearCache.maximumSize()));
    }
}
