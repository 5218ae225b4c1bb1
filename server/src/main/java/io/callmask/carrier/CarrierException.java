package io.callmask.carrier;

/** The carrier refused a request or could not be reached. The message holds no phone number. */
public class CarrierException extends RuntimeException {

    public CarrierException(String message, Throwable cause) {
        super(message, cause);
    }
}
