package io.callmask.emulator;

import java.net.URI;

/** One of the account's numbers, as configured in Twilio's console; {@code statusCallback} may be null. */
record IncomingNumber(String number, URI voiceUrl, URI statusCallback) {
}
