package io.tributary.query.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.query.view.NearCacheProperties;
import io.tributary.query.view.Versioned;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * View documents and computed answers are written from their serialized bytes ({@link SerializedAnswers}), ahead of
 * the general JSON converter.
 */
@Configuration(proxyBeanMethods = false)
class AnswerWebConfig implements WebMvcConfigurer {

    private final ObjectMapper json;
    private final NearCacheProperties nearCache;
    private final CachedAnswers answers;

    AnswerWebConfig(ObjectMapper json, NearCacheProperties nearCache, CachedAnswers answers) {
        this.json = json;
        this.nearCache = nearCache;
        this.answers = answers;
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        // As many serialized documents as the near-cache holds documents.
        converters.addFirst(new SerializedAnswers<>(json, Versioned.class, nearCache.maximumSize()));
        converters.addFirst(answers.computedAnswerWriter());
    }
}
