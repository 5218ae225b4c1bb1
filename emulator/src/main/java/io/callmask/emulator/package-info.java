/**
 * A faithful in-process emulator of Twilio Programmable Voice, so that callmask (its tests, and a new user's
 * demo) can make "phone calls" without a Twilio account.
 *
 * <p>It is an honest stand-in: it speaks HTTP only (the REST surface the official SDK calls, signed webhooks, TwiML)
 * and imports nothing from the rest of callmask, nor the Twilio SDK, so that the app's use of the SDK is checked
 * against an independent implementation. {@link TwilioEmulator} is the engine bean;
 * {@link EmulatorProperties} its settings. The control API under {@code /emulator} stands for
 * the outside world: virtual phones that ring, answer, dial, press keys and remember what they saw.
 */
package io.callmask.emulator;
