package io.callmask.core.number;

/** A number in a request that cannot be used; the message names the field and the reason only. */
public class InvalidPhoneNumberException extends RuntimeException {

    private final String field;

    public InvalidPhoneNumberException(String field, String reason) {
        super("'" + field + "' " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
