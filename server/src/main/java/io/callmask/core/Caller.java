package io.callmask.core;

import java.util.Objects;

/**
 * Who is calling the API, as established by {@link ApiKeyFilter}. Controllers take it as a method
 * parameter and services decide with it.
 *
 * <ul>
 *   <li>{@code PLATFORM}: the marketplace's backend, with a platform API key; may do everything
 *       but read recordings.
 *   <li>{@code OPERATOR}: the people who run callmask, with an operator key; everything the platform
 *       may do, plus reading recordings (audited).
 *   <li>{@code RETAILER}: a retailer's browser, with a short-lived token scoped to one retailer; only
 *       that retailer's own orders, sessions and calls.
 * </ul>
 */
public record Caller(Kind kind, String retailerId, String label) {

    /** The request attribute under which the filter stores the caller. */
    public static final String ATTRIBUTE = Caller.class.getName();

    public enum Kind { PLATFORM, OPERATOR, RETAILER }

    /**
     * @param label who this is in an audit trail, never a secret: a key's fingerprint such as
     *     {@code operator:3fa9c2d1}, or {@code retailer:<id>}
     */
    public Caller {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        if ((kind == Kind.RETAILER) != (retailerId != null)) {
            throw new IllegalArgumentException("a retailer id goes with, and only with, a retailer caller");
        }
    }

    public static Caller platform(String keyFingerprint) {
        return new Caller(Kind.PLATFORM, null, "platform:" + keyFingerprint);
    }

    public static Caller operator(String keyFingerprint) {
        return new Caller(Kind.OPERATOR, null, "operator:" + keyFingerprint);
    }

    public static Caller retailer(String retailerId) {
        return new Caller(Kind.RETAILER, retailerId, "retailer:" + retailerId);
    }

    /** Platform or operator: may act for any retailer. */
    public boolean isTrusted() {
        return kind != Kind.RETAILER;
    }

    public boolean isOperator() {
        return kind == Kind.OPERATOR;
    }

    /** True when this caller may act for the given retailer. */
    public boolean mayActFor(String retailer) {
        return isTrusted() || retailerId.equals(retailer);
    }
}
