package org.camrin.support.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.camrin.support.axon.EventProcessorAdminController;
import org.springframework.context.annotation.Import;

/** Registers the problem-details advice and the event processor admin API in every servlet service. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ProblemDetailsAdvice.class, EventProcessorAdminController.class})
public class WebProblemAutoConfiguration {
}
