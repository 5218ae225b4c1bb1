package io.callmask.core;

/** The shape of ids the platform gives us (retailers, orders): safe in paths, logs and URLs. */
public final class Ids {

    /** 1–64 characters: letters, digits and {@code . _ : -}, starting with a letter or digit. */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";

    /**
     * Free text (a name, the platform's id for a person): anything printable, including quotes and
     * markup, which are stored as data; but no control characters (NUL breaks PostgreSQL text,
     * CR/LF forge log lines) and no lone surrogates.
     */
    public static final String TEXT = "[^\\p{Cc}\\p{Cs}]*";

    private Ids() {}
}
