package io.tributary.query.consistency;

import io.tributary.events.ConsistencyToken;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.List;

/** Hands every handler that asks for it the request's parsed {@link ConsistencyTokens}. */
class ConsistencyTokensArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ConsistencyTokens.class;
    }

    @Override
    public ConsistencyTokens resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                             NativeWebRequest request, WebDataBinderFactory binderFactory) {
        String[] values = request.getHeaderValues(ConsistencyToken.HEADER);
        return ConsistencyTokens.parse(values == null ? List.of() : List.of(values));
    }
}
