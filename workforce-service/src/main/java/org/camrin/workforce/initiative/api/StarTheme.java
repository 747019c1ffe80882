package org.camrin.workforce.initiative.api;

/** The five themes of Health Education England's Star model for workforce planning. */
public enum StarTheme {
    SUPPLY, UP_SKILLING, NEW_ROLES, NEW_WAYS_OF_WORKING, LEADERSHIP_AND_MANAGEMENT
}
