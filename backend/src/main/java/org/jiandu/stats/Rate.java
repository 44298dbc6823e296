package org.jiandu.stats;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A share such as "replied on time / replies due": kept as its two counts so that a report shows what it
 * is made of; {@link #value()} is null when nothing was due (a rate of nothing is not 0 %).
 */
public record Rate(long numerator, long denominator) {

    public Rate {
        if (numerator < 0 || denominator < 0 || numerator > denominator) {
            throw new IllegalArgumentException("A rate needs 0 <= numerator <= denominator: " + numerator + "/" + denominator);
        }
    }

    /** The share between 0 and 1, or null when the denominator is 0. */
    @JsonProperty("value")
    public Double value() {
        return denominator == 0 ? null : (double) numerator / denominator;
    }

    /** {@code 87.5%}, or {@code —} when nothing was due. */
    @JsonProperty("percent")
    public String percent() {
        Double value = value();
        return value == null ? "—" : String.format("%.1f%%", value * 100);
    }
}
