/**
 * The demo marketplace at {@code /demo}: one retailer's order list with the call button, and two virtual
 * phones on the emulator. It exists only while the emulator does, and everything it creates goes through
 * the directory like a platform's own data.
 */
package io.callmask.demo;
