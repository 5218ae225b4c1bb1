package io.callmask.demo;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo shop's phone numbers ({@code callmask.demo.*}, defaults in application.yml): numbers of the
 * emulator's virtual phones, never dialled outside the machine.
 *
 * @param retailerPhone the demo retailer's phone
 * @param customerPhones the demo customers' phones, one per demo order, in order
 */
@ConfigurationProperties("callmask.demo")
record DemoProperties(String retailerPhone, List<String> customerPhones) {}
