package org.camrin.programme.programme;

import java.util.Arrays;
import java.util.Optional;

import org.camrin.support.web.NotFoundException;

/**
 * The network's five joint programmes. They are fixed by the network's Memorandum of
 * Understanding, so they exist from the first start without being created.
 */
public enum Programme {

    CLINICAL_TRANSFORMATION("clinical-transformation", "Clinical transformation",
            "Specialist service reviews, standardised imaging pathways, joint work with the Cancer Alliance "
                    + "and the radiology reporting collaborative."),
    DATA("data", "Data",
            "A network-wide approach to data and the capacity and demand planning tool."),
    DIGITAL_DELIVERY("digital-delivery", "Digital delivery",
            "New technology across the network, including evaluations of AI products."),
    PROCUREMENT("procurement", "Procurement",
            "Joint buying of digital systems, imaging equipment replacement, maintenance and consumables."),
    WORKFORCE("workforce", "Workforce",
            "The North West imaging workforce strategy, aligned with the HEE Star model.");

    private final String id;
    private final String displayName;
    private final String description;

    Programme(String id, String displayName, String description) {
        this.id = id;
        this.displayName = displayName;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public String description() {
        return description;
    }

    public static Optional<Programme> fromId(String id) {
        return Arrays.stream(values()).filter(programme -> programme.id.equals(id)).findFirst();
    }

    /** Finds a programme by id, or raises a not-found error that lists the programmes. */
    public static Programme require(String id) {
        return fromId(id).orElseThrow(() -> new NotFoundException(
                "Programme '" + id + "' does not exist. Programmes are: " + ids() + "."));
    }

    /** The programme ids, for error messages. */
    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(Programme::id).toList());
    }
}
