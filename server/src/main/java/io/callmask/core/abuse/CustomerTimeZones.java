package io.callmask.core.abuse;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.callmask.core.number.PhoneNumber;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The time zones a number may ring in, from libphonenumber's prefix data (geocoder artifact). A
 * number of a country with several zones may give several; one the data does not place gives the
 * configured default zone.
 */
@Component
class CustomerTimeZones {

    private final PhoneNumberToTimeZonesMapper mapper = PhoneNumberToTimeZonesMapper.getInstance();
    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final ZoneId fallback;

    CustomerTimeZones(AbuseProperties properties) {
        this.fallback = properties.outsideHours().zone();
    }

    List<ZoneId> of(PhoneNumber number) {
        List<ZoneId> zones = new ArrayList<>();
        try {
            for (String id : mapper.getTimeZonesForNumber(util.parse(number.e164(), "ZZ"))) {
                if (!PhoneNumberToTimeZonesMapper.getUnknownTimeZone().equals(id)) {
                    zones.add(ZoneId.of(id));
                }
            }
        } catch (NumberParseException | DateTimeException e) {
            zones.clear();
        }
        return zones.isEmpty() ? List.of(fallback) : List.copyOf(zones);
    }
}
