package org.camrin.data.figures.query;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The months that have figures, in one document read by {@code _id} {@value #ID}; one entry per month. */
@Document(PeriodIndex.COLLECTION)
public record PeriodIndex(@Id String id, List<String> periods) {

    static final String COLLECTION = "figure_periods";
    static final String ID = "all";
}
