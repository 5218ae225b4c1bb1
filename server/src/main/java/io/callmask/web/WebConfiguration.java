package io.callmask.web;

import io.callmask.core.Caller;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.StringHttpMessageConverter;
import java.util.List;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The Twilio SDK brings Jackson 2's XML module and springdoc a YAML one; Spring would register
 * converters for both that ignore Boot's JSON settings, and a browser's {@code Accept} header
 * (which lists XML) would pick XML and fail. Objects go out as JSON only; TwiML is written as a
 * string, which the string converter keeps handling.
 */
@Configuration
class WebConfiguration implements WebMvcConfigurer {

    static {
        // The caller comes from the Authorization header, not from the request: keep it out of the API document.
        org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Override
    public void addInterceptors(org.springframework.web.servlet.config.annotation.InterceptorRegistry registry) {
        registry.addInterceptor(new ApiMediaTypes()).addPathPatterns("/v1/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(converters -> converters.removeIf(WebConfiguration::xmlOrYaml));
    }

    private static boolean xmlOrYaml(HttpMessageConverter<?> converter) {
        if (converter instanceof StringHttpMessageConverter) {
            return false;
        }
        return converter.getSupportedMediaTypes().stream()
                .anyMatch(type -> type.getSubtype().contains("xml") || type.getSubtype().contains("yaml"));
    }
}
