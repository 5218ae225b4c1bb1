package io.callmask.core.session;

/** A session is open until it is closed by the platform or passes its expiry. */
public enum SessionStatus {
    OPEN, CLOSED, EXPIRED;

    public String wire() {
        return name().toLowerCase();
    }
}
