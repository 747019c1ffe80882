package org.camrin.data;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Capacity and demand planning on NHS England's DM01 diagnostic waiting-list figures for the
 * network's 12 trusts: file imports as event-sourced records, figures per trust and month, and
 * projections.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DataServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(DataServiceApplication.class, args);
    }
}
