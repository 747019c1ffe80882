package org.camrin.programme.project.api;

/** Red, amber or green delivery confidence, as reported to the programme board. */
public enum RagRating {
    RED, AMBER, GREEN
}
