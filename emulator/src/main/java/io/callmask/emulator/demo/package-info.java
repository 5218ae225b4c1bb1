/**
 * The demo marketplace at {@code /demo}: one retailer's order list with the call button, and two virtual
 * phones on the emulator. It is on only with {@code emulator.demo.enabled=true} (the demo run and the tests),
 * never in the product jar, and it reaches callmask only through its platform API, as a marketplace would.
 */
package io.callmask.emulator.demo;
