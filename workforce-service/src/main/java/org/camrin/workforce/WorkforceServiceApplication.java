package org.camrin.workforce;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The imaging workforce of the network's trusts: monthly workforce returns per trust and staff
 * group, the figures derived from them, Star-model initiatives, implementation plans and projections.
 */
@SpringBootApplication
public class WorkforceServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(WorkforceServiceApplication.class, args);
    }
}
