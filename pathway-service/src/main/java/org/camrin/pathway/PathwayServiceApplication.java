package org.camrin.pathway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Standardised imaging pathways, patient pathway tracking with target breaches, compliance
 * figures and the Cancer Alliance event feed.
 */
@SpringBootApplication
@EnableScheduling
public class PathwayServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PathwayServiceApplication.class, args);
    }
}
