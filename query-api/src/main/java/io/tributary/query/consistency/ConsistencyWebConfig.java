package io.tributary.query.consistency;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

@Configuration(proxyBeanMethods = false)
class ConsistencyWebConfig implements WebMvcConfigurer {

    static {
        // A header, not a query object: the OpenAPI description must not list it as parameters.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(ConsistencyTokens.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ConsistencyTokensArgumentResolver());
    }
}
