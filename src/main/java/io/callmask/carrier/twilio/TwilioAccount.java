package io.callmask.carrier.twilio;

/** The credentials in force: a real account's, or the emulator's. */
record TwilioAccount(String accountSid, String authToken, boolean emulated) {

    @Override
    public String toString() {
        return "TwilioAccount[" + accountSid + (emulated ? ", emulated" : "") + "]";
    }
}
