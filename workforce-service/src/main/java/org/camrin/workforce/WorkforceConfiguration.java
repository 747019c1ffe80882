package org.camrin.workforce;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans shared by the workforce packages. */
@Configuration
class WorkforceConfiguration {

    /** The clock that decides which months have started; aggregates receive it as a handler parameter. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
