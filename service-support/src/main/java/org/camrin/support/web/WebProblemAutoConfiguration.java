package org.camrin.support.web;

import com.fasterxml.jackson.core.JsonParser;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.camrin.support.axon.EventProcessorAdminController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Registers the problem-details advice and the event processor admin API in every servlet service. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ProblemDetailsAdvice.class, EventProcessorAdminController.class})
public class WebProblemAutoConfiguration {

    /**
     * Bounds request dates and durations, and rejects a JSON object that repeats a key instead of
     * silently keeping the last value. Registered after Spring Boot's modules so it takes precedence.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer requestBounds() {
        return builder -> builder.postConfigurer(mapper -> {
            mapper.registerModule(new RequestBoundsModule());
            mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        });
    }
}
