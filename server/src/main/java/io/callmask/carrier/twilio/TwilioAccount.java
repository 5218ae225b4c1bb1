package io.callmask.carrier.twilio;

/** The credentials in force; {@code toString} leaves the token out. */
record TwilioAccount(String accountSid, String authToken) {

    @Override
    public String toString() {
        return "TwilioAccount[" + accountSid + "]";
    }
}
