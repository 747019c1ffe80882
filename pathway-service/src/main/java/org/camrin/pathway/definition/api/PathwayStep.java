package org.camrin.pathway.definition.api;

import java.time.Duration;

/**
 * One step of a pathway definition and its target.
 *
 * @param key          stable identifier of the step within the pathway, such as {@code ct-performed}
 * @param name         what happens at the step
 * @param target       time allowed from the anchor to the step, an ISO-8601 duration
 * @param measuredFrom key of an earlier step the target is measured from; null for the pathway start
 */
public record PathwayStep(String key, String name, Duration target, String measuredFrom) {
}
