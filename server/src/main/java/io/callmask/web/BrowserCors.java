package io.callmask.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Lets a retailer's browser, on one of {@code callmask.tokens.allowed-origins}, call the endpoints
 * a retailer token may use. It runs before {@link ApiKeyFilter}, because a browser's preflight
 * request carries no credentials. No origin is allowed unless configured.
 */
@Configuration
class BrowserCors {

    /** The endpoints {@link RetailerAccess} opens to retailers; nothing else answers a browser. */
    private static final List<String> RETAILER_PATHS =
            List.of("/v1/masked-calls", "/v1/sessions", "/v1/sessions/**", "/v1/calls/**");

    @Bean
    FilterRegistrationBean<CorsFilter> retailerCorsFilter(TokenProperties tokens) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!tokens.allowedOrigins().isEmpty()) {
            var config = new org.springframework.web.cors.CorsConfiguration();
            config.setAllowedOrigins(tokens.allowedOrigins());
            config.setAllowedMethods(List.of("GET", "POST"));
            config.setAllowedHeaders(List.of("Authorization", "Content-Type"));
            config.setExposedHeaders(List.of("Retry-After"));
            // Tokens travel in the Authorization header, not in cookies.
            config.setAllowCredentials(false);
            config.setMaxAge(Duration.ofHours(1));
            RETAILER_PATHS.forEach(path -> source.registerCorsConfiguration(path, config));
        }
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(source));
        registration.setOrder(5);
        return registration;
    }
}
